using System.Globalization;

namespace Scalability.Benchmarks;

/// <summary>The llm benchmark's report for people: one line per worker count, against the latency-bound ideal.</summary>
internal static class LlmReportTable
{
    public static void Print(LlmReport report, TextWriter output)
    {
        var m = report.Machine;
        var s = report.Settings;
        output.WriteLine(Invariant($"{m.Cores} cores, {m.MemoryGiB} GiB, {m.Cpu}, {m.Runtime} (SDK {m.DotnetSdk ?? "?"}), {m.Configuration}"));
        output.WriteLine(Invariant($"llm processor ({s.Model}) against the simulator in {s.Simulator}: fixed latency {s.LatencyMs} ms, no rate limit, no injected errors"));
        output.WriteLine(Invariant($"{s.Rows:N0} tickets (seed {s.Seed}) in {s.Chunks} chunks of {s.ChunkSize}, job state in {s.PipelineState}, best of {s.Repeat}"));
        output.WriteLine();

        var reference = report.Runs[0].Workers;
        var speedUp = $"speed-up vs {reference}";
        output.WriteLine(Invariant(
            $"{"workers",8} {"tickets/s",10} {"ideal t/s",10} {"efficiency",10} {speedUp,15} {"ideal speed-up",14} {"ms/ticket/worker",16} {"cores busy",10} {"others' cores",13} {"requests",9} {"job s",7} {"peak RSS MiB",12}"));
        foreach (var r in report.Runs)
        {
            output.WriteLine(Invariant(
                $"{r.Workers,8} {r.TicketsPerSecond,10:F1} {r.IdealTicketsPerSecond,10:F1} {r.Efficiency,10:F3} {r.SpeedUp,15:F2} {r.IdealSpeedUp,14:F2} {r.MsPerTicketPerWorker,16:F1} {r.CoresBusy,10:F2} {Describe(r.OtherCoresBusy),13} {r.Requests,9:N0} {r.Seconds,7:F2} {r.Best.PeakRssMb,12:F1}"));
        }

        output.WriteLine();
        output.WriteLine(Invariant($"ideal t/s = workers x 1000 / {s.LatencyMs} ms; cores busy = the job's and the simulator's CPU over the job's time;"));
        output.WriteLine("others' cores = what the rest of the machine kept busy meanwhile; every output row was checked ok in every run");
        if (s.Repeat > 1)
        {
            foreach (var r in report.Runs)
            {
                output.WriteLine(Invariant($"{r.Workers} workers, tickets/s of every run: {string.Join("; ", r.TicketsPerSecondAllRuns.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))}"));
            }
        }
    }

    private static string Describe(double? cores) => cores is { } value ? Invariant($"{value:F2}") : "?";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
