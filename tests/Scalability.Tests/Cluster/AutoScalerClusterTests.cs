using Scalability.Client;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cluster;

/// <summary>
/// The AutoScaler on real silos: a manual scale changes each silo's worker limit as the silos themselves report it, a
/// silo that joins is given workers at once, and one that stops has its share moved to the others. Every change is in
/// the decision log with its reason.
/// </summary>
public sealed class AutoScalerClusterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_manual_scale_sets_each_silos_limit_a_joining_silo_gets_workers_and_a_stopped_ones_share_moves()
    {
        await using var cluster = await TopologyCluster.StartAsync(_temp.File("state.db"));
        var client = new ScalabilityClient(cluster.Client);
        Assert.True(await Eventually.TrueAsync(async () => (await client.GetSiloMetricsAsync()).Length == 2, Patience),
            "the two silos never reported to the AutoScaler");
        var since = DateTime.UtcNow;

        var decision = await client.ScaleAsync(7, "a burst of tickets is expected", TimeSpan.FromMinutes(5));

        Assert.Equal((TopologyCluster.WorkersPerSilo * 2, 7, true), (decision.FromWorkers, decision.ToWorkers, decision.Manual));
        Assert.StartsWith("manual: a burst of tickets is expected (held until ", decision.Reason);
        Assert.Equal(7, decision.PerSilo.Values.Sum());
        Assert.Equal([3, 4], decision.PerSilo.Values.Order());
        Assert.True(await Eventually.TrueAsync(async () => ReportedLimits(await client.GetSiloMetricsAsync()).SequenceEqual(decision.PerSilo), Patience),
            $"the silos did not take their limits: {Describe(await client.GetSiloMetricsAsync())}");

        var added = await cluster.StartAdditionalSiloAsync();
        var newSilo = added.SiloAddress.ToParsableString();
        Assert.True(await Eventually.TrueAsync(async () => (await client.GetSiloMetricsAsync()).Any(m => m.Silo == newSilo && m.Workers > 0), Patience),
            $"the silo that joined was given no workers: {Describe(await client.GetSiloMetricsAsync())}");
        var joinedDecision = (await client.GetScalingDecisionsAsync(since)).Last();
        // Held by the manual scale: the total stays, and the new silo gets its share of it.
        Assert.Equal((7, 7, $"silo {newSilo} joined with {TopologyCluster.WorkersPerSilo} workers"),
            (joinedDecision.FromWorkers, joinedDecision.ToWorkers, joinedDecision.Reason));
        Assert.Equal([2, 2, 3], joinedDecision.PerSilo.Values.Order());

        await cluster.StopSiloAsync(added);
        Assert.True(await Eventually.TrueAsync(async () => (await client.GetDashboardAsync()).WorkersPerSilo.Count == 2, Patience),
            "the stopped silo's share was never moved");
        var dashboard = await client.GetDashboardAsync();
        Assert.Equal(7, dashboard.CurrentWorkers);
        Assert.Equal([3, 4], dashboard.WorkersPerSilo.Values.Order());
        // The membership's word that it left usually comes first; its silence, after 3 s, when it does not.
        Assert.Contains(dashboard.LastDecision!.Reason,
            new[] { $"silo {newSilo} left the cluster: its workers move to the other silos", $"silo {newSilo} stopped reporting: its workers move to the other silos" });
        Assert.Equal("a burst of tickets is expected", dashboard.ManualOverride);
    }

    [Fact]
    public async Task Manual_scaling_is_refused_without_a_reason_or_with_negative_workers()
    {
        await using var cluster = await TopologyCluster.StartAsync(_temp.File("state.db"), silos: 1);
        var client = new ScalabilityClient(cluster.Client);

        var noReason = await Assert.ThrowsAsync<ArgumentException>(() => client.ScaleAsync(3, " "));
        var negative = await Assert.ThrowsAsync<ArgumentException>(() => client.ScaleAsync(-1, "why not"));

        Assert.Equal("a manual scale needs a reason, for the decision log", noReason.Message);
        Assert.Equal("the workers must be 0 or more (got -1)", negative.Message);
    }

    private static SortedDictionary<string, int> ReportedLimits(SiloMetrics[] silos) =>
        new(silos.ToDictionary(m => m.Silo, m => m.Workers), StringComparer.Ordinal);

    private static string Describe(SiloMetrics[] silos) => string.Join("; ", silos.Select(m => $"{m.Silo}: {m.Workers}"));
}
