using Scalability.Tests.Quality;

namespace Scalability.Benchmarks.Quality;

/// <summary>
/// Where the quality mode finds its data: the repository (its samples and labelled fixtures), the shared real data sets
/// beside it (<c>shared/data</c>), and the benchmark's work folder for the synthetic tickets.
/// </summary>
/// <param name="FixtureDirectories">Folders of labelled fixture CSVs (<c>&lt;code&gt;.csv</c> in the fixture format),
/// by default the summarizer's own, the two held-out sets and the training tickets; <c>--fixtures</c> names others.</param>
internal sealed record QualityInputs(
    string RepositoryRoot,
    string SharedData,
    IReadOnlyList<string> FixtureDirectories,
    string WorkDirectory,
    long SyntheticRows,
    int Seed,
    int Repeat)
{
    public const string SupportTickets = "customer-support-tickets-8469.csv";
    public const string Bitext = "bitext-support-4514.csv";
    public const string Sample = "samples/tickets-sample.csv";

    public static QualityInputs Locate(BenchmarkOptions options)
    {
        var root = FindUp(AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir, "Scalability.Orleans.sln")))
                   ?? throw new BenchmarkFailedException($"cannot find the repository (Scalability.Orleans.sln) above {AppContext.BaseDirectory}");
        var shared = FindUp(root, dir => Directory.Exists(Path.Combine(dir, "shared", "data")))
                     ?? throw new BenchmarkFailedException($"cannot find shared/data beside or above {root}: the real data sets belong there");
        var fixtures = options.Quality?.FixtureDirectories is { Count: > 0 } named
            ? named
            : [Path.Combine(root, QualityDataSets.SummarizerFolderInRepository), Path.Combine(root, QualityDataSets.HeldOutFolderInRepository),
                Path.Combine(root, QualityDataSets.SecondHeldOutFolderInRepository), Path.Combine(root, QualityDataSets.TrainFolderInRepository)];
        foreach (var directory in fixtures)
        {
            if (!Directory.Exists(directory))
            {
                throw new BenchmarkFailedException($"--fixtures: {directory} is not a folder");
            }
        }

        var rows = options.Rows.Count == 1 ? options.Rows[0] : QualityRunOptions.DefaultSyntheticRows;
        return new QualityInputs(root, Path.Combine(shared, "shared", "data"), fixtures, options.WorkDirectory, rows,
            options.Seed, options.Repeat);
    }

    public string Dataset(string name) => Path.Combine(SharedData, name);

    /// <summary>The values of the named columns of every record of a CSV, in file order.</summary>
    public static List<string[]> ReadColumns(string path, params string[] columns)
    {
        try
        {
            return QualityDataSets.ReadColumns(path, columns);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            throw new BenchmarkFailedException(e.Message);
        }
    }

    /// <summary>The labelled tickets of each fixture folder, named after it ("heldout", "summarizerfixtures").</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<FixtureTicket> Tickets)> ReadFixtureSets()
    {
        try
        {
            return FixtureDirectories.Select(d => (Path.GetFileName(Path.TrimEndingDirectorySeparator(d)).ToLowerInvariant(), FixtureTicket.ReadFolder(d))).ToArray();
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            throw new BenchmarkFailedException(e.Message);
        }
    }

    private static string? FindUp(string start, Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
