namespace Scalability.Tests.Quality;

/// <summary>
/// One ticket of a labelled fixture file (<c>id,language,category,subject,body,greeting,closing,signature,quoted,
/// problem</c>; see the held-out set's README): the ticket, its category, and the parts of its body a summary must
/// leave out or keep, each annotation split into its pieces (" | " between pieces).
/// </summary>
public sealed record FixtureTicket(
    string Id, string Language, string Category, string Subject, string Body,
    IReadOnlyList<string> Greeting, IReadOnlyList<string> Closing, IReadOnlyList<string> Signature, IReadOnlyList<string> Quoted,
    string Problem)
{
    public static readonly string[] Columns = ["id", "language", "category", "subject", "body", "greeting", "closing", "signature", "quoted", "problem"];

    /// <summary>What a job reads with the subject and body columns: the subject, a blank line and the body (or the body alone).</summary>
    public string Text => QualityDataSets.JoinSubject(Subject, Body);

    /// <summary>Every annotated piece that no summary may contain, with its kind.</summary>
    public IEnumerable<(string Kind, string Piece)> Boilerplate =>
        Greeting.Select(p => ("greeting", p)).Concat(Closing.Select(p => ("closing", p)))
            .Concat(Signature.Select(p => ("signature", p))).Concat(Quoted.Select(p => ("quoted", p)));

    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">It lacks a column, or a ticket has no id, a repeated id, no body or no problem.</exception>
    public static IReadOnlyList<FixtureTicket> Read(string path)
    {
        var rows = QualityDataSets.ReadColumns(path, Columns);
        var tickets = new List<FixtureTicket>(rows.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r[0].Length == 0 || !ids.Add(r[0]))
            {
                throw new InvalidDataException($"{path}, record {i + 1}: the id '{r[0]}' is empty or not unique");
            }

            if (r[4].Length == 0 || r[9].Length == 0)
            {
                throw new InvalidDataException($"{path}, record {i + 1} ({r[0]}): the body and the problem must not be empty");
            }

            tickets.Add(new FixtureTicket(r[0], r[1], r[2], r[3], r[4], Pieces(r[5]), Pieces(r[6]), Pieces(r[7]), Pieces(r[8]), r[9]));
        }

        return tickets;
    }

    /// <summary>Every fixture file of a folder (<c>&lt;code&gt;.csv</c>), in name order.</summary>
    public static IReadOnlyList<FixtureTicket> ReadFolder(string folder) =>
        Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).SelectMany(Read).ToArray();

    private static string[] Pieces(string annotation) =>
        annotation.Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
