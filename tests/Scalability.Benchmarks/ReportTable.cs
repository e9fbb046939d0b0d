using System.Globalization;

namespace Scalability.Benchmarks;

/// <summary>The report for people: one line per size, then the promises.</summary>
internal static class ReportTable
{
    public static void Print(BenchmarkReport report, TextWriter output)
    {
        var m = report.Machine;
        output.WriteLine(Invariant($"{m.Cores} cores, {m.MemoryGiB} GiB, {m.Cpu}, {m.Runtime} (SDK {m.DotnetSdk ?? "?"}), {m.Configuration}"));
        output.WriteLine(Invariant($"chunk size {report.Settings.ChunkSize}, {report.Settings.Workers} workers, pipeline state in {report.Settings.PipelineState}, best of {report.Settings.Repeat}"));
        output.WriteLine();
        output.WriteLine(Invariant($"{"rows",10} {"input MiB",10} {"pipeline t/s",13} {"baseline t/s",13} {"ratio",6} {"pipe RSS MiB",13} {"base RSS MiB",13} {"pipe s",8} {"base s",8} {"same bytes",10}"));
        foreach (var r in report.Runs)
        {
            output.WriteLine(Invariant(
                $"{r.Rows,10:N0} {r.InputMb,10:F1} {r.PipelineTicketsPerSecond,13:N0} {r.BaselineTicketsPerSecond,13:N0} {r.Ratio,6:F3} {r.PipelinePeakRssMb,13:F1} {r.BaselinePeakRssMb,13:F1} {r.PipelineSeconds,8:F2} {r.BaselineSeconds,8:F2} {(r.OutputsIdentical ? "yes" : "NO"),10}"));
        }

        foreach (var r in report.Runs.Where(r => r.Chunks is not null))
        {
            output.WriteLine(Invariant(
                $"{r.Rows,10:N0} rows, the product's chunk path without Orleans: {r.ChunksTicketsPerSecond,0:N0} tickets/s, peak RSS {r.ChunksPeakRssMb:F1} MiB, same bytes: {(r.ChunksOutputIdentical == true ? "yes" : "NO")}"));
        }

        output.WriteLine();
        var p = report.Promises;
        output.WriteLine(Invariant($"pipeline peak RSS, largest / smallest size: {Describe(report.RssRatioLargestToSmallest)} (promise: <= {p.MaxRssRatio}) {Verdict(p.RssKept)}"));
        output.WriteLine(Invariant($"pipeline / baseline tickets/s at the largest size: {Describe(report.ThroughputRatioAtLargest)} (promise: >= {p.MinThroughputRatio}) {Verdict(p.ThroughputKept)}"));
    }

    private static string Describe(double? ratio) => ratio is { } value ? Invariant($"{value:F3}") : "n/a (one size)";

    private static string Verdict(bool? kept) => kept switch
    {
        true => "kept",
        false => "NOT KEPT",
        null => "",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
