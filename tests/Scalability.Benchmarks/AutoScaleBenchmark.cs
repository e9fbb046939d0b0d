using Scalability.LlmSimulation;

namespace Scalability.Benchmarks;

/// <summary>
/// The autoscale benchmark (<c>--mode autoscale</c>): one input and one endpoint simulator with a fixed latency that
/// answers 429 with a Retry-After above a set request rate. Each fixed worker count (AutoScaler off) runs the llm job
/// in a fresh process, and so does each AutoScaler mode (starting from the default workers). Every run is measured
/// over its steady phase, from the warm-up mark to the point where all but the last few chunks are done: tickets/s
/// from the job's progress, and the share of 429s from the simulator's counters over the same span. The AutoScaler's
/// steady tickets/s is then compared with that of the best fixed count.
/// </summary>
internal static class AutoScaleBenchmark
{
    /// <summary>How often the simulator's counters are sampled while a child runs.</summary>
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);

    public const double TargetRatio = 0.9;
    public const double Target429Fraction = 0.01;

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var llm = options.Llm ?? throw new InvalidOperationException("the autoscale benchmark needs the llm settings");
        var run = options.AutoScale ?? throw new InvalidOperationException("the autoscale benchmark needs its settings");
        if (options.Repeat != 1)
        {
            throw new BenchmarkFailedException("--mode autoscale runs each setting once: leave out --repeat");
        }

        var log = Console.Error;
        if (!BuildInfo.IsRelease)
        {
            log.WriteLine($"warning: this is a {BuildInfo.Configuration} build; its figures say nothing about the product (use -c Release)");
        }

        var rows = options.Rows[0];
        var input = DatasetCache.Ensure(options.WorkDirectory, rows, options.Seed, log);
        BenchmarkParent.WarmPageCache(input);
        var outputs = Path.Combine(options.WorkDirectory, "outputs");
        Directory.CreateDirectory(outputs);

        var simulatorOptions = new SimulatorOptions
        {
            Latency = LatencyDistribution.Fixed(llm.LatencyMs),
            RequestsPerSecond = run.RequestsPerSecond,
        };
        await using var simulator = await LlmSimulator.StartAsync(simulatorOptions);
        log.WriteLine($"LLM simulator at {simulator.BaseAddress}: latency {simulatorOptions.Latency}, 429 with Retry-After above " +
                      $"{run.RequestsPerSecond} requests/s, no injected errors");

        var fixedRuns = new List<AutoScaleRun>();
        foreach (var workers in llm.Workers)
        {
            var measured = await MeasureAsync(options, run, input, rows, workers, null, outputs, simulator);
            fixedRuns.Add(measured);
            log.WriteLine($"[{workers} workers, fixed] {Describe(measured)}");
        }

        var autoRuns = new List<AutoScaleRun>();
        foreach (var mode in run.Modes)
        {
            var measured = await MeasureAsync(options, run, input, rows, 0, mode, outputs, simulator);
            autoRuns.Add(measured);
            log.WriteLine($"[AutoScaler {mode}] {Describe(measured)}; {measured.Scaling!.Changes} changes, final {measured.Scaling.FinalWorkers} workers");
        }

        var best = fixedRuns.MaxBy(r => r.SteadyTicketsPerSecond)!;
        var verdicts = autoRuns.Select(a => new AutoScaleVerdict(
            a.Label,
            Math.Round(a.SteadyTicketsPerSecond / best.SteadyTicketsPerSecond, 3),
            a.SteadyRateLimitedFraction,
            a.SteadyTicketsPerSecond / best.SteadyTicketsPerSecond >= TargetRatio,
            a.SteadyRateLimitedFraction <= Target429Fraction)).ToArray();
        var settings = new AutoScaleBenchmarkSettings(rows, options.Seed, options.ChunkSize, (int)((rows + options.ChunkSize - 1) / options.ChunkSize),
            llm.LatencyMs, run.RequestsPerSecond, run.WarmUpSeconds, AutoScaleRunOptions.SteadyEndFraction, LlmBenchmark.Model,
            options.InMemoryState ? "memory" : "sqlite", Environment.ProcessorCount, TargetRatio, Target429Fraction);
        var report = new AutoScaleReport(fixedRuns, autoRuns, best.Workers ?? 0, best.SteadyTicketsPerSecond, verdicts,
            MachineInfo.Describe(), settings);
        if (options.Json)
        {
            Console.Out.WriteLine(BenchmarkJson.Serialize(report));
        }
        else
        {
            AutoScaleReportTable.Print(report, Console.Out);
        }

        return 0;
    }

    private static string Describe(AutoScaleRun r) =>
        $"steady {r.SteadyTicketsPerSecond:N1} tickets/s ({r.SteadyFromSeconds:F1}–{r.SteadyToSeconds:F1} s), 429s {r.SteadyRateLimitedFraction:P2} " +
        $"steady / {r.AllRateLimitedFraction:P2} overall, job {r.JobSeconds:F1} s ({r.JobTicketsPerSecond:N1} tickets/s), " +
        $"other processes busy {r.OtherCoresBusy:F2} cores";

    private static async Task<AutoScaleRun> MeasureAsync(
        BenchmarkOptions options, AutoScaleRunOptions run, string input, long rows, int workers, string? mode, string outputs, LlmSimulator simulator)
    {
        var label = mode is null ? $"{workers} workers" : $"AutoScaler {mode}";
        var output = Path.Combine(outputs, mode is null ? $"autoscale-{rows}-w{workers}.csv" : $"autoscale-{rows}-{mode}.csv");
        var child = new ChildOptions(BenchmarkMode.Llm, input, output, rows, options.ChunkSize, workers, options.InMemoryState,
            simulator.BaseAddress.ToString(), mode);

        var samples = new List<(long UnixMs, SimulatorStats Stats)>();
        using var stop = new CancellationTokenSource();
        var sampling = SampleAsync(simulator, samples, stop.Token);
        var cpuBefore = ProcessClock.CpuSeconds();
        var loadBefore = MachineLoad.Sample();
        ChildResult result;
        double wall;
        try
        {
            (result, wall) = await ChildLauncher.RunAsync(child);
        }
        finally
        {
            await stop.CancelAsync();
            await sampling;
        }

        var machineCores = MachineLoad.CoresBusy(loadBefore, MachineLoad.Sample());
        var simulatorCpu = ProcessClock.CpuSeconds() - cpuBefore;
        double? otherCores = machineCores is { } busy ? Math.Max(0, busy - ((result.ProcessCpuSeconds ?? 0) + simulatorCpu) / wall) : null;

        var (outputRows, notOk) = OutputCheck.CountStatuses(output);
        if (outputRows != rows || notOk > 0)
        {
            throw new BenchmarkFailedException($"{label}: the output has {outputRows} data rows ({notOk} not ok), not {rows} ok rows ({output})");
        }

        if (!options.KeepOutputs)
        {
            BenchmarkParent.DeleteOutput(output);
        }

        var timeline = result.Timeline ?? throw new BenchmarkFailedException($"{label}: the run reported no timeline");
        var progress = timeline.Progress;
        var warm = run.WarmUpSeconds;
        var end = progress.FirstOrDefault(p => p.ProcessedRows >= AutoScaleRunOptions.SteadyEndFraction * rows)
                  ?? throw new BenchmarkFailedException($"{label}: the progress never reached {AutoScaleRunOptions.SteadyEndFraction:P0} of the rows");
        if (end.Seconds <= warm + 1)
        {
            throw new BenchmarkFailedException(
                $"{label}: {AutoScaleRunOptions.SteadyEndFraction:P0} of the rows were done {end.Seconds:F1} s after submitting, too soon after the " +
                $"{warm:F0} s warm-up for a steady phase: give more --rows");
        }

        var rowsAtWarm = progress.LastOrDefault(p => p.Seconds <= warm)?.ProcessedRows ?? 0;
        var steadyRate = (end.ProcessedRows - rowsAtWarm) / (end.Seconds - warm);

        var atWarm = Nearest(samples, timeline.SubmittedUnixMs + (long)(warm * 1000));
        var atEnd = Nearest(samples, timeline.SubmittedUnixMs + (long)(end.Seconds * 1000));
        var steady = SimulatorCounts.Between(atWarm, atEnd);
        var all = SimulatorCounts.Between(samples[0].Stats, samples[^1].Stats);

        return new AutoScaleRun(
            label,
            mode is null ? workers : null,
            Math.Round(steadyRate, 1),
            result.TicketsPerSecond,
            warm,
            end.Seconds,
            steady.Requests,
            steady.RateLimited,
            Math.Round(Share(steady.RateLimited, steady.Requests), 4),
            all.Requests,
            all.RateLimited,
            Math.Round(Share(all.RateLimited, all.Requests), 4),
            result.Seconds,
            otherCores is { } others ? Math.Round(others, 2) : null,
            mode is null ? null : Summarize(timeline, warm, end.Seconds, result.Workers),
            result.Llm?.RateLimited ?? 0);
    }

    private static double Share(long part, long whole) => whole > 0 ? (double)part / whole : 0;

    private static SimulatorStats Nearest(List<(long UnixMs, SimulatorStats Stats)> samples, long unixMs) =>
        samples.Count > 0
            ? samples.MinBy(s => Math.Abs(s.UnixMs - unixMs)).Stats
            : throw new BenchmarkFailedException("no sample of the simulator's counters was taken");

    private static async Task SampleAsync(LlmSimulator simulator, List<(long, SimulatorStats)> samples, CancellationToken stop)
    {
        samples.Add((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), simulator.Stats));
        using var timer = new PeriodicTimer(SampleInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                samples.Add((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), simulator.Stats));
            }
        }
        catch (OperationCanceledException)
        {
        }

        samples.Add((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), simulator.Stats));
    }

    /// <summary>What the AutoScaler did: its changes, and the workers it ran during the steady phase.</summary>
    private static AutoScalerRunSummary Summarize(RunTimeline timeline, double from, double to, int startWorkers)
    {
        var decisions = timeline.Decisions.OrderBy(d => d.Seconds).ToArray();
        // The silo's joining shows as a change from 0 to its default workers: that is the start, not a decision.
        var start = decisions.FirstOrDefault(d => d.From == 0)?.To ?? startWorkers;

        int WorkersAt(double seconds) => decisions.LastOrDefault(d => d.Seconds <= seconds)?.To ?? start;

        // Time-weighted workers over the steady phase.
        var edges = new[] { from }.Concat(decisions.Select(d => d.Seconds).Where(s => s > from && s < to)).Append(to).ToArray();
        var weighted = 0.0;
        var levels = new List<int>();
        for (var i = 0; i + 1 < edges.Length; i++)
        {
            var level = WorkersAt(edges[i]);
            levels.Add(level);
            weighted += level * (edges[i + 1] - edges[i]);
        }

        var cuts = decisions.Count(d => d.To < d.From);
        var raises = decisions.Count(d => d.To > d.From && d.From > 0);
        return new AutoScalerRunSummary(
            cuts + raises,
            cuts,
            raises,
            start,
            decisions.Length > 0 ? decisions[^1].To : start,
            Math.Round(weighted / (to - from), 1),
            levels.Min(),
            levels.Max(),
            decisions.Count(d => d.Seconds > from && d.Seconds < to && d.From > 0),
            decisions);
    }
}
