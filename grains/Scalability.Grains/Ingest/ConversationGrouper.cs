using System.Globalization;

namespace Scalability.Grains.Ingest;

/// <summary>
/// Groups a chunk's records into conversations: consecutive well-formed records with the same key are one
/// conversation and become one ticket. The planning scan ends chunks only where a conversation ends and refuses an
/// input whose conversations are not each together, so a chunk holds whole conversations and each key once.
/// </summary>
/// <remarks>
/// The ticket's id is the key, its record number that of the conversation's first record in the input, and its
/// fields the messages' non-empty text fields (each under its text column's name), message by message in the order
/// of the order column (<see cref="MessageOrder"/>), or in input order without one; <see cref="Ticket.Text"/> joins
/// them with blank lines. A rejected record is passed on at once and does not end the conversation around it. A
/// conversation is held in memory while it is read.
/// </remarks>
public static class ConversationGrouper
{
    /// <summary>The check that rejects a record without a key: it belongs to no conversation.</summary>
    public static Func<string[], string?> Check(ColumnMapping mapping)
    {
        var reason = $"no conversation: the '{mapping.IdColumn}' column is empty";
        return values => values[mapping.ConversationIndex].Length == 0 ? reason : null;
    }

    /// <summary>The <see cref="TicketInput"/>s (one per conversation) and <see cref="RejectedRecord"/>s of a chunk's records.</summary>
    public static IEnumerable<object> Group(IEnumerable<object> records, ColumnMapping mapping)
    {
        var messages = new List<SourceRecord>();
        foreach (var item in records)
        {
            if (item is not SourceRecord record)
            {
                yield return item;
                continue;
            }

            if (messages.Count > 0 && !string.Equals(Key(record, mapping), Key(messages[0], mapping), StringComparison.Ordinal))
            {
                yield return ToInput(messages, mapping);
                messages = [];
            }

            messages.Add(record);
        }

        if (messages.Count > 0)
        {
            yield return ToInput(messages, mapping);
        }
    }

    /// <summary>One conversation as one ticket; its output row opens with the key and the number of messages.</summary>
    public static TicketInput ToInput(IReadOnlyList<SourceRecord> messages, ColumnMapping mapping)
    {
        var first = messages[0];
        var key = Key(first, mapping);
        var fields = new List<TicketField>(messages.Count * mapping.TextIndexes.Length);
        foreach (var message in MessageOrder.Sort(messages, mapping.OrderIndex))
        {
            for (var i = 0; i < mapping.TextIndexes.Length; i++)
            {
                var value = message.Values[mapping.TextIndexes[i]];
                if (value.Length > 0)
                {
                    fields.Add(new TicketField(mapping.TextColumns[i], value));
                }
            }
        }

        return new TicketInput(
            new Ticket(key, first.RecordNumber, fields),
            [key, messages.Count.ToString(CultureInfo.InvariantCulture)],
            messages.Count);
    }

    private static string Key(SourceRecord record, ColumnMapping mapping) => record.Values[mapping.ConversationIndex];
}
