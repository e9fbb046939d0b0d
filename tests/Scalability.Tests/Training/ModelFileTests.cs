using System.IO.Compression;
using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Training;
using Scalability.Tests.Support;

namespace Scalability.Tests.Training;

/// <summary>Files that are not models are refused with a message that names the file and says what is wrong.</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_missing_file_is_named_as_missing()
    {
        var path = _temp.File("nothing.model");

        var error = Assert.Throws<ModelFileException>(() => TrainedCategorizer.Load(path));

        Assert.Equal($"the model file '{path}' does not exist (scale train writes one)", error.Message);
        Assert.Equal(path, error.Path);
        Assert.Throws<ModelFileException>(() => CategorizerModelCache.Get(path));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_not_a_model()
    {
        var path = _temp.Write("tickets.csv", "id,text\n1,hello\n");

        var error = Assert.Throws<ModelFileException>(() => TrainedCategorizer.Load(path));

        Assert.StartsWith($"'{path}' is not a categorizer model written by scale train: it is not a zip archive", error.Message);
    }

    [Fact]
    public void A_zip_without_our_description_is_not_a_model()
    {
        var path = Zip("other.zip", ("readme.txt", "hello"));

        var error = Assert.Throws<ModelFileException>(() => TrainedCategorizer.Load(path));

        Assert.Equal($"'{path}' is not a categorizer model written by scale train: it has no scale-categorizer.json entry", error.Message);
    }

    [Fact]
    public void A_description_of_something_else_is_not_a_model()
    {
        var path = Zip("else.model", ("scale-categorizer.json", """{"format":"something-else","version":1}"""));

        var error = Assert.Throws<ModelFileException>(() => TrainedCategorizer.Load(path));

        Assert.Equal($"'{path}' is not a categorizer model written by scale train: its scale-categorizer.json does not describe a categorizer", error.Message);
    }

    [Fact]
    public void A_model_entry_that_is_not_a_linear_model_is_refused()
    {
        var path = Zip("broken.model", ("scale-categorizer.json", Description), ("model.linear", "not a model"));

        var error = Assert.Throws<ModelFileException>(() => TrainedCategorizer.Load(path));

        Assert.Equal($"'{path}' is not a categorizer model written by scale train: its model.linear cannot be read (it does not start with the linear model's tag)",
            error.Message);
    }

    [Fact]
    public void A_truncated_model_entry_is_refused()
    {
        var path = Zip("short.model", ("scale-categorizer.json", Description), ("model.linear", "SCLM\u0001"));

        var error = Assert.Throws<ModelFileException>(() => TrainedCategorizer.Load(path));

        Assert.StartsWith($"'{path}' is not a categorizer model written by scale train: its model.linear cannot be read (", error.Message);
    }

    [Fact]
    public void A_newer_format_is_refused_with_the_versions()
    {
        var path = Zip("future.model", ("scale-categorizer.json", Description.Replace("\"version\":2", "\"version\":7", StringComparison.Ordinal)));

        var error = Assert.Throws<ModelFileException>(() => TrainedCategorizer.Load(path));

        Assert.EndsWith($"it is of format version 7, and this scale reads up to version {CategorizerModelInfo.CurrentVersion}", error.Message);
    }

    [Fact]
    public void A_format_one_ml_net_model_is_refused_with_what_to_train_it_on_again()
    {
        var path = Zip("old.model", ("scale-categorizer.json", Description.Replace("\"version\":2", "\"version\":1", StringComparison.Ordinal)), ("model.mlnet", "zip"));

        var error = Assert.Throws<ModelFileException>(() => TrainedCategorizer.Load(path));

        Assert.Equal($"'{path}' is not a categorizer model written by scale train: it is of format version 1 (an ML.NET model), which this scale no longer " +
                     "reads: train it again with scale train (its description says it was trained on the columns label 'c', text 't')", error.Message);
    }

    [Fact]
    public void The_model_categorizer_without_a_path_is_a_bad_spec()
    {
        var error = Assert.Throws<ArgumentException>(() => LocalTicketProcessor.Create(new ProcessorSpec(Categorizer: ProcessorSpec.ModelCategorizer)));

        Assert.Equal("the model categorizer needs the path of a model written by scale train", error.Message);
    }

    private const string Description =
        """{"format":"scale-categorizer","version":2,"labelColumn":"c","textColumns":["t"],"categories":["a","b"],"fallbackCategory":"a","trainer":"x","trainRows":1,"heldOutRows":1,"testFraction":0.2,"seed":1,"heldOutAccuracy":1,"heldOutMacroF1":1}""";

    private string Zip(string name, params (string Entry, string Text)[] entries)
    {
        var path = _temp.File(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write(text);
        }

        return path;
    }
}
