using CsvHelper;

namespace Scalability.Tests.Processing;

/// <summary>
/// Finds the real data sets in <c>shared/data</c>, which sits next to the repository clone (at /work/shared for
/// /work/main, and as a sibling of the clone folder in CI), by walking up from the test binaries.
/// </summary>
internal static class SharedData
{
    public const string SupportTickets = "customer-support-tickets-8469.csv";
    public const string Bitext = "bitext-support-4514.csv";

    private static readonly Lazy<string?> DataDirectory = new(Locate);

    public static string PathOf(string fileName)
    {
        var directory = DataDirectory.Value ?? throw new InvalidOperationException(
            $"no shared/data directory above {AppContext.BaseDirectory}; the real data sets belong next to the repository clone");
        var path = Path.Combine(directory, fileName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{fileName} is missing from {directory}", path);
    }

    /// <summary>Reads one column of a data set, by header name, in file order.</summary>
    public static List<string[]> ReadColumns(string fileName, params string[] columns)
    {
        using var reader = CsvReader.FromFile(PathOf(fileName), new CsvReaderOptions { HasHeader = true }, FileOptions.SequentialScan);
        var indexes = columns.Select(column => reader.TryGetFieldIndex(column, out var index)
            ? index
            : throw new InvalidOperationException($"{fileName} has no column '{column}'")).ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(indexes.Select(reader.GetString).ToArray());
        }

        return rows;
    }

    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
