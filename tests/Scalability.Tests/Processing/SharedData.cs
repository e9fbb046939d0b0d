using Scalability.Tests.Quality;
using Scalability.Tests.Support;

namespace Scalability.Tests.Processing;

/// <summary>Reads columns of the real data sets in <c>shared/data</c> (found by <see cref="TestPaths"/>) and of other CSVs.</summary>
internal static class SharedData
{
    public const string SupportTickets = TestPaths.Kaggle;
    public const string Bitext = TestPaths.Bitext;

    /// <summary>The values of the named columns of every record, in file order.</summary>
    public static List<string[]> ReadColumns(string fileName, params string[] columns)
    {
        var path = TestPaths.Dataset(fileName);
        Assert.True(File.Exists(path), $"{path} is missing: the real data sets belong in shared/data beside the repository");
        return ReadColumnsAt(path, columns);
    }

    /// <summary>The same for a CSV at a path of its own (the repository's samples and fixtures).</summary>
    public static List<string[]> ReadColumnsAt(string path, params string[] columns)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        return QualityDataSets.ReadColumns(path, columns);
    }
}
