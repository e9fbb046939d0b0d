using Scalability.GrainInterfaces.Processing;
using Scalability.Grains.Costing;
using Scalability.LlmSimulation;

namespace Scalability.Benchmarks;

/// <summary>
/// The llm benchmark (<c>--mode llm</c>): one input, one endpoint simulator with a fixed latency and no limits, and for
/// each worker count a fresh process running one llm job over that input with that many workers. Each ticket is one
/// request and each worker one request in flight, so a latency-bound job should go k times faster with k times the
/// workers; the report says how close it comes, and checks that every row was processed.
/// </summary>
/// <remarks>
/// The simulator runs in this process. While a child runs this process only waits for it, so the simulator competes
/// with the child for the cores as a separate process would, without sharing the child's thread pool or heap; its
/// counters are read directly around each child rather than over HTTP, and it cannot outlive the benchmark.
/// </remarks>
internal static class LlmBenchmark
{
    /// <summary>A model of the product's price table, so that the job's cost is what this model would have cost.</summary>
    public const string Model = "gpt-4o-mini";

    /// <summary>
    /// The simulator wants no key. A variable of the benchmark's own, which nobody sets, keeps a real key held in the
    /// product's default variable from being sent to it.
    /// </summary>
    private const string ApiKeyVariable = "SCALE_BENCHMARK_SIMULATOR_KEY";

    public static ProcessorSpec Processor(string endpoint)
    {
        var price = ModelPrices.Default.Find(Model)
                    ?? throw new BenchmarkFailedException($"the product's price table has no '{Model}'");
        return new ProcessorSpec(Kind: ProcessorSpec.LlmKind, Llm: new LlmSettings(endpoint, Model, ApiKeyVariable,
            InputUsdPerMillion: price.InputUsdPerMillion, OutputUsdPerMillion: price.OutputUsdPerMillion));
    }

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var llm = options.Llm ?? throw new InvalidOperationException("the llm benchmark needs its settings");
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

        var simulatorOptions = new SimulatorOptions { Latency = LatencyDistribution.Fixed(llm.LatencyMs) };
        await using var simulator = await LlmSimulator.StartAsync(simulatorOptions);
        log.WriteLine($"LLM simulator at {simulator.BaseAddress}: latency {simulatorOptions.Latency}, no rate limit, no injected errors");

        var runsOf = llm.Workers.ToDictionary(w => w, _ => new List<Measurement>());
        for (var attempt = 0; attempt < options.Repeat; attempt++)
        {
            // Rotating the order spreads any drift of the machine over all worker counts.
            var shift = attempt % llm.Workers.Count;
            foreach (var workers in llm.Workers.Skip(shift).Concat(llm.Workers.Take(shift)))
            {
                var output = Path.Combine(outputs, $"llm-{rows}-w{workers}.csv");
                var run = await MeasureAsync(options, input, rows, workers, output, simulator, log);
                runsOf[workers].Add(run);
                log.WriteLine($"[{workers} workers] llm run {attempt + 1}/{options.Repeat}: {run.Result.Seconds:F2} s, " +
                              $"{run.Result.TicketsPerSecond:N1} tickets/s, {run.Simulator.Requests:N0} requests, " +
                              $"peak RSS {run.Result.PeakRssMb:N0} MiB, other processes busy {run.OtherCoresBusy:F2} cores");
            }
        }

        var report = Report(options, llm, runsOf);
        if (options.Json)
        {
            Console.Out.WriteLine(BenchmarkJson.Serialize(report));
        }
        else
        {
            LlmReportTable.Print(report, Console.Out);
        }

        return 0;
    }

    private static async Task<Measurement> MeasureAsync(
        BenchmarkOptions options, string input, long rows, int workers, string output, LlmSimulator simulator, TextWriter log)
    {
        var child = new ChildOptions(BenchmarkMode.Llm, input, output, rows, options.ChunkSize, workers, options.InMemoryState,
            simulator.BaseAddress.ToString());
        var before = simulator.Stats;
        var cpuBefore = ProcessClock.CpuSeconds();
        var loadBefore = MachineLoad.Sample();
        var (result, wall) = await ChildLauncher.RunAsync(child);
        var machineCores = MachineLoad.CoresBusy(loadBefore, MachineLoad.Sample());
        var simulatorCpu = ProcessClock.CpuSeconds() - cpuBefore;
        var counts = SimulatorCounts.Between(before, simulator.Stats);
        // What the rest of the machine took meanwhile: all busy cores but this benchmark's two processes.
        double? otherCores = machineCores is { } busy ? Math.Max(0, busy - ((result.ProcessCpuSeconds ?? 0) + simulatorCpu) / wall) : null;

        var what = $"llm, {workers} workers";
        var (outputRows, notOk) = OutputCheck.CountStatuses(output);
        if (outputRows != rows)
        {
            throw new BenchmarkFailedException($"{what}: the output has {outputRows} data rows, not {rows} ({output})");
        }

        if (notOk > 0)
        {
            throw new BenchmarkFailedException($"{what}: {notOk} of {rows} output rows are not ok ({output})");
        }

        if (counts.Ok != counts.Requests)
        {
            throw new BenchmarkFailedException(
                $"{what}: the simulator did not answer {counts.Requests - counts.Ok} of {counts.Requests} requests with a usable reply " +
                $"(rate limited {counts.RateLimited}, server errors {counts.ServerErrors}, malformed {counts.Malformed}, refused {counts.Refused})");
        }

        var usage = result.Llm ?? throw new BenchmarkFailedException($"{what}: the run reported no llm usage");
        if (counts.Requests != usage.Requests || counts.PromptTokens != usage.TokensIn || counts.CompletionTokens != usage.TokensOut)
        {
            // A chunk attempted twice is counted once by the job (its committed attempt) and twice by the simulator.
            log.WriteLine($"warning: {what}: the job counted {usage.Requests:N0} requests and {usage.TokensIn:N0}/{usage.TokensOut:N0} " +
                          $"tokens in/out, the simulator {counts.Requests:N0} and {counts.PromptTokens:N0}/{counts.CompletionTokens:N0} " +
                          $"(chunk retries: {result.Phases?.ChunkRetries})");
        }

        if (!options.KeepOutputs)
        {
            BenchmarkParent.DeleteOutput(output);
        }

        return new Measurement(result, wall, counts, simulatorCpu, otherCores, outputRows);
    }

    private static LlmReport Report(BenchmarkOptions options, LlmRunOptions llm, Dictionary<int, List<Measurement>> runsOf)
    {
        var smallest = llm.Workers[0];
        var reference = Fastest(runsOf[smallest]).Result.TicketsPerSecond;
        var runs = llm.Workers.Select(workers =>
        {
            var best = Fastest(runsOf[workers]);
            var result = best.Result;
            var ideal = workers * 1000.0 / llm.LatencyMs;
            return new LlmWorkersRun(
                workers,
                result.TicketsPerSecond,
                Math.Round(ideal, 1),
                Math.Round(result.TicketsPerSecond / ideal, 3),
                Math.Round(result.TicketsPerSecond / reference, 3),
                Math.Round((double)workers / smallest, 3),
                Math.Round(workers * 1000.0 / result.TicketsPerSecond, 1),
                result.Seconds,
                best.Wall,
                Math.Round(((result.CpuSeconds ?? 0) + best.SimulatorCpuSeconds) / result.Seconds, 2),
                Math.Round(best.SimulatorCpuSeconds, 3),
                best.OtherCoresBusy is { } others ? Math.Round(others, 2) : null,
                best.Simulator.Requests,
                best.OutputRows,
                runsOf[workers].Select(r => r.Result.TicketsPerSecond).ToArray(),
                best.Simulator,
                result);
        }).ToArray();

        var settings = new LlmBenchmarkSettings(
            options.Rows[0],
            options.Seed,
            options.ChunkSize,
            runs[0].Best.Phases?.Chunks ?? 0,
            llm.LatencyMs,
            Model,
            llm.Workers,
            options.Repeat,
            options.InMemoryState ? "memory" : "sqlite",
            "the parent process",
            options.WorkDirectory);
        return new LlmReport(runs, MachineInfo.Describe(), settings);
    }

    private static Measurement Fastest(List<Measurement> runs) => runs.MaxBy(r => r.Result.TicketsPerSecond)!;

    /// <summary>One child's run and what the parent saw of it.</summary>
    /// <param name="SimulatorCpuSeconds">CPU time of this process while the child ran: the simulator's work.</param>
    /// <param name="OtherCoresBusy">Cores the rest of the machine kept busy on average while the child ran.</param>
    private sealed record Measurement(
        ChildResult Result, double Wall, SimulatorCounts Simulator, double SimulatorCpuSeconds, double? OtherCoresBusy, long OutputRows);
}
