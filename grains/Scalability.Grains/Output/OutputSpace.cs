using System.Globalization;
using Scalability.Grains.Ingest;

namespace Scalability.Grains.Output;

/// <summary>
/// The disk-space check made before a job writes anything: a job that would fill the output's volume half way
/// through is refused at the start, saying how much it needs and how much there is.
/// </summary>
public static class OutputSpace
{
    /// <summary>The result columns of one row, apart from the summary: category, confidence, status, error, counts, cost.</summary>
    public const int ResultBytesPerRow = 256;

    /// <summary>
    /// A generous estimate of what a job writes: every output row copies its input row (at most the input's bytes) and
    /// adds its results (a summary of up to <paramref name="summaryMaxChars"/> characters of up to 4 UTF-8 bytes each,
    /// and <see cref="ResultBytesPerRow"/>), and until the parts are deleted they and the assembled output are on disk
    /// together, so twice that.
    /// </summary>
    public static long Estimate(long inputBytes, long rows, int summaryMaxChars) =>
        2 * (inputBytes + rows * (ResultBytesPerRow + 4L * summaryMaxChars));

    /// <summary>Why the output cannot be written for lack of space, or null when there is enough.</summary>
    /// <param name="needed">The bytes the job writes.</param>
    /// <param name="available">The bytes free on the output's volume.</param>
    /// <param name="reserve">The bytes to leave free beyond <paramref name="needed"/>.</param>
    public static string? Shortfall(string outputPath, long needed, long available, long reserve)
    {
        var wanted = needed + reserve;
        if (available >= wanted)
        {
            return null;
        }

        var reserved = reserve > 0 ? $", plus {ByteSizes.Describe(reserve)} kept free" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"not enough free space for the output '{outputPath}': its volume has {ByteSizes.Describe(available)} free, " +
            $"and the job needs about {ByteSizes.Describe(needed)}{reserved}; free some space or write the output to another volume");
    }

    /// <summary>The bytes free on the volume that holds <paramref name="outputPath"/> (or would, once its folder exists).</summary>
    public static long Available(string outputPath)
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(outputPath)) ?? "/");
        while (!directory.Exists && directory.Parent is not null)
        {
            directory = directory.Parent;
        }

        return new DriveInfo(directory.FullName).AvailableFreeSpace;
    }
}
