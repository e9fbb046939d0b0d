using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Scalability.Grains.Processing.Training;
using Scalability.Tests.Support;

namespace Scalability.Tests.Training;

/// <summary>The real <c>scale train</c> and <c>scale run --model</c>, in child processes, against the model trained in this one.</summary>
[Collection(BitextModelCollection.Name)]
public sealed class TrainedModelCliTests(BitextModel bitext) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_model_file_gives_every_held_out_row_the_same_category_in_a_fresh_scale_run()
    {
        var heldOut = bitext.Run.Split.HeldOut;
        var input = _temp.File("heldout.csv");
        using (var stream = File.Create(input))
        using (var writer = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: false))
        {
            writer.WriteField("ticket_id");
            writer.WriteField("instruction");
            writer.EndRecord();
            foreach (var example in heldOut)
            {
                writer.WriteField(example.RecordNumber, default);
                writer.WriteField(example.Text);
                writer.EndRecord();
            }
        }

        var output = _temp.File("heldout.results.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--model", bitext.ModelPath,
            "--summarizer", "none", "--text-columns", "instruction", "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var summary = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(heldOut.Count, summary.GetProperty("ok").GetInt64());
        var results = CsvFiles.Read(output);
        Assert.Equal(heldOut.Count, results.Rows.Count);
        var ids = results.Values("ticket_id").ToArray();
        var categories = results.Values("category").ToArray();
        var confidences = results.Values("confidence").ToArray();
        for (var i = 0; i < heldOut.Count; i++)
        {
            var expected = bitext.Run.Categorizer.Categorize(heldOut[i].Text);
            Assert.Equal(heldOut[i].RecordNumber.ToString(CultureInfo.InvariantCulture), ids[i]);
            Assert.True(expected.Category == categories[i], $"row {ids[i]}: in process {expected.Category}, in scale run {categories[i]}");
            Assert.Equal(expected.Confidence.ToString("0.000", CultureInfo.InvariantCulture), confidences[i]);
        }

        Assert.All(results.Values("summary"), s => Assert.Equal("", s));
    }

    [Fact]
    public async Task Scale_train_on_bitext_reports_the_split_and_scores_of_the_same_training_in_process()
    {
        var model = _temp.File("models/bitext.model");

        var train = await ScaleCli.RunAsync(_temp.Path, "train", bitext.InputPath, "--label-column", "category", "--out", model, "--json");

        Assert.True(train.ExitCode == 0, train.StdErr);
        Assert.Contains("columns: label = 'category'; text = 'instruction' (by name)" + Environment.NewLine +
                        "  'response': also free text, not read (use --text-columns to read it): 114 words a value on average, 100% distinct; " +
                        "addressed to the reader in 98% of values" + Environment.NewLine, train.StdErr);
        var report = JsonDocument.Parse(train.StdOut).RootElement;
        Assert.Equal(bitext.Data.Rows, report.GetProperty("rows").GetInt64());
        Assert.Equal(0, report.GetProperty("skippedBlankLabel").GetInt64());
        Assert.Equal(bitext.Run.Split.Train.Count, report.GetProperty("trainRows").GetInt32());
        Assert.Equal(bitext.Run.Split.HeldOut.Count, report.GetProperty("heldOutRows").GetInt32());
        Assert.Equal(bitext.Run.HeldOut.Accuracy, report.GetProperty("accuracy").GetDouble());
        Assert.Equal(bitext.Run.HeldOut.MacroF1, report.GetProperty("macroF1").GetDouble());
        var classes = report.GetProperty("classes").EnumerateArray().ToArray();
        Assert.Equal(bitext.Run.HeldOut.Classes.Select(c => (c.Category, c.Support, c.Correct)),
            classes.Select(c => (c.GetProperty("category").GetString()!, c.GetProperty("support").GetInt32(), c.GetProperty("correct").GetInt32())));
        Assert.Equal(bitext.Run.Split.HeldOut.Count, classes.Sum(c => c.GetProperty("support").GetInt32()));
        Assert.Equal(model, report.GetProperty("modelPath").GetString());
        Assert.Equal(new FileInfo(model).Length, report.GetProperty("modelBytes").GetInt64());
        Assert.Equal(bitext.Run.CalibrationError, report.GetProperty("calibrationError").GetDouble());
        Assert.Equal(bitext.Run.Categorizer.Info.Features, report.GetProperty("features").GetInt32());
        Assert.True(report.GetProperty("trainingSeconds").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("crossValidation").ValueKind);
    }

    [Fact]
    public async Task Cross_validation_reports_each_folds_macro_f1_their_mean_and_spread_as_the_trainer_computes_them()
    {
        var train = await ScaleCli.RunAsync(_temp.Path, "train", bitext.InputPath, "--label-column", "category", "--out", _temp.File("cv.model"),
            "--cross-validate", "3", "--json");

        Assert.True(train.ExitCode == 0, train.StdErr);
        var cv = JsonDocument.Parse(train.StdOut).RootElement.GetProperty("crossValidation");
        var expected = CategorizerTrainer.CrossValidate(bitext.Data.Examples, 3, new TrainingOptions());
        Assert.Equal(3, cv.GetProperty("folds").GetInt32());
        Assert.Equal(expected.MacroF1, cv.GetProperty("macroF1").EnumerateArray().Select(f => f.GetDouble()));
        Assert.Equal(expected.Mean, cv.GetProperty("meanMacroF1").GetDouble());
        Assert.Equal(expected.StandardDeviation, cv.GetProperty("standardDeviation").GetDouble());

        var text = await ScaleCli.RunAsync(_temp.Path, "train", bitext.InputPath, "--label-column", "category", "--out", _temp.File("cv2.model"),
            "--cross-validate", "3");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"  3-fold CV macro-F1 {expected.Mean:0.000} ± {expected.StandardDeviation:0.000} (folds {string.Join(", ", expected.MacroF1.Select(f => f.ToString("0.000", CultureInfo.InvariantCulture)))};"),
            text.StdOut);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"  confidence calibrated on the held-out rows: expected calibration error {bitext.Run.CalibrationError:0.000}"), text.StdOut);
    }
}
