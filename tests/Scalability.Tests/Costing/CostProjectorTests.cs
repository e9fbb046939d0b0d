using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Costing;

namespace Scalability.Tests.Costing;

public sealed class CostProjectorTests
{
    [Fact]
    public void A_local_run_takes_start_up_scan_ramp_work_commits_and_half_a_chunk_and_costs_only_its_workers_and_memory()
    {
        var projector = new CostProjector(Planning.Local(400_000));

        var projection = projector.Project(new RunConfiguration(2, 512, TargetMode.Balanced, 10_000));

        // 5 s start-up + 40 MB scanned at 100 MB/s (0.4 s) + a ramp from 1 to 2 workers (half of one 2 s step: 1 s)
        // + 400,000 tickets at 2 × 40,000/s (5 s) + 40 commits of 0.05 s on 2 workers (1 s) + half a chunk (0.125 s).
        Assert.Equal(12.525, projection.DurationHours * 3600, 9);
        Assert.Equal(2, projection.RunningWorkers);
        Assert.Equal(0m, projection.ProcessorUsd);
        Assert.Equal(projection.ComputeUsd + projection.MemoryUsd, projection.TotalCostUsd);
        Assert.Equal(Math.Round(2 * 12.525 / 3600 * 0.04, 4), (double)projection.ComputeUsd, 6);
        // A worker streams its chunk: it holds what it needs (64 MB and its chunk's 1 MB of CSV three times over), not
        // the 512 MB it is given.
        Assert.Equal((256 + 2 * (64 + 10_000 * 100 * 3 / 1048576.0)) / 1024.0, projection.PeakMemoryGb, 9);
        Assert.Contains(projection.Assumptions, a => a.Contains("40,000 tickets/s per busy core for the local processor", StringComparison.Ordinal));
        Assert.Contains(projection.Assumptions, a => a.Contains("at most 2 busy workers (the silos' cores)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_local_processor_stops_gaining_at_the_cores_and_speed_mode_pays_for_the_workers_past_them()
    {
        var projector = new CostProjector(Planning.Local(4_000_000));

        var one = projector.Project(new RunConfiguration(1, 512, TargetMode.Balanced, 10_000));
        var cores = projector.Project(new RunConfiguration(2, 512, TargetMode.Balanced, 10_000));
        var balancedEight = projector.Project(new RunConfiguration(8, 512, TargetMode.Balanced, 10_000));
        var speedEight = projector.Project(new RunConfiguration(8, 512, TargetMode.SpeedOptimized, 10_000));

        Assert.True(cores.DurationHours < one.DurationHours);
        Assert.Equal((2, cores.DurationHours, cores.TotalCostUsd), (balancedEight.RunningWorkers, balancedEight.DurationHours, balancedEight.TotalCostUsd));
        Assert.Equal(8, speedEight.RunningWorkers);
        Assert.True(speedEight.DurationHours <= cores.DurationHours);
        Assert.True(speedEight.TotalCostUsd > 3 * cores.TotalCostUsd);
        Assert.Contains(speedEight.Assumptions, a => a.Contains("speed_optimized holds all 8 to the end and pays for the idle ones", StringComparison.Ordinal));
    }

    [Fact]
    public void An_llm_run_adds_the_token_cost_of_every_ticket_and_its_range_spans_the_token_range()
    {
        var projector = new CostProjector(Planning.Llm(10_000));

        var projection = projector.Project(new RunConfiguration(8, 512, TargetMode.Balanced, 500));

        // 10,000 × (200 × $0.15 + 40 × $0.60) per million tokens.
        Assert.Equal(0.54m, projection.ProcessorUsd);
        Assert.Equal(projection.ComputeUsd + projection.MemoryUsd + projection.ProcessorUsd, projection.TotalCostUsd);
        Assert.True(projection.CostLowUsd < projection.TotalCostUsd && projection.TotalCostUsd < projection.CostHighUsd);
        // Low: 190 in and 30 out per ticket; high: 210 in and 60 out, with slower workers.
        Assert.True(projection.CostLowUsd <= 10_000 * (190 * 0.15m + 30 * 0.60m) / 1_000_000m + projection.ComputeUsd + projection.MemoryUsd);
        Assert.True(projection.CostHighUsd >= 10_000 * (210 * 0.15m + 60 * 0.60m) / 1_000_000m + projection.ComputeUsd + projection.MemoryUsd);
        Assert.True(projection.DurationHighHours > projection.DurationHours);
        Assert.Contains(projection.Assumptions, a => a.StartsWith("throughput: 1.488 tickets/s per worker, from the reference profile 'small' (4 workers process 10,000 rows in 28 minutes) (±30%", StringComparison.Ordinal));
        Assert.Contains(projection.Assumptions, a => a.StartsWith("llm: 200 prompt and 40 completion tokens per ticket", StringComparison.Ordinal));
    }

    [Fact]
    public void A_measured_profile_replaces_the_reference_and_narrows_the_range_as_its_runs_grow()
    {
        var reference = new CostProjector(Planning.Llm(10_000)).Project(new RunConfiguration(8, 512, TargetMode.Balanced, 500));
        var measuredOnce = new CostProjector(Planning.Llm(10_000, measured: new MeasuredProfile(3, 200, null, 1)))
            .Project(new RunConfiguration(8, 512, TargetMode.Balanced, 500));
        var measuredOften = new CostProjector(Planning.Llm(10_000, measured: new MeasuredProfile(3, 200, null, 24)))
            .Project(new RunConfiguration(8, 512, TargetMode.Balanced, 500));

        Assert.True(measuredOnce.DurationHours < reference.DurationHours);
        Assert.Contains(measuredOften.Assumptions, a => a.StartsWith("throughput: 3 tickets/s per worker, measured over 24 runs of the llm processor (±6%", StringComparison.Ordinal));
        Assert.True(measuredOften.DurationHighHours - measuredOften.DurationHours < measuredOnce.DurationHighHours - measuredOnce.DurationHours);
        Assert.True(measuredOnce.DurationHighHours - measuredOnce.DurationHours < reference.DurationHighHours - reference.DurationHours);
    }

    [Fact]
    public void A_measured_cost_per_ticket_replaces_the_token_estimate()
    {
        var projector = new CostProjector(Planning.Llm(10_000, measured: new MeasuredProfile(1.5, 200, 0.0002m, 5)));

        var projection = projector.Project(new RunConfiguration(4, 512, TargetMode.Balanced, 500));

        Assert.Equal(2m, projection.ProcessorUsd);
        Assert.Contains(projection.Assumptions, a => a.StartsWith("llm: $0.0002 per ticket, measured over 5 run(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_endpoints_rate_limit_caps_the_busy_workers()
    {
        // 60 requests a minute is one ticket a second: one worker at 1.488 tickets/s already reaches it.
        var projector = new CostProjector(Planning.Llm(10_000, requestsPerMinute: 60));

        var balanced = projector.Project(new RunConfiguration(8, 512, TargetMode.Balanced, 500));
        var speed = projector.Project(new RunConfiguration(8, 512, TargetMode.SpeedOptimized, 500));

        Assert.Equal(1, projector.Throughput.UsefulWorkers);
        Assert.Equal((1, 8), (balanced.RunningWorkers, speed.RunningWorkers));
        Assert.True(balanced.DurationHours * 3600 > 10_000);
        Assert.Contains(balanced.Assumptions, a => a == "the endpoint's limit of 60 requests/min caps throughput at 1 tickets/s");
    }

    [Fact]
    public void A_worker_given_less_memory_than_its_chunk_needs_is_flagged()
    {
        var projector = new CostProjector(Planning.Local(100_000, bytesPerRow: 1000));

        var small = projector.Project(new RunConfiguration(2, 64, TargetMode.Balanced, 10_000));
        var enough = projector.Project(new RunConfiguration(2, 128, TargetMode.Balanced, 10_000));

        // 64 MB for the worker + 10,000 rows × 1,000 bytes × 3 = 28.6 MB.
        Assert.Equal(93, small.MemoryNeededMbPerWorker);
        Assert.False(small.MemoryPerWorkerSuffices);
        Assert.True(enough.MemoryPerWorkerSuffices);
        Assert.Contains(small.Assumptions, a => a == "too little memory: a worker needs about 93 MB for a chunk of 10,000 rows, and is given 64 MB");
    }

    [Fact]
    public void An_llm_projection_without_tokens_or_a_known_price_is_refused()
    {
        var noTokens = Planning.Llm(100) with { Tokens = null };
        var unknownModel = Planning.Llm(100) with { Workload = new Workload(Workload.Llm, "house-model") };

        Assert.StartsWith("an llm projection needs a token estimate", Assert.Throws<ArgumentException>(() => new CostProjector(noTokens)).Message);
        Assert.StartsWith("no price is known for model 'house-model'", Assert.Throws<ArgumentException>(() => new CostProjector(unknownModel)).Message);
    }

    [Fact]
    public void The_system_profile_is_this_process_cores_and_memory()
    {
        var profile = SystemProfiler.Current();

        Assert.Equal(Environment.ProcessorCount, profile.Cores);
        Assert.Equal(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, profile.AvailableMemoryBytes);
        Assert.True(profile.AvailableMemoryBytes > 0);
    }
}
