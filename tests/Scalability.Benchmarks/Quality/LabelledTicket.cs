namespace Scalability.Benchmarks.Quality;

/// <summary>
/// One ticket of a labelled fixture file (the fixture format: <c>id,language,category,subject,body,greeting,closing,
/// signature,quoted,problem</c>), its annotations split into their pieces (" | " between pieces).
/// </summary>
internal sealed record LabelledTicket(
    string Id,
    string Language,
    string Category,
    string Subject,
    string Body,
    IReadOnlyList<string> Greeting,
    IReadOnlyList<string> Closing,
    IReadOnlyList<string> Signature,
    IReadOnlyList<string> Quoted,
    string Problem)
{
    public static readonly string[] Columns = ["id", "language", "category", "subject", "body", "greeting", "closing", "signature", "quoted", "problem"];

    /// <summary>The text the product summarises: the subject, a blank line and the body, as a job's Ticket.Text joins them.</summary>
    public string Text => Subject.Length == 0 ? Body : Subject + "\n\n" + Body;

    public static IReadOnlyList<LabelledTicket> Read(string path)
    {
        var rows = QualityInputs.ReadColumns(path, Columns);
        var tickets = new List<LabelledTicket>(rows.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r[0].Length == 0 || !ids.Add(r[0]))
            {
                throw new BenchmarkFailedException($"{path}, record {i + 1}: the id '{r[0]}' is empty or not unique");
            }

            if (r[4].Length == 0 || r[9].Length == 0)
            {
                throw new BenchmarkFailedException($"{path}, record {i + 1} ({r[0]}): the body and the problem must not be empty");
            }

            tickets.Add(new LabelledTicket(r[0], r[1], r[2], r[3], r[4], Pieces(r[5]), Pieces(r[6]), Pieces(r[7]), Pieces(r[8]), r[9]));
        }

        return tickets;
    }

    private static string[] Pieces(string annotation) =>
        annotation.Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
