using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Training;

namespace Scalability.Tests.Training;

/// <summary>The categorizer trained on Bitext's <c>category</c>: its held-out score, its model file and its use in jobs.</summary>
[Collection(BitextModelCollection.Name)]
public sealed class CategorizerTrainerTests(BitextModel bitext)
{
    // Measured: accuracy and macro-F1 of 1.000 on the 901 held-out rows (docs/categorizer-training.md). The floor
    // is well below, so that a change of ML.NET's numerics does not fail the test, and a broken pipeline does.
    private const double MacroF1Floor = 0.95;

    [Fact]
    public void On_the_held_out_fifth_of_bitext_the_macro_f1_is_above_the_floor()
    {
        var report = bitext.Run.HeldOut;

        Assert.True(report.MacroF1 >= MacroF1Floor, $"macro-F1 {report.MacroF1:0.0000} is below {MacroF1Floor}");
        Assert.True(report.Accuracy >= MacroF1Floor, $"accuracy {report.Accuracy:0.0000} is below {MacroF1Floor}");
        Assert.Equal(11, report.Classes.Count);
        Assert.All(report.Classes, c => Assert.True(c.F1 >= 0.8, $"{c.Category}: F1 {c.F1:0.000}"));
    }

    [Fact]
    public void The_per_category_table_adds_up_to_the_held_out_rows()
    {
        var run = bitext.Run;
        var report = run.HeldOut;

        Assert.Equal(4514, bitext.Data.Rows);
        Assert.Equal(bitext.Data.Examples.Count, run.Split.Train.Count + run.Split.HeldOut.Count);
        Assert.Equal(run.Split.HeldOut.Count, report.Rows);
        Assert.Equal(report.Rows, report.Classes.Sum(c => c.Support));
        Assert.Equal(report.Rows, report.Classes.Sum(c => c.Predicted));
        Assert.Equal(report.Correct, report.Classes.Sum(c => c.Correct));
        foreach (var category in run.Split.HeldOut.GroupBy(e => e.Label))
        {
            Assert.Equal(category.Count(), Assert.Single(report.Classes, c => c.Category == category.Key).Support);
        }

        Assert.Equal(report.Classes.Average(c => c.F1), report.MacroF1, 12);
    }

    [Fact]
    public void The_model_file_says_what_it_was_trained_on_and_how_it_scored()
    {
        var info = TrainedCategorizer.Load(bitext.ModelPath).Info;

        Assert.Equal(CategorizerModelInfo.FormatName, info.Format);
        Assert.Equal("category", info.LabelColumn);
        Assert.Equal(["instruction"], info.TextColumns);
        Assert.Equal(bitext.Data.Categories.Select(c => c.Key).Order(StringComparer.Ordinal), info.Categories);
        Assert.Equal(bitext.Run.Split.Train.GroupBy(e => e.Label).MaxBy(g => g.Count())!.Key, info.FallbackCategory);
        Assert.Equal((bitext.Run.Split.Train.Count, bitext.Run.Split.HeldOut.Count), (info.TrainRows, info.HeldOutRows));
        Assert.Equal(bitext.Run.HeldOut.MacroF1, info.HeldOutMacroF1);
        Assert.Equal(bitext.Run.HeldOut.Accuracy, info.HeldOutAccuracy);
    }

    [Fact]
    public void The_loaded_model_predicts_exactly_what_the_trained_one_did()
    {
        var loaded = TrainedCategorizer.Load(bitext.ModelPath);

        foreach (var example in bitext.Run.Split.HeldOut)
        {
            Assert.Equal(bitext.Run.Categorizer.Categorize(example.Text), loaded.Categorize(example.Text));
        }

        var rescored = ClassificationReport.From(bitext.Run.Split.HeldOut.Select(e => (e.Label, loaded.Categorize(e.Text).Category)));
        Assert.Equal(bitext.Run.HeldOut.MacroF1, rescored.MacroF1);
    }

    [Fact]
    public void Predictions_made_on_many_threads_at_once_are_those_made_one_by_one()
    {
        var categorizer = bitext.Run.Categorizer;
        var texts = bitext.Data.Examples.Select(e => e.Text).ToArray();
        var sequential = texts.Select(categorizer.Categorize).ToArray();

        var parallel = new CategoryPrediction[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = categorizer.Categorize(texts[i]));

        Assert.Equal(sequential, parallel);
        Assert.All(sequential, p => Assert.InRange(p.Confidence, 1.0 / 11, 1.0));
        Assert.All(sequential, p => Assert.Contains(p.Category, categorizer.Categories));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t")]
    public void Blank_text_gets_the_fallback_category_with_no_confidence(string text) =>
        Assert.Equal(new CategoryPrediction(bitext.Run.Categorizer.FallbackCategory, 0), bitext.Run.Categorizer.Categorize(text));

    [Fact]
    public async Task The_local_processor_categorizes_with_the_model_its_spec_names()
    {
        var processor = LocalTicketProcessor.Create(new ProcessorSpec(
            Categorizer: ProcessorSpec.ModelCategorizer, Summarizer: ProcessorSpec.Off, ModelPath: bitext.ModelPath));
        var examples = bitext.Run.Split.HeldOut.Take(50).ToArray();

        var results = await processor.ProcessAsync(
            examples.Select(e => new Ticket(e.RecordNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), e.RecordNumber,
                [new TicketField("instruction", e.Text)])).ToArray(), CancellationToken.None);

        Assert.Equal(examples.Select(e => bitext.Run.Categorizer.Categorize(e.Text).Category), results.Select(r => r.Category));
        Assert.All(results, r => Assert.Equal(TicketStatus.Ok, r.Status));
    }

    [Fact]
    public void A_model_is_loaded_once_per_version_of_its_file()
    {
        using var folder = new Support.TempFolder();
        var path = folder.File("copy.model");
        File.Copy(bitext.ModelPath, path);

        var first = CategorizerModelCache.Get(path);
        var again = CategorizerModelCache.Get(Path.Combine(folder.Path, ".", "copy.model"));
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));
        var rewritten = CategorizerModelCache.Get(path);

        Assert.Same(first, again);
        Assert.NotSame(first, rewritten);
        Assert.Same(rewritten, CategorizerModelCache.Get(path));
    }
}
