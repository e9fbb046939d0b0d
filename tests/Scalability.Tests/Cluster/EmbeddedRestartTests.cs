using Scalability.Client;
using Scalability.Silo;
using Scalability.Silo.Storage;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cluster;

/// <summary>
/// An embedded silo started again on the state of an earlier one (as every <c>scale run</c> in the same folder does):
/// the AutoScaler, whose state remembers the earlier silo, forgets it at once instead of sharing the workers with it
/// until it has been silent long enough.
/// </summary>
public sealed class EmbeddedRestartTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_restarted_embedded_silo_gets_all_the_workers_and_the_earlier_silo_none()
    {
        var state = new SqliteDatabase(_temp.File("state.db"));
        var options = new EmbeddedSiloOptions { Storage = state, Workers = 2 };

        string earlier;
        await using (var first = await EmbeddedSilo.StartAsync(options))
        {
            var client = new ScalabilityClient(first.Client);
            Assert.True(await Eventually.TrueAsync(async () => (await client.GetDashboardAsync()).WorkersPerSilo.Count == 1, Patience),
                "the first silo's worker pool never reported to the AutoScaler");
            earlier = Assert.Single((await client.GetDashboardAsync()).WorkersPerSilo.Keys);
        }

        var restarted = DateTime.UtcNow;
        await using var second = await EmbeddedSilo.StartAsync(options);
        var again = new ScalabilityClient(second.Client);
        Assert.True(await Eventually.TrueAsync(async () => (await again.GetDashboardAsync()).WorkersPerSilo.Keys.Any(silo => silo != earlier), Patience),
            "the second silo's worker pool never reported to the AutoScaler");

        var dashboard = await again.GetDashboardAsync();
        var (silo, workers) = Assert.Single(dashboard.WorkersPerSilo);
        Assert.NotEqual(earlier, silo);
        Assert.Equal(2, workers);
        Assert.Equal(2, dashboard.CurrentWorkers);
        var decisions = await again.GetScalingDecisionsAsync(restarted);
        Assert.NotEmpty(decisions);
        Assert.All(decisions, decision => Assert.False(decision.PerSilo.ContainsKey(earlier), $"a decision after the restart shared workers with the earlier silo: {decision.Reason}"));
    }
}
