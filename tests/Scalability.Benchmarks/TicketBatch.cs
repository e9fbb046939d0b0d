using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using Scalability.GrainInterfaces.Datasets;
using Scalability.GrainInterfaces.Processing;

namespace Scalability.Benchmarks;

/// <summary>Consecutive input records with the tickets made of them, the unit the baseline's workers process.</summary>
/// <param name="Values">Each record's fields, in input column order.</param>
/// <param name="Tickets">One ticket per record, in the same order.</param>
internal sealed record TicketBatch(string[][] Values, Ticket[] Tickets)
{
    /// <summary>
    /// Reads the remaining records into batches of <paramref name="batchSize"/>, making tickets as the product does:
    /// the id column's value (the record number when there is none or it is blank) and the text columns in mapping
    /// order. Records whose field count differs from the header's are counted in <paramref name="rejected"/> and
    /// skipped, as the product rejects them.
    /// </summary>
    public static IEnumerable<TicketBatch> Read(CsvReader reader, ColumnMapping mapping, int columns, int batchSize, StrongBox<long> rejected)
    {
        var values = new List<string[]>(batchSize);
        var tickets = new List<Ticket>(batchSize);
        long recordNumber = 0;
        while (reader.Read())
        {
            recordNumber++;
            if (reader.FieldCount != columns)
            {
                rejected.Value++;
                continue;
            }

            var record = new string[columns];
            for (var i = 0; i < columns; i++)
            {
                record[i] = reader.GetString(i);
            }

            values.Add(record);
            tickets.Add(ToTicket(record, recordNumber, mapping));
            if (values.Count == batchSize)
            {
                yield return new TicketBatch(values.ToArray(), tickets.ToArray());
                values.Clear();
                tickets.Clear();
            }
        }

        if (values.Count > 0)
        {
            yield return new TicketBatch(values.ToArray(), tickets.ToArray());
        }
    }

    private static Ticket ToTicket(string[] record, long recordNumber, ColumnMapping mapping)
    {
        var id = mapping.HasIdColumn ? record[mapping.IdIndex] : "";
        var fields = new TicketField[mapping.TextIndexes.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = new TicketField(mapping.TextColumns[i], record[mapping.TextIndexes[i]]);
        }

        return new Ticket(id.Length > 0 ? id : recordNumber.ToString(CultureInfo.InvariantCulture), recordNumber, fields);
    }
}
