using CsvHelper;
using Scalability.Tests.Support;

namespace Scalability.Tests.Processing;

/// <summary>
/// One labelled ticket of <c>SummarizerFixtures/&lt;code&gt;.csv</c> (the fixture format: <c>id, language, category,
/// subject, body, greeting, closing, signature, quoted, problem</c>), each annotation split into its pieces (" | ").
/// </summary>
internal sealed record LabelledFixture(
    string Id, string Language, string Category, string Subject, string Body,
    string[] Greeting, string[] Closing, string[] Signature, string[] Quoted, string Problem)
{
    /// <summary>What a job summarises: the subject, a blank line and the body (or the body alone).</summary>
    public string Text => Subject.Length == 0 ? Body : Subject + "\n\n" + Body;

    public IEnumerable<(string Kind, string Piece)> Boilerplate =>
        Greeting.Select(p => ("greeting", p)).Concat(Closing.Select(p => ("closing", p)))
            .Concat(Signature.Select(p => ("signature", p))).Concat(Quoted.Select(p => ("quoted", p)));
}

/// <summary>Reads the summarizer's labelled fixtures from the repository.</summary>
internal static class SummarizerFixtures
{
    public static readonly string[] Columns = ["id", "language", "category", "subject", "body", "greeting", "closing", "signature", "quoted", "problem"];

    public static string Directory => Path.Combine(TestPaths.RepositoryRoot, "tests", "Scalability.Tests", "Processing", "SummarizerFixtures");

    public static string PathOf(string language) => Path.Combine(Directory, language + ".csv");

    /// <summary>The header of a fixture file, as written.</summary>
    public static string[] Header(string language)
    {
        using var reader = CsvReader.FromFile(PathOf(language), new CsvReaderOptions { HasHeader = true }, FileOptions.SequentialScan);
        return reader.Headers.ToArray();
    }

    public static IReadOnlyList<LabelledFixture> Read(string language)
    {
        var rows = SharedData.ReadColumnsAt(PathOf(language), Columns);
        return rows.Select(r => new LabelledFixture(r[0], r[1], r[2], r[3], r[4], Pieces(r[5]), Pieces(r[6]), Pieces(r[7]), Pieces(r[8]), r[9])).ToArray();
    }

    public static IReadOnlyList<LabelledFixture> All() =>
        Scalability.Grains.Processing.Languages.SupportedLanguages.Codes.SelectMany(Read).ToArray();

    private static string[] Pieces(string annotation) =>
        annotation.Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
