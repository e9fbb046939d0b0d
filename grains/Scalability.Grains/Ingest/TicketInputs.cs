using System.Globalization;

namespace Scalability.Grains.Ingest;

/// <summary>
/// The input of one output row: the ticket the processor reads, the values that open the output row (before the
/// result columns), and the number of input records it stands for.
/// </summary>
public sealed record TicketInput(Ticket Ticket, string[] OutputValues, int Records);

/// <summary>
/// Turns a chunk's records into the units a job processes: one ticket per well-formed record, or in conversation mode
/// one ticket per conversation (<see cref="ConversationGrouper"/>). Rejected records are passed on as they come.
/// </summary>
public static class TicketInputs
{
    /// <summary>The chunk's <see cref="TicketInput"/>s and <see cref="RejectedRecord"/>s, in input order.</summary>
    public static IEnumerable<object> Read(DatasetManifest input, ChunkBounds chunk, ColumnMapping mapping, CancellationToken cancellationToken)
    {
        if (mapping.IsConversation)
        {
            var reader = new ChunkReader(input, chunk, ConversationGrouper.Check(mapping));
            return ConversationGrouper.Group(reader.Records(cancellationToken), mapping);
        }

        return new ChunkReader(input, chunk).Records(cancellationToken)
            .Select(item => item is SourceRecord record ? FromRecord(record, mapping) : item);
    }

    /// <summary>One record as one ticket; its output row opens with the row number (without an id column) and the kept columns.</summary>
    public static TicketInput FromRecord(SourceRecord record, ColumnMapping mapping)
    {
        var leading = mapping.HasIdColumn ? 0 : 1;
        var values = new string[leading + mapping.KeepIndexes.Length];
        if (!mapping.HasIdColumn)
        {
            values[0] = record.RecordNumber.ToString(CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < mapping.KeepIndexes.Length; i++)
        {
            values[leading + i] = record.Values[mapping.KeepIndexes[i]];
        }

        return new TicketInput(ToTicket(record, mapping), values, 1);
    }

    public static Ticket ToTicket(SourceRecord record, ColumnMapping mapping)
    {
        var id = mapping.HasIdColumn ? record.Values[mapping.IdIndex] : "";
        if (id.Length == 0)
        {
            id = record.RecordNumber.ToString(CultureInfo.InvariantCulture);
        }

        var fields = new TicketField[mapping.TextIndexes.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = new TicketField(mapping.TextColumns[i], record.Values[mapping.TextIndexes[i]]);
        }

        return new Ticket(id, record.RecordNumber, fields);
    }
}
