using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Jobs;
using Scalability.Grains.Scaling;

namespace Scalability.Tests.Scaling;

/// <summary>The AutoScaler's plain parts: sharing workers among silos, the metrics window, cluster sums, job timelines.</summary>
public sealed class AutoScalerEnginesTests
{
    [Fact]
    public void Workers_are_shared_by_cores_with_the_leftover_to_the_largest_remainders_then_by_name()
    {
        var cores = new Dictionary<string, int> { ["b"] = 2, ["a"] = 2, ["c"] = 4 };

        Assert.Equal([("a", 2), ("b", 2), ("c", 4)], Pairs(WorkerSplit.Split(8, cores)));
        // 7 × (2, 2, 4) / 8 = 1.75, 1.75, 3.5: floors 1, 1, 3, and the two leftovers go to a and b (.75 > .5).
        Assert.Equal([("a", 2), ("b", 2), ("c", 3)], Pairs(WorkerSplit.Split(7, cores)));
        Assert.Equal([("a", 0), ("b", 0), ("c", 1)], Pairs(WorkerSplit.Split(1, cores)));
        Assert.Equal(0, WorkerSplit.Split(0, cores).Values.Sum());
        Assert.Empty(WorkerSplit.Split(5, new Dictionary<string, int>()));
    }

    [Fact]
    public void The_window_weighs_latency_by_tickets_and_forgets_what_is_older_than_its_length()
    {
        var clock = new ManualClock();
        var window = new MetricsWindow(TimeSpan.FromSeconds(2), clock);
        window.RecordBatch(tickets: 90, failed: 0, requests: 90, rateLimited: 0, TimeSpan.FromMilliseconds(900)); // 10 ms each
        window.RecordBatch(tickets: 10, failed: 2, requests: 14, rateLimited: 4, TimeSpan.FromMilliseconds(1000)); // 100 ms each
        window.RecordChunk(TimeSpan.FromSeconds(3));

        var figures = window.Figures();
        Assert.Equal((100L, 2L, 104L, 4L), (figures.Tickets, figures.Failed, figures.Requests, figures.RateLimited));
        Assert.Equal((10.0, 100.0), (figures.TicketP50Ms, figures.TicketP95Ms));
        Assert.Equal(3.0, figures.ChunkP50Seconds);

        clock.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal(default, window.Figures());
    }

    [Fact]
    public void The_cluster_sums_rates_weighs_latency_by_tickets_and_watches_the_most_pressed_silo_for_memory()
    {
        var a = Silo("a", tickets: 300, failed: 3, requests: 400, limited: 40, p50: 10, memory: 2_000, limit: 10_000);
        var b = Silo("b", tickets: 100, failed: 1, requests: 100, limited: 10, p50: 50, memory: 9_000, limit: 10_000);

        var cluster = ClusterMetricsAggregator.Aggregate([a, b], backlog: 7, memoryLimitBytes: 0);

        Assert.Equal((2, 8, 200.0, 7L, 4), (cluster.Silos, cluster.Workers, cluster.TicketsPerSecond, cluster.Backlog, cluster.Cores));
        Assert.Equal(4.0 / 400, cluster.ErrorRate, 9);
        Assert.Equal(50.0 / 500, cluster.RateLimitedRate, 9);
        Assert.Equal((10 * 300 + 50 * 100) / 400.0, cluster.TicketLatencyP50Ms, 9);
        Assert.Equal(0.9, cluster.MemoryUtilization, 9);
        Assert.Equal(0.45, ClusterMetricsAggregator.Aggregate([a, b], 0, memoryLimitBytes: 20_000).MemoryUtilization, 9);
    }

    [Fact]
    public void A_long_timeline_is_thinned_evenly_and_keeps_its_first_and_newest_points()
    {
        var timeline = new JobTimeline();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i <= JobTimeline.MaxSamples; i++)
        {
            timeline.Add(Sample(start.AddSeconds(2 * i), i));
        }

        Assert.Equal(JobTimeline.MaxSamples / 2 + 1, timeline.Samples.Count);
        Assert.Equal(2 * JobTimeline.FirstIntervalSeconds, timeline.IntervalSeconds);
        Assert.Equal((0L, (long)JobTimeline.MaxSamples), (timeline.Samples[0].ProcessedRows, timeline.Samples[^1].ProcessedRows));
        Assert.All(timeline.Samples.Zip(timeline.Samples.Skip(1)).SkipLast(1), pair =>
            Assert.Equal(TimeSpan.FromSeconds(4), pair.Second.TimeUtc - pair.First.TimeUtc));
        Assert.False(timeline.Due(timeline.Samples[^1].TimeUtc.AddSeconds(3)));
        Assert.True(timeline.Due(timeline.Samples[^1].TimeUtc.AddSeconds(4)));
    }

    private static (string, int)[] Pairs(SortedDictionary<string, int> split) => split.Select(s => (s.Key, s.Value)).ToArray();

    private static SiloMetrics Silo(string name, long tickets, long failed, long requests, long limited, double p50, long memory, long limit) =>
        new(name, DateTime.UtcNow, WindowSeconds: 2, Workers: 4, InFlight: 4, BusyWorkers: 4, tickets, failed, requests, limited,
            p50, p50 * 2, 1, 2, CpuUtilization: 0.5, memory, limit, Cores: 2);

    private static JobSample Sample(DateTime time, long rows) =>
        new(time, rows, rows, 0, 0, 0, 0, new Dictionary<string, int>(), 0, 0, 0m, null, 0, 0, 0, 0, 0);

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
