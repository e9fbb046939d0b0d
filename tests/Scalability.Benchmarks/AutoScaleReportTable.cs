using System.Globalization;

namespace Scalability.Benchmarks;

/// <summary>The autoscale benchmark's report for people: the fixed sweep, the AutoScaler's runs and the ratio.</summary>
internal static class AutoScaleReportTable
{
    public static void Print(AutoScaleReport report, TextWriter output)
    {
        var m = report.Machine;
        var s = report.Settings;
        output.WriteLine(Invariant($"{m.Cores} cores, {m.MemoryGiB} GiB, {m.Cpu}, {m.Runtime} (SDK {m.DotnetSdk ?? "?"}), {m.Configuration}"));
        output.WriteLine(Invariant($"llm processor ({s.Model}) against the simulator: fixed latency {s.LatencyMs} ms, 429 + Retry-After above {s.RequestsPerSecond} requests/s"));
        output.WriteLine(Invariant($"{s.Rows:N0} tickets (seed {s.Seed}) in {s.Chunks} chunks of {s.ChunkSize}, job state in {s.PipelineState}"));
        output.WriteLine(Invariant($"steady phase: from {s.WarmUpSeconds:0.#} s after submitting to {s.SteadyEndFraction:P0} of the rows done"));
        output.WriteLine();

        output.WriteLine(Invariant($"{"run",-22} {"steady t/s",10} {"steady s",12} {"429 % steady",12} {"429 % all",9} {"job t/s",8} {"job s",7} {"others' cores",13}"));
        foreach (var r in report.Fixed.Concat(report.AutoScaler))
        {
            var span = Invariant($"{r.SteadyFromSeconds:0.#}-{r.SteadyToSeconds:0.#}");
            output.WriteLine(Invariant(
                $"{r.Label,-22} {r.SteadyTicketsPerSecond,10:F1} {span,12} {r.SteadyRateLimitedFraction * 100,12:F2} {r.AllRateLimitedFraction * 100,9:F2} {r.JobTicketsPerSecond,8:F1} {r.JobSeconds,7:F1} {Describe(r.OtherCoresBusy),13}"));
        }

        output.WriteLine();
        output.WriteLine(Invariant($"best fixed: {report.BestFixedWorkers} workers, {report.BestFixedTicketsPerSecond:F1} tickets/s steady"));
        foreach (var (run, verdict) in report.AutoScaler.Zip(report.Verdicts))
        {
            var a = run.Scaling!;
            output.WriteLine(
                Invariant($"{verdict.Label}: {verdict.Ratio:F3} of the best fixed (target ≥ {s.TargetRatio:0.##}: {(verdict.RatioMet ? "met" : "missed")}), ") +
                Invariant($"429s {verdict.SteadyRateLimitedFraction * 100:F2}% steady (target ≤ {s.Target429Fraction * 100:0.#}%: {(verdict.RateLimitMet ? "met" : "missed")})"));
            output.WriteLine(
                Invariant($"  {a.Changes} changes ({a.Raises} up, {a.Cuts} down), {a.StartWorkers} → {a.FinalWorkers} workers; steady phase: mean {a.SteadyMeanWorkers:0.#} workers, ") +
                Invariant($"range {a.SteadyMinWorkers}-{a.SteadyMaxWorkers}, {a.SteadyChanges} changes"));
            foreach (var d in a.Decisions)
            {
                output.WriteLine(Invariant($"  {d.Seconds,6:F1} s  {d.From,3} → {d.To,-3} ({d.TicketsPerSecond:0.#} t/s, 429 {d.RateLimitedRate * 100:0.##}%) {d.Reason}"));
            }
        }
    }

    private static string Describe(double? cores) => cores is { } value ? Invariant($"{value:F2}") : "?";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
