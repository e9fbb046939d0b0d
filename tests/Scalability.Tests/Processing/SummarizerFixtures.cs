using CsvHelper;
using Scalability.Tests.Quality;
using Scalability.Tests.Support;

namespace Scalability.Tests.Processing;

/// <summary>Reads the summarizer's labelled fixtures from the repository.</summary>
internal static class SummarizerFixtures
{
    public static string Directory => Path.Combine(TestPaths.RepositoryRoot, "tests", "Scalability.Tests", "Processing", "SummarizerFixtures");

    public static string PathOf(string language) => Path.Combine(Directory, language + ".csv");

    /// <summary>The header of a fixture file, as written.</summary>
    public static string[] Header(string language)
    {
        using var reader = CsvReader.FromFile(PathOf(language), new CsvReaderOptions { HasHeader = true }, FileOptions.SequentialScan);
        return reader.Headers.ToArray();
    }

    public static IReadOnlyList<FixtureTicket> Read(string language) => FixtureTicket.Read(PathOf(language));

    public static IReadOnlyList<FixtureTicket> All() =>
        Scalability.Grains.Processing.Languages.SupportedLanguages.Codes.SelectMany(Read).ToArray();
}
