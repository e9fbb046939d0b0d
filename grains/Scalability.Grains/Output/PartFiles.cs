namespace Scalability.Grains.Output;

/// <summary>
/// Names of the files a job writes beside its output. Each attempt at a chunk writes parts of its own and commits
/// them by renaming, so a part under its final name is always complete, and two attempts never share a file.
/// </summary>
public static class PartFiles
{
    public static string PartDirectory(string outputPath) => outputPath + ".parts";

    public static string RejectsPath(string outputPath) => outputPath + ".rejects.csv";

    public static string SummaryPath(string outputPath) => outputPath + ".summary.json";

    /// <summary>The tickets to review by hand (see <see cref="ReviewFile"/>).</summary>
    public static string ReviewPath(string outputPath) => outputPath + ".review.csv";

    public static string Part(string directory, int index, int attempt) =>
        Path.Combine(directory, $"part-{index:D6}.a{attempt}.csv");

    public static string Rejects(string directory, int index, int attempt) =>
        Path.Combine(directory, $"rejects-{index:D6}.a{attempt}.csv");

    public static string Review(string directory, int index, int attempt) =>
        Path.Combine(directory, $"review-{index:D6}.a{attempt}.csv");

    public static string Temporary(string finalPath) => finalPath + ".tmp";

    /// <summary>The header of the rejects file: where each malformed record is, why, and its text as it was.</summary>
    public static readonly string[] RejectsHeader = ["line", "record", "reason", "raw"];
}
