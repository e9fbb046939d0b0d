using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Scalability.Client;
using Scalability.GrainInterfaces.Jobs;
using Scalability.GrainInterfaces.Processing;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Silo;
using Scalability.Silo.Storage;

namespace Scalability.Benchmarks;

/// <summary>
/// Measures the product: an embedded silo in this process, one job with the product's default settings, timed as a
/// client sees it, from submitting the job to reading its finished summary. The llm mode runs the same job with the
/// llm processor against the endpoint the parent names, and wants every row processed.
/// </summary>
internal static class PipelineChild
{
    // The client's default poll (250 ms) would add up to a quarter second to each measurement and blur the phase
    // boundaries; polling a local grain this often costs next to nothing.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<ChildResult> RunAsync(ChildOptions options)
    {
        var processor = options.Mode switch
        {
            BenchmarkMode.Llm => LlmBenchmark.Processor(options.LlmEndpoint!),
            BenchmarkMode.Categorize => new ProcessorSpec(Categorizer: ProcessorSpec.ModelCategorizer, Summarizer: ProcessorSpec.Off, ModelPath: options.ModelPath),
            _ => null,
        };
        var llm = options.Mode == BenchmarkMode.Llm;
        var siloStart = Stopwatch.StartNew();
        JobSummary summary;
        PhaseClock phases;
        double seconds, cpuSeconds;
        // The default a user gets: job state in SQLite, saved at every lease and commit.
        var stateFile = options.OutputPath + ".state.db";
        // Fixed workers mean the AutoScaler off; with it on, the silo starts from the default workers and the job takes
        // as many as the pool gives it.
        var autoScale = options.Mode == BenchmarkMode.Llm ? options.AutoScale : null;
        var siloOptions = new EmbeddedSiloOptions
        {
            Storage = options.InMemoryState ? null : new SqliteDatabase(stateFile),
            Workers = autoScale is null ? options.Workers : 0,
            ConfigureScaling = scaling => scaling.Settings = autoScale switch
            {
                null => new AutoScalerSettings(Enabled: false),
                "speed" => new AutoScalerSettings(Enabled: true, Mode: TargetMode.SpeedOptimized, MinWorkers: 1, MaxWorkers: AutoScalerSettings.DefaultMaxWorkers),
                _ => new AutoScalerSettings(Enabled: true, Mode: TargetMode.Balanced, MinWorkers: 1, MaxWorkers: AutoScalerSettings.DefaultMaxWorkers),
            },
        };
        var timeline = new List<ProgressPoint>();
        ScalingDecision[] decisions = [];
        DateTimeOffset submitted;
        await using (var silo = await EmbeddedSilo.StartAsync(siloOptions))
        {
            siloStart.Stop();
            var client = new ScalabilityClient(silo.Client);
            var jobId = ScalabilityClient.NewJobId();
            var spec = new JobSpec(options.InputPath, options.OutputPath, options.ChunkSize, autoScale is null ? options.Workers : 0,
                Processor: processor);

            var cpuBefore = ProcessClock.CpuSeconds();
            submitted = DateTimeOffset.UtcNow;
            var processing = Stopwatch.StartNew();
            phases = new PhaseClock(processing);
            await client.SubmitAsync(jobId, spec);
            await foreach (var progress in client.WatchAsync(jobId, PollInterval))
            {
                phases.Observe(progress.Status);
                if (timeline.Count == 0 || timeline[^1].ProcessedRows != progress.ProcessedRows)
                {
                    timeline.Add(new ProgressPoint(Math.Round(processing.Elapsed.TotalSeconds, 3), progress.ProcessedRows));
                }
            }

            summary = await client.GetSummaryAsync(jobId)
                      ?? throw new BenchmarkFailedException($"{options.Mode.Name()}: job {jobId} finished without a summary");
            seconds = processing.Elapsed.TotalSeconds;
            cpuSeconds = ProcessClock.CpuSeconds() - cpuBefore;
            if (autoScale is not null)
            {
                decisions = await client.GetScalingDecisionsAsync(submitted.UtcDateTime);
            }
        }

        var processSeconds = ProcessClock.SecondsSinceStart();
        var processCpuSeconds = ProcessClock.CpuSeconds();
        foreach (var file in new[] { stateFile, stateFile + "-wal", stateFile + "-shm" })
        {
            File.Delete(file);
        }

        Verify(summary, options);
        return new ChildResult(
            options.Mode.Name(),
            summary.InputRows,
            Math.Round(seconds, 3),
            Math.Round(summary.InputRows / seconds, 1),
            Math.Round(PeakMemory.PeakRssMegabytes(), 1),
            Math.Round(processSeconds, 3),
            summary.Ok,
            summary.Failed,
            summary.Rejected,
            options.EffectiveWorkers,
            options.ChunkSize,
            new PipelinePhases(
                Math.Round(siloStart.Elapsed.TotalSeconds, 3),
                phases.SecondsIn(JobStatus.Planning),
                phases.SecondsIn(JobStatus.Running),
                phases.SecondsIn(JobStatus.Assembling),
                Math.Round(summary.DurationSeconds, 3),
                summary.Chunks,
                summary.ChunkRetries),
            RuntimeStats.Capture(),
            !llm
                ? null
                : new LlmUsage(summary.Requests, summary.RateLimitedResponses, summary.TokensIn, summary.TokensOut, summary.CostUsd, summary.Failures),
            Math.Round(cpuSeconds, 3),
            Math.Round(processCpuSeconds, 3),
            !llm ? null : new RunTimeline(submitted.ToUnixTimeMilliseconds(), timeline, autoScale,
                [.. decisions.Select(d => new DecisionPoint(
                    Math.Round((new DateTimeOffset(d.TimeUtc, TimeSpan.Zero) - submitted).TotalSeconds, 3),
                    d.FromWorkers, d.ToWorkers, d.Reason, Math.Round(d.Seen.TicketsPerSecond, 1), Math.Round(d.Seen.RateLimitedRate, 4)))]));
    }

    private static void Verify(JobSummary summary, ChildOptions options)
    {
        var (mode, expectedRows) = (options.Mode.Name(), options.ExpectedRows);
        if (summary.Status != JobStatus.Completed)
        {
            throw new BenchmarkFailedException($"{mode}: the job ended {summary.Status}: {summary.Error}");
        }

        var accounted = summary.Ok + summary.Failed + summary.Rejected;
        if (summary.InputRows != expectedRows || accounted != expectedRows)
        {
            throw new BenchmarkFailedException(
                $"{mode}: expected {expectedRows} rows, the job planned {summary.InputRows} and accounted for {accounted} " +
                $"(ok {summary.Ok}, failed {summary.Failed}, rejected {summary.Rejected})");
        }

        // A throughput that counts failed rows would reward failing fast.
        if (options.Mode == BenchmarkMode.Llm && summary.Ok != expectedRows)
        {
            var kinds = string.Join(", ", summary.Failures.Select(f => $"{f.Key} {f.Value}"));
            throw new BenchmarkFailedException(
                $"{mode}: {summary.Failed} of {expectedRows} rows failed ({kinds}) and {summary.Rejected} were rejected; " +
                "every row should be ok against the simulator");
        }
    }
}
