using System.Globalization;
using CsvHelper;
using Scalability.GrainInterfaces.Datasets;
using Scalability.GrainInterfaces.Processing;

namespace Scalability.Benchmarks;

/// <summary>
/// Writes output rows in the product's layout (see <c>ColumnMapping.OutputHeader</c>): the row number when the input
/// has no id column, the kept input columns, then the result columns (<c>ColumnMapper.ResultColumns</c>): category,
/// confidence, language, summary, status, error, failure kind, attempts, tokens and cost. The benchmark compares the two
/// modes' outputs byte for byte, so any drift from the product's layout shows up there.
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

        var succeeded = result.Status == TicketStatus.Ok;
        writer.WriteField(succeeded ? result.Category : "");
        writer.WriteField(succeeded ? result.Confidence.ToString("0.000", CultureInfo.InvariantCulture) : "");
        writer.WriteField(result.Language ?? "");
        writer.WriteField(succeeded ? result.Summary : "");
        writer.WriteField(succeeded ? "ok" : "failed");
        writer.WriteField(result.Error ?? "");
        writer.WriteField(succeeded ? "" : TicketResult.Describe(result.Failure == FailureKind.None ? FailureKind.ProcessorError : result.Failure));
        writer.WriteField(result.Attempts, default);
        writer.WriteField(result.TokensIn, default);
        writer.WriteField(result.TokensOut, default);
        writer.WriteField(result.CostUsd.ToString(CultureInfo.InvariantCulture));
        writer.EndRecord();
    }
}
