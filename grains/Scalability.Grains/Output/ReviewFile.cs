using CsvHelper;
using Scalability.Grains.Quality;

namespace Scalability.Grains.Output;

/// <summary>
/// The review file beside the results, <c>&lt;results&gt;.review.csv</c>: the tickets to look at by hand (in the fallback
/// category or under the review threshold), in input order, with their id, category, confidence, language, why they are
/// there, summary and text. Each chunk attempt writes a part of it, committed before its results part; the job joins
/// the committed parts in chunk order, as it does the results.
/// </summary>
public static class ReviewFile
{
    /// <summary>The header: the job's id column (or <c>row</c> for record numbers), then the review columns.</summary>
    public static string[] Header(ColumnMapping mapping) =>
        [mapping.IdColumn ?? "row", "category", "confidence", "language", "reason", "summary", "text"];

    public const int IdField = 0;
    public const int TextField = 6;

    /// <param name="confidence">The confidence as the results file writes it.</param>
    /// <param name="text">Applied to every text cell (see <see cref="SpreadsheetSafety"/>).</param>
    public static void WriteRow(CsvWriter writer, Ticket ticket, TicketResult result, string confidence, string reason, Func<string, string> text)
    {
        writer.WriteField(text(ticket.Id));
        writer.WriteField(text(result.Category));
        writer.WriteField(confidence);
        writer.WriteField(result.Language ?? "");
        writer.WriteField(reason);
        writer.WriteField(text(result.Summary));
        writer.WriteField(text(ticket.Text));
        writer.EndRecord();
    }

    /// <summary>
    /// Reads an even sample of <paramref name="size"/> of the file's <paramref name="total"/> rows (all of them when there
    /// are no more), streaming: only the rows taken are turned into strings.
    /// </summary>
    public static List<ReviewTicket> ReadSample(string path, long total, int size, CancellationToken cancellationToken)
    {
        var sample = new List<ReviewTicket>((int)Math.Min(size, total));
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true }, FileOptions.SequentialScan);
        long index = 0;
        while (reader.Read())
        {
            if (index % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (ReviewSample.Takes(index, total, size))
            {
                if (reader.FieldCount <= TextField)
                {
                    throw new InvalidDataException($"{path}: row {index + 1} has {reader.FieldCount} fields, not the {TextField + 1} of a review file");
                }

                sample.Add(new ReviewTicket(reader.GetString(IdField), reader.GetString(TextField)));
            }

            index++;
        }

        if (index != total)
        {
            throw new InvalidDataException($"{path} has {index:N0} rows where the job counted {total:N0}");
        }

        return sample;
    }
}
