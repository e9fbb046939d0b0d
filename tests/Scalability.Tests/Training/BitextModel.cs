using Scalability.Grains.Processing.Training;
using Scalability.Tests.Support;

namespace Scalability.Tests.Training;

/// <summary>
/// A categorizer trained once, in this process, on the Bitext tickets' <c>category</c> with the default split,
/// and saved to a file, for the tests that score it, load it and run it in a fresh process.
/// </summary>
public sealed class BitextModel : IDisposable
{
    public const string LabelColumn = "category";

    private readonly TempFolder _folder = new();

    public BitextModel()
    {
        InputPath = TestPaths.Dataset(TestPaths.Bitext);
        Data = LabeledCsv.Read(InputPath, LabelColumn, textColumns: null);
        Run = CategorizerTrainer.Train(Data.Examples, new TrainingOptions { LabelColumn = Data.LabelColumn, TextColumns = Data.TextColumns });
        ModelPath = _folder.File("bitext-category.model");
        Run.Categorizer.Save(ModelPath);
    }

    public string InputPath { get; }

    public LabeledData Data { get; }

    public TrainingRun Run { get; }

    public string ModelPath { get; }

    public void Dispose() => _folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BitextModelCollection : ICollectionFixture<BitextModel>
{
    public const string Name = "bitext model";
}
