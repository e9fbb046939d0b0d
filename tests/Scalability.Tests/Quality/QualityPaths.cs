using Scalability.Tests.Support;

namespace Scalability.Tests.Quality;

/// <summary>Where the quality tests find their labelled data and the calibration they check.</summary>
internal static class QualityPaths
{
    public static string DevFolder => Path.Combine(TestPaths.RepositoryRoot, QualityDataSets.DevFolderInRepository);

    public static string Bitext => TestPaths.Dataset(QualityDataSets.BitextFile);

    public static string Banking77 => TestPaths.Dataset(QualityDataSets.Banking77File);

    public static string CommittedCalibration =>
        Path.Combine(TestPaths.RepositoryRoot, "grains", "Scalability.Grains", "Processing", "keyword-calibration.json");

    /// <summary>The fit parts (or the held-back parts) of the shared data sets.</summary>
    public static IReadOnlyList<LabelledTicket> SharedData(DataPart part) =>
        [.. QualityDataSets.Bitext(Bitext, part), .. QualityDataSets.Banking77(Banking77, part)];
}
