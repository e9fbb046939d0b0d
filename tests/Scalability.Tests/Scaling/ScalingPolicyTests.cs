using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Scaling.Policy;

namespace Scalability.Tests.Scaling;

public sealed class ScalingPolicyTests
{
    // Where each run is judged: its last 60 windows (of 120, two minutes at the intended 2 s interval).
    private const int Settled = 60;

    private static ScalingPolicy Policy(TargetMode mode = TargetMode.Balanced, int min = 1, int max = 64) =>
        new(mode, new ScalingLimits(min, max));

    private static ScalingObservation Busy(
        int workers, double ticketsPerSecond = 100, double p50 = 50, double errors = 0, double limited = 0,
        double memory = 0, long backlog = 100, double cpu = 0.3, int cores = 8) =>
        new(workers, workers, ticketsPerSecond, p50, p50 * 1.2, errors, limited, cpu, memory, backlog, cores);

    private static ScalingObservation Idle(int workers) => new(workers, 0, 0, 0, 0, 0, 0, 0.01, 0.1, 0, 8);

    // --- simulated workloads ---

    [Fact]
    public void A_latency_bound_endpoint_climbs_to_the_maximum_quickly_and_stays()
    {
        var run = ScalingSimulation.Run(Policy(max: 40), SimulatedWorkloads.LatencyBound(50));

        Assert.InRange(run.FirstAt(40), 0, 16);
        Assert.Equal((40, 40), run.Range(Settled));
        Assert.Equal(0, run.Reversals(run.Workers.Count - 1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cpu_bound_work_settles_near_the_core_count(bool lagged)
    {
        var workload = SimulatedWorkloads.CpuBound(cores: 8);
        var run = ScalingSimulation.Run(Policy(), workload, lagged: lagged);

        var (min, max) = run.Range(Settled);
        Assert.True(min >= 8 && max <= 12, $"settled in [{min}, {max}]\n{run.Trace()}");
        Assert.True(run.Reversals(Settled) <= 4, run.Trace());
        Assert.True(run.MeanThroughput(Settled) >= 0.95 * SimulatedWorkloads.BestFixed(workload, 1, 64).TicketsPerSecond, run.Trace());
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(null, true)]
    [InlineData(1000.0, false)]
    [InlineData(1000.0, true)]
    public void A_rate_limited_endpoint_settles_just_under_its_limit_with_few_429s(double? retryAfterMs, bool lagged)
    {
        // 400 requests/s at 50 ms: 20 workers fill the limit exactly.
        var workload = SimulatedWorkloads.RateLimited(400, 50, retryAfterMs);
        var run = ScalingSimulation.Run(Policy(), workload, lagged: lagged);

        var (min, max) = run.Range(Settled);
        Assert.True(min >= 17 && max <= 22, $"settled in [{min}, {max}]\n{run.Trace()}");
        Assert.True(run.RateLimitedShare(Settled) <= 0.01, $"429s at {run.RateLimitedShare(Settled):P2}\n{run.Trace()}");
        var best = SimulatedWorkloads.BestFixed(workload, 1, 64).TicketsPerSecond;
        Assert.True(run.MeanThroughput(Settled) >= 0.9 * best, $"{run.MeanThroughput(Settled):0.#} of {best:0.#} tickets/s\n{run.Trace()}");
        Assert.True(run.Reversals(Settled) <= 4, run.Trace());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_rate_limited_endpoint_with_noisy_figures_still_meets_the_benchmark_bar(int seed)
    {
        var workload = SimulatedWorkloads.RateLimited(400, 50, retryAfterMs: 1000);
        var run = ScalingSimulation.Run(Policy(), workload, 240, lagged: true, noise: 0.05, seed: seed);

        Assert.True(run.RateLimitedShare(180) <= 0.01, run.Trace());
        Assert.True(run.MeanThroughput(180) >= 0.9 * 400, run.Trace());
        // At the limit a one-worker probe changes tickets/s by 5%, as much as the noise, so a probe may be judged
        // wrongly either way; what stays bounded is how often it probes: the quiet periods of 30, 60 and 120 windows
        // leave room for three up-and-back probes in 180 windows, and nothing else may reverse the count.
        Assert.True(run.Reversals(180) <= 6, $"{run.Reversals(180)} reversals\n{run.Trace()}");
    }

    [Fact]
    public void A_memory_bound_workload_settles_under_the_high_water_mark()
    {
        // Each worker holds 5% of the memory limit: the limit is reached at 20.
        var run = ScalingSimulation.Run(Policy(), SimulatedWorkloads.MemoryBound(workersAtLimit: 20));

        var (min, max) = run.Range(Settled);
        Assert.True(min >= 14 && max <= 20, $"settled in [{min}, {max}]\n{run.Trace()}");
        Assert.All(run.Points.TakeLast(Settled), point => Assert.True(point.Memory < 0.85, run.Trace()));
        Assert.Equal(0, run.Reversals(Settled));
    }

    [Fact]
    public void An_error_burst_scales_down_during_the_burst_and_recovers_after()
    {
        var workload = SimulatedWorkloads.LatencyBound(50).WithErrors(from: 50, to: 60, errorRate: 0.2);
        var run = ScalingSimulation.Run(Policy(max: 40), workload);

        Assert.Equal(40, run.Workers[50]);
        Assert.True(run.Decisions[50].Workers < 40, run.Decisions[50].Reason); // the seed's example: above 5% errors it scales down
        Assert.Contains("20.0%", run.Decisions[50].Reason, StringComparison.Ordinal);
        for (var window = 51; window < 60; window++)
        {
            Assert.True(run.Workers[window + 1] <= run.Workers[window], run.Trace());
        }

        Assert.True(run.Workers[60] <= 12, run.Trace());
        Assert.InRange(run.Workers.Skip(60).ToList().IndexOf(40), 0, 20);
        Assert.Equal((40, 40), run.Range(30));
        Assert.Equal(2, run.Reversals(run.Workers.Count - 1)); // down into the burst, up after it
    }

    [Fact]
    public void Each_mode_settles_at_its_own_point_on_the_same_diminishing_returns_workload()
    {
        // Contention and coherency costs (the universal scalability law): throughput peaks near 31 workers.
        var workload = SimulatedWorkloads.Universal(sigma: 0.05, kappa: 0.001);
        var cost = ScalingSimulation.Run(Policy(TargetMode.CostOptimized), workload).Range(Settled);
        var balanced = ScalingSimulation.Run(Policy(TargetMode.Balanced), workload).Range(Settled);
        var speed = ScalingSimulation.Run(Policy(TargetMode.SpeedOptimized), workload).Range(Settled);

        Assert.True(cost.Max < balanced.Min, $"cost {cost}, balanced {balanced}");
        Assert.True(balanced.Max <= speed.Min, $"balanced {balanced}, speed {speed}");
        Assert.InRange(cost.Max, 3, 8);
        Assert.InRange(speed.Min, 24, 40);
    }

    [Fact]
    public void Memory_mode_keeps_more_headroom_than_balanced()
    {
        var workload = SimulatedWorkloads.MemoryBound(workersAtLimit: 20);
        var memory = ScalingSimulation.Run(Policy(TargetMode.MemoryOptimized), workload);
        var balanced = ScalingSimulation.Run(Policy(TargetMode.Balanced), workload);

        Assert.True(memory.Range(Settled).Max < balanced.Range(Settled).Min);
        Assert.All(memory.Points.TakeLast(Settled), point => Assert.True(point.Memory <= 0.6 + 1e-9, memory.Trace()));
    }

    [Fact]
    public void The_same_run_twice_makes_the_same_decisions()
    {
        var workload = SimulatedWorkloads.RateLimited(400, 50);
        var first = ScalingSimulation.Run(Policy(), workload);
        var second = ScalingSimulation.Run(Policy(), workload);

        Assert.Equal(first.Decisions, second.Decisions);
    }

    // --- rules ---

    [Theory]
    [InlineData(TargetMode.Balanced)]
    [InlineData(TargetMode.SpeedOptimized)]
    [InlineData(TargetMode.MemoryOptimized)]
    [InlineData(TargetMode.CostOptimized)]
    public void Above_five_percent_errors_the_next_decision_is_lower_in_every_mode(TargetMode mode)
    {
        var policy = Policy(mode);
        var step = policy.Decide(Busy(20, errors: 0.06));

        Assert.True(step.Workers < 20, step.Reason);
        Assert.Equal(14, step.Workers);
        Assert.Contains("6.0%", step.Reason, StringComparison.Ordinal);
        Assert.Contains("20 → 14", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_at_five_percent_or_less_do_not_cut()
    {
        var step = Policy().Decide(Busy(20, errors: 0.05));

        Assert.True(step.Workers >= 20, step.Reason);
    }

    [Fact]
    public void A_cut_is_not_repeated_in_the_two_windows_right_after_it()
    {
        var policy = Policy();

        Assert.Equal(14, policy.Decide(Busy(20, errors: 0.2)).Workers);
        for (var window = 0; window < 2; window++)
        {
            var waiting = policy.Decide(Busy(14, errors: 0.2));
            Assert.Equal(14, waiting.Workers);
            Assert.Contains("takes effect", waiting.Reason, StringComparison.Ordinal);
        }

        Assert.Equal(9, policy.Decide(Busy(14, errors: 0.2)).Workers);
    }

    [Fact]
    public void A_429_cut_is_sized_from_the_refused_share_and_the_probe_stays_under_the_level_it_remembers()
    {
        var policy = Policy();
        var cut = policy.Decide(Busy(28, ticketsPerSecond: 400, limited: 0.2857));

        Assert.Equal(18, cut.Workers);
        Assert.Contains("28.6%", cut.Reason, StringComparison.Ordinal);
        Assert.Contains("28 → 18", cut.Reason, StringComparison.Ordinal);
        Assert.Equal(21, policy.RateLimitCeiling);

        // Clean windows from then on: it climbs back to just under 21 and stays there until the quiet period ends.
        var workers = 18;
        var seen = new List<int>();
        for (var window = 0; window < 30; window++)
        {
            workers = policy.Decide(Busy(workers, ticketsPerSecond: workers * 20)).Workers;
            seen.Add(workers);
        }

        Assert.Equal(20, seen.Max());
        Assert.Equal(20, seen[^1]);
    }

    [Fact]
    public void Far_under_the_remembered_429_level_it_climbs_back_by_halving_the_gap()
    {
        var policy = Policy();
        Assert.Equal(18, policy.Decide(Busy(28, ticketsPerSecond: 400, limited: 0.2857)).Workers);
        policy.Decide(Busy(18, ticketsPerSecond: 360));
        policy.Decide(Busy(18, ticketsPerSecond: 360));
        Assert.Equal(12, policy.Decide(Busy(18, ticketsPerSecond: 360, errors: 0.1)).Workers);

        var workers = 12;
        var climb = new List<int>();
        for (var window = 0; window < 12; window++)
        {
            var step = policy.Decide(Busy(workers, ticketsPerSecond: workers * 20));
            if (step.Workers != workers)
            {
                climb.Add(step.Workers);
            }

            workers = step.Workers;
        }

        Assert.Equal([16, 18, 19, 20], climb);
    }

    [Fact]
    public void After_clean_windows_a_429_cut_is_sized_by_littles_law_from_the_tickets_served()
    {
        // Clean windows at 19.23 tickets/s a worker (one of them odd), then a burst the endpoint's limiter allowed lets
        // 13 workers run clean; at 19 workers it serves 200 tickets/s and refuses only 6.5% of requests, because each
        // refused worker waits out a Retry-After. 200 tickets/s ÷ 19.23 a worker is 10.4 workers' worth.
        var policy = Policy();
        var workers = 2;
        foreach (var perWorker in new[] { 22.0, 1000 / 52.0, 1000 / 52.0, 1000 / 52.0, 1000 / 52.0, 1000 / 52.0, 1000 / 52.0, 1000 / 52.0, 1000 / 52.0, 1000 / 52.0 })
        {
            workers = policy.Decide(Busy(workers, ticketsPerSecond: workers * perWorker, p50: 52)).Workers;
        }

        Assert.Equal(13, workers);
        policy.Decide(Busy(13, ticketsPerSecond: 250, p50: 52));
        var cut = policy.Decide(Busy(19, ticketsPerSecond: 200, p50: 53, limited: 0.065));

        Assert.Equal(10, cut.Workers);
        Assert.Equal(11, policy.RateLimitCeiling);
        Assert.Contains("200 tickets/s served ÷ 19.23 a worker when none are refused is 10.4 workers' worth: cut 19 → 10", cut.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stepping_down_out_of_a_few_429s_it_stays_under_the_level_they_came_from_until_the_next_probe()
    {
        var policy = Policy(TargetMode.SpeedOptimized);
        var workers = 13;
        // A cut to under the limit, then clean windows: it climbs back to 11, just under the remembered 12.
        workers = policy.Decide(Busy(workers, ticketsPerSecond: 220, limited: 0.0135)).Workers;
        var seen = new List<int>();
        for (var window = 0; window < 40; window++)
        {
            // 11 workers draw a few 429s now and then (not every window), as a Retry-After endpoint just over its limit does.
            var limited = workers >= 11 && window % 3 != 0 ? 0.005 : 0;
            workers = policy.Decide(Busy(workers, ticketsPerSecond: workers * 19, limited: limited)).Workers;
            seen.Add(workers);
        }

        Assert.True(seen.TakeLast(20).All(w => w <= 11), string.Join(", ", seen));
        Assert.Equal(10, seen[^1]);
    }

    [Fact]
    public void A_served_rate_cut_undoes_an_overshoot_of_three_times_the_limit_in_one_step()
    {
        var policy = Policy(TargetMode.SpeedOptimized);
        var workers = 2;
        while (workers < 32)
        {
            workers = policy.Decide(Busy(workers, ticketsPerSecond: workers * 1000 / 52.0, p50: 52)).Workers;
        }

        var cut = policy.Decide(Busy(32, ticketsPerSecond: 200, p50: 52, limited: 0.04));
        // Without clean windows to measure a worker by, the refused share alone says little was refused.
        var guessed = Policy(TargetMode.SpeedOptimized).Decide(Busy(32, ticketsPerSecond: 200, p50: 52, limited: 0.04));

        Assert.Equal(10, cut.Workers);
        Assert.Contains("is 10.4 workers' worth: cut 32 → 10", cut.Reason, StringComparison.Ordinal);
        Assert.Equal(27, guessed.Workers);
    }

    [Fact]
    public void A_small_429_share_cuts_a_tenth_under_what_the_endpoint_accepted()
    {
        // The endpoint took 96.9% of 40 workers' requests: aim 10% under that.
        var step = Policy().Decide(Busy(40, limited: 0.031));

        Assert.Equal(34, step.Workers);
        Assert.Contains("3.1%", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_memory_brake_cuts_above_the_high_water_mark_and_never_grows_above_the_low_one()
    {
        var braked = Policy().Decide(Busy(20, memory: 0.9));
        Assert.Equal(16, braked.Workers); // 20 × 75% ÷ 90%
        Assert.Contains("90%", braked.Reason, StringComparison.Ordinal);

        var policy = Policy();
        for (var window = 0; window < 20; window++)
        {
            var step = policy.Decide(Busy(10, ticketsPerSecond: 200, memory: 0.8));
            Assert.Equal(10, step.Workers);
        }

        Assert.Contains("80%", policy.Decide(Busy(10, ticketsPerSecond: 200, memory: 0.8)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Growth_is_capped_to_what_memory_allows()
    {
        // 10 workers at 50% of the limit: about 5% each, so 15 reach the low-water mark of 75%.
        var step = Policy(TargetMode.SpeedOptimized).Decide(Busy(10, ticketsPerSecond: 200, memory: 0.5));

        Assert.Equal(15, step.Workers);
        Assert.Contains("memory", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Idle_drifts_down_to_the_minimum_a_little_at_a_time()
    {
        var policy = Policy(min: 2, max: 64);
        var workers = 40;
        var seen = new List<int>();
        for (var window = 0; window < 60; window++)
        {
            var step = policy.Decide(Idle(workers));
            Assert.True(step.Workers >= Math.Min(workers - 1, workers * 0.85) && step.Workers <= workers, step.Reason);
            workers = step.Workers;
            seen.Add(workers);
        }

        Assert.Equal([40, 40, 40], seen.Take(3));
        Assert.True(seen[3] < 40);
        Assert.Equal(2, seen[^1]);
        Assert.Contains("idle", policy.Decide(Idle(2)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_minimum_an_idle_cluster_can_reach_zero_but_waiting_work_always_gets_a_worker()
    {
        var policy = Policy(min: 0, max: 8);
        var workers = 3;
        for (var window = 0; window < 20; window++)
        {
            workers = policy.Decide(Idle(workers)).Workers;
        }

        Assert.Equal(0, workers);
        var woken = policy.Decide(new ScalingObservation(0, 0, 0, 0, 0, 0, 0, 0, 0, Backlog: 5, Cores: 8));
        Assert.Equal(1, woken.Workers);
        Assert.Contains("5 chunks waiting", woken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_outside_the_bounds_are_brought_inside()
    {
        Assert.Equal(16, Policy(min: 4, max: 16).Decide(Busy(30)).Workers);
        Assert.Equal(4, Policy(min: 4, max: 16).Decide(Busy(1)).Workers);
    }

    [Theory]
    [InlineData(TargetMode.Balanced)]
    [InlineData(TargetMode.SpeedOptimized)]
    [InlineData(TargetMode.MemoryOptimized)]
    [InlineData(TargetMode.CostOptimized)]
    public void Whatever_it_sees_the_count_stays_within_the_bounds(TargetMode mode)
    {
        var random = new Random(42);
        foreach (var (min, max) in new[] { (0, 1), (0, 10), (2, 2), (3, 50) })
        {
            var policy = Policy(mode, min, max);
            var workers = min;
            for (var window = 0; window < 1500; window++)
            {
                var backlog = random.Next(3) == 0 ? 0 : random.Next(1, 50);
                var observation = new ScalingObservation(
                    workers, random.Next(0, workers + 2), random.NextDouble() * 500, random.NextDouble() * 200,
                    random.NextDouble() * 400, random.Next(4) == 0 ? random.NextDouble() : 0,
                    random.Next(4) == 0 ? random.NextDouble() * 0.3 : 0, random.NextDouble(),
                    random.Next(5) == 0 ? double.NaN : random.NextDouble(), backlog, 8);
                var step = policy.Decide(observation);

                Assert.InRange(step.Workers, min, max);
                Assert.True(backlog == 0 || step.Workers >= 1, step.Reason);
                Assert.False(string.IsNullOrWhiteSpace(step.Reason));
                workers = step.Workers;
            }
        }
    }

    [Fact]
    public void Speed_mode_keeps_its_workers_while_backlog_remains_and_balanced_steps_down_slowly()
    {
        var speed = Policy(TargetMode.SpeedOptimized, max: 20);
        var balanced = Policy(TargetMode.Balanced, max: 20);
        foreach (var policy in new[] { speed, balanced })
        {
            // A settled baseline at the maximum: p50 50 ms.
            for (var window = 0; window < 5; window++)
            {
                policy.Decide(Busy(20, ticketsPerSecond: 400));
            }
        }

        // Then every ticket takes five times as long, with 100 chunks still waiting.
        var speedSeen = new List<int>();
        var balancedSeen = new List<int>();
        int speedWorkers = 20, balancedWorkers = 20;
        for (var window = 0; window < 30; window++)
        {
            speedWorkers = speed.Decide(Busy(speedWorkers, ticketsPerSecond: 80, p50: 250)).Workers;
            balancedWorkers = balanced.Decide(Busy(balancedWorkers, ticketsPerSecond: 80, p50: 250)).Workers;
            speedSeen.Add(speedWorkers);
            balancedSeen.Add(balancedWorkers);
        }

        Assert.All(speedSeen, workers => Assert.Equal(20, workers));
        Assert.Equal(20, balancedSeen[3]); // hysteresis: nothing for the first windows
        Assert.True(balancedSeen[^1] < 20);
        Assert.True(balancedSeen.Zip(balancedSeen.Skip(1)).All(pair => pair.First - pair.Second <= 1)); // one at a time

        // Once no chunk waits and workers sit idle, speed mode gives them back too.
        var drained = 20;
        for (var window = 0; window < 10; window++)
        {
            drained = speed.Decide(new ScalingObservation(drained, 5, 50, 50, 60, 0, 0, 0.2, 0.1, 0, 8)).Workers;
        }

        Assert.True(drained < 20);
    }

    [Fact]
    public void A_step_that_buys_nothing_is_withdrawn_and_the_reason_gives_the_figures()
    {
        var policy = Policy();
        Assert.Equal(12, policy.Decide(Busy(8, ticketsPerSecond: 160)).Workers);
        policy.Decide(Busy(12, ticketsPerSecond: 160)); // the window the change takes to show
        var back = policy.Decide(Busy(12, ticketsPerSecond: 161));

        Assert.Equal(8, back.Workers);
        Assert.Equal(8, policy.Knee);
        Assert.Contains("160 to 161", back.Reason, StringComparison.Ordinal);
        Assert.Contains("back to 8", back.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limits_and_the_mode_names_are_checked()
    {
        Assert.Throws<ArgumentException>(() => new ScalingPolicy(TargetMode.Balanced, new ScalingLimits(5, 4)));
        Assert.Throws<ArgumentException>(() => new ScalingPolicy(TargetMode.Balanced, new ScalingLimits(-1, 4)));
        Assert.Throws<ArgumentException>(() => new ScalingPolicy(TargetMode.Balanced, new ScalingLimits(0, 0)));

        Assert.True(TargetModes.TryParse("speed_optimized", out var speed));
        Assert.Equal(TargetMode.SpeedOptimized, speed);
        Assert.True(TargetModes.TryParse("Cost-Optimized", out var cost));
        Assert.Equal(TargetMode.CostOptimized, cost);
        Assert.True(TargetModes.TryParse("memory", out var memory));
        Assert.Equal(TargetMode.MemoryOptimized, memory);
        Assert.False(TargetModes.TryParse("fastest", out _));
        Assert.Equal("balanced", TargetMode.Balanced.ToSeedName());
    }
}
