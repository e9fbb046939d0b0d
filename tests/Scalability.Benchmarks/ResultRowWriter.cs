using CsvHelper;
using Scalability.GrainInterfaces.Datasets;
using Scalability.GrainInterfaces.Processing;

namespace Scalability.Benchmarks;

/// <summary>
/// Writes output rows in the product's layout (see <c>ColumnMapping.OutputHeader</c>): the row number when the input
/// has no id column, the kept input columns, then category, confidence, summary, status and error. The benchmark
/// compares the two modes' outputs byte for byte, so any drift from the product's layout shows up there.
/// </summary>
internal static class ResultRowWriter
{
    public static void Write(CsvWriter writer, string[] record, long recordNumber, ColumnMapping mapping, TicketResult result)
    {
        if (!mapping.HasIdColumn)
        {
            writer.WriteField(recordNumber, default);
        }

        foreach (var i in mapping.KeepIndexes)
        {
            writer.WriteField(record[i]);
        }

        if (result.Status == TicketStatus.Ok)
        {
            writer.WriteField(result.Category);
            writer.WriteField(result.Confidence, "0.000");
            writer.WriteField(result.Summary);
            writer.WriteField("ok");
        }
        else
        {
            writer.WriteField("");
            writer.WriteField("");
            writer.WriteField("");
            writer.WriteField("failed");
        }

        writer.WriteField(result.Error ?? "");
        writer.EndRecord();
    }
}
