using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.Datasets;
using Scalability.GrainInterfaces.History;
using Scalability.GrainInterfaces.Jobs;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Costing;
using Scalability.Grains.History;
using Scalability.Grains.Ingest;
using Scalability.Tests.Costing;

namespace Scalability.Tests.History;

public sealed class RunHistoryTests
{
    // 10,000 rows of 1 MB: planned in 2 s, processed in 20 s by 2 busy workers (40 worker-seconds), joined in 1 s.
    private static RunRecord Run(string id, long rows = 10_000, double busySeconds = 40, decimal cost = 0m, int memory = 300) =>
        new(id, "local", DateTime.UnixEpoch, rows, 1_000_000, 2, busySeconds / 2, 1, busySeconds, memory, cost, null, null);

    [Fact]
    public void A_run_gives_its_rates_and_a_job_twice_as_large_on_as_many_workers_takes_twice_as_long()
    {
        var run = Run("a");

        Assert.Equal((250.0, 2.0, 23.0), (run.TicketsPerSecondPerWorker, run.MeanBusyWorkers, run.DurationSeconds));
        // Planning at 500,000 bytes/s, 250 tickets/s per busy worker, the end at 10,000 rows/s: the run again in 23 s.
        Assert.Equal(23.0, Seconds([run], 10_000, 1_000_000, 2), 9);
        Assert.Equal(46.0, Seconds([run], 20_000, 2_000_000, 2), 9);
        // Twice the workers halve the processing only.
        Assert.Equal(13.0, Seconds([run], 10_000, 1_000_000, 4), 9);
    }

    [Fact]
    public void The_job_plans_itself_as_analyze_plans_it_from_the_same_runs()
    {
        var runs = new[] { Run("a"), Run("b", rows: 40_000, busySeconds: 120) };
        var manifest = new DatasetManifest("in.csv", 2_000_000, DateTime.UnixEpoch, ',', ["text"], 20_000, 10_000,
            [new ChunkBounds(0, 0, 1_000_000, 1, 2, 10_000), new ChunkBounds(1, 1_000_000, 2_000_000, 10_001, 10_002, 10_000)]);

        var estimate = PreRunEstimate.Make(new JobSpec("in.csv", "out.csv"), manifest, null, runs, clusterWorkers: 2, new SystemProfile(4, 1L << 34));
        var analyzed = Seconds(runs, 20_000, 2_000_000, 2);

        Assert.Equal(analyzed, estimate.DurationSeconds!.Value, 9);
        Assert.StartsWith("duration from 2 earlier run(s) of the local processor at 2 busy worker(s)", estimate.Basis);
    }

    [Fact]
    public void Runs_most_like_the_dataset_weigh_most()
    {
        // 10,000 rows at 250 tickets/s per worker, 1,000,000 rows at 1,000 tickets/s per worker.
        var small = Run("small");
        var large = new RunRecord("large", "local", DateTime.UnixEpoch, 1_000_000, 100_000_000, 2, 500, 1, 1_000, 300, 0m, null, null);

        var forSmall = RunHistory.Profile([small, large], 10_000, 1_000_000)!;
        var forLarge = RunHistory.Profile([small, large], 1_000_000, 100_000_000)!;
        var alike = RunHistory.Profile([small, large])!;

        Assert.Equal(1.0, RunHistory.Likeness(small, 10_000, 1_000_000));
        Assert.Equal(1 / (1 + Math.Log(100)), RunHistory.Likeness(large, 10_000, 1_000_000), 12);
        // Tickets three times longer count about as little as a run a few times larger.
        Assert.Equal(1 / (1 + Math.Log(3)), RunHistory.Likeness(small, 10_000, 3_000_000), 12);
        Assert.True(forSmall.TicketsPerSecondPerWorker < alike.TicketsPerSecondPerWorker && alike.TicketsPerSecondPerWorker < forLarge.TicketsPerSecondPerWorker,
            $"{forSmall.TicketsPerSecondPerWorker} < {alike.TicketsPerSecondPerWorker} < {forLarge.TicketsPerSecondPerWorker}");
        Assert.Equal((1_010_000.0 / 1_040), alike.TicketsPerSecondPerWorker, 9);
        Assert.Equal((101_000_000.0 / 4, 1_010_000.0 / 2), (alike.PlanBytesPerSecond, alike.EndRowsPerSecond));
    }

    [Fact]
    public void The_peak_memory_planned_is_the_working_set_the_runs_kept()
    {
        var runs = new[] { Run("old") with { WorkingSetMb = 0 }, Run("a") with { WorkingSetMb = 180 }, Run("b") with { WorkingSetMb = 220 } };

        var profile = RunHistory.Profile(runs)!;
        var projection = new CostProjector(Planning.Local(10_000, 100, new SystemProfile(4, 1L << 34)) with { Measured = profile })
            .Project(new RunConfiguration(2, 1536, TargetMode.Balanced, 5_000));

        Assert.Equal(200.0, profile.PeakMemoryMb);
        Assert.Equal(200.0 / 1024, projection.PeakMemoryGb, 9);
        Assert.Contains(projection.Assumptions, a => a.StartsWith("peak memory: 200 MB, the silo's working set in the runs", StringComparison.Ordinal));
    }

    /// <summary>The duration the cost model projects from these runs for a dataset of these rows and bytes.</summary>
    private static double Seconds(RunRecord[] runs, long rows, long bytes, int workers)
    {
        var request = new PlanningRequest(new DatasetShape(rows, bytes, 0), new Workload(Workload.Local), Measured: RunHistory.Profile(runs, rows, bytes),
            System: new SystemProfile(8, 1L << 34));
        var chunkSize = (int)ChunkSizing.For(rows, ChunkSizing.TargetMaxLocalChunks);
        return new CostProjector(request).Project(new RunConfiguration(workers, 1536, TargetMode.Balanced, chunkSize)).DurationHours * 3600;
    }

    [Fact]
    public void The_profile_averages_the_latest_runs_and_says_how_many()
    {
        var runs = Enumerable.Range(1, 12).Select(i => Run($"r{i}", busySeconds: i <= 2 ? 400 : 40, cost: i * 1m, memory: 100 * i)).ToList();

        var profile = RunHistory.Profile(runs)!;

        // The two slow, oldest runs are past the ten used.
        Assert.Equal((250.0, 10), (profile.TicketsPerSecondPerWorker, profile.Runs));
        Assert.Equal(750, profile.MemoryMbPerWorker);
        Assert.Equal(Enumerable.Range(3, 10).Sum() / 100_000m, profile.ProcessorCostPerTicketUsd);
        Assert.Null(RunHistory.Profile([Run("local", cost: 0m)])!.ProcessorCostPerTicketUsd);
        Assert.Null(RunHistory.Profile([]));
    }

    [Fact]
    public void Expected_workers_are_those_the_runs_had_and_never_more_than_the_chunks()
    {
        Assert.Equal(2.0, RunHistory.ExpectedBusyWorkers([Run("a")], clusterWorkers: 8, chunks: 100));
        Assert.Equal(8.0, RunHistory.ExpectedBusyWorkers([], clusterWorkers: 8, chunks: 100));
        Assert.Equal(1.0, RunHistory.ExpectedBusyWorkers([Run("a")], clusterWorkers: 8, chunks: 1));
    }

    [Fact]
    public void The_end_of_a_job_after_its_last_commit_is_estimated_at_the_runs_joining_rate()
    {
        // 10,000 rows joined in 1 s: 20,000 rows take 2 s.
        Assert.Equal(2.0, RunHistory.EstimateEnd([Run("a")], 20_000));
        Assert.Null(RunHistory.EstimateEnd([], 20_000));
        Assert.Null(RunHistory.EstimateEnd([Run("few", rows: 300)], 20_000));
    }

    [Fact]
    public void Runs_under_1000_tickets_or_2_seconds_count_beside_a_larger_run_never_alone()
    {
        // 300 tickets in 23 s, and 10,000 tickets in 1.5 s (planned 0.5, processed 0.5, joined 0.5).
        var few = Run("few", rows: 300);
        var quick = new RunRecord("quick", "local", DateTime.UnixEpoch, 10_000, 1_000_000, 0.5, 0.5, 0.5, 1, 300, 0m, null, null);

        Assert.Equal((false, false, true), (RunHistory.PlansAlone(few), RunHistory.PlansAlone(quick), RunHistory.PlansAlone(Run("a"))));
        Assert.Empty(RunHistory.Used([few, quick]));
        Assert.Null(RunHistory.Profile([few, quick]));
        Assert.Null(RunHistory.Profile([few, quick], 10_000, 1_000_000));
        Assert.Equal(["few", "a", "quick"], RunHistory.Used([few, Run("a"), quick]).Select(r => r.JobId));
    }

    [Theory]
    [InlineData("http://localhost:5005/v1", "llm:gpt-4o-mini@local-endpoint")]
    [InlineData("http://127.0.0.1:8080/", "llm:gpt-4o-mini@local-endpoint")]
    [InlineData("http://[::1]:8080/", "llm:gpt-4o-mini@local-endpoint")]
    [InlineData("https://api.openai.com/v1", "llm:gpt-4o-mini")]
    [InlineData("https://llm.internal.example/v1", "llm:gpt-4o-mini")]
    public void An_endpoint_on_this_machine_is_kept_apart_from_a_providers(string endpoint, string key) =>
        Assert.Equal(key, RunHistory.ProcessorKey(new ProcessorSpec(ProcessorSpec.LlmKind, Llm: new LlmSettings(endpoint, "gpt-4o-mini"))));

    [Fact]
    public void Processors_are_kept_apart_by_kind_model_and_plugin_file()
    {
        Assert.Equal("local", RunHistory.ProcessorKey(ProcessorSpec.Local));
        Assert.Equal("llm:gpt-4o-mini", RunHistory.ProcessorKey(new ProcessorSpec(ProcessorSpec.LlmKind, Llm: new LlmSettings("http://x/", "gpt-4o-mini"))));
        Assert.Equal("plugin:Urgency.dll", RunHistory.ProcessorKey(new ProcessorSpec(ProcessorSpec.PluginKind, PluginPath: "/opt/plugins/Urgency.dll")));
    }
}
