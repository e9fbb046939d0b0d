using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;
using Scalability.Tests.Support;

namespace Scalability.Tests.Storage;

/// <summary>
/// Two real silos that find each other through the membership tables in one database, and a client that finds
/// them through the same tables: what a cluster of the product does, in one process.
/// </summary>
public abstract class DatabaseClusterTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    protected TDatabase Database { get; } = database;

    [DatabaseFact]
    public async Task Two_silos_see_each_other_active_and_a_stopped_one_leaves()
    {
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..12];
        IHost? first = null;
        IHost? second = null;
        IHost? client = null;
        try
        {
            first = await TestSilos.StartClusteredAsync(Database.Target, clusterId, "first");
            second = await TestSilos.StartClusteredAsync(Database.Target, clusterId, "second");
            var firstAddress = first.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
            var secondAddress = second.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

            // A client that knows only the database.
            client = TestSilos.BuildClient(Database.Target, clusterId);
            await client.StartAsync();
            var management = client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);

            Assert.True(await Eventually.TrueAsync(
                async () => SetEquals(await ActiveAsync(management), firstAddress, secondAddress), Patience),
                $"both silos active, as seen through the client; last seen: {await DescribeAsync(management)}");
            var firstView = first.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
            Assert.True(await Eventually.TrueAsync(
                async () => SetEquals(await ActiveAsync(firstView), firstAddress, secondAddress), Patience));
            Assert.Equal(ByPort((firstAddress, 3), (secondAddress, 3)), await StoredStatusesAsync(clusterId));

            await TestSilos.StopAsync(second);
            second = null;

            Assert.True(await Eventually.TrueAsync(
                async () => SetEquals(await ActiveAsync(firstView), firstAddress), Patience),
                $"only the first silo active after the second stopped; last seen: {await DescribeAsync(firstView)}");
            var hosts = await firstView.GetHosts(onlyActive: false);
            Assert.Equal(SiloStatus.Active, hosts[firstAddress]);
            Assert.NotEqual(SiloStatus.Active, hosts.GetValueOrDefault(secondAddress, SiloStatus.None));
            Assert.True(await Eventually.TrueAsync(
                async () => SetEquals(await ActiveAsync(management), firstAddress), Patience));

            // The second silo wrote its own departure: Dead (6) in the table.
            var expected = ByPort((firstAddress, 3), (secondAddress, 6));
            Assert.True(await Eventually.TrueAsync(async () => (await StoredStatusesAsync(clusterId)).SequenceEqual(expected), Patience));
            Assert.Equal(expected, await StoredStatusesAsync(clusterId));
        }
        finally
        {
            foreach (var host in new[] { client, second, first })
            {
                if (host is not null)
                {
                    await TestSilos.StopAsync(host);
                }
            }
        }
    }

    private static async Task<SiloAddress[]> ActiveAsync(IManagementGrain management)
    {
        try
        {
            return [.. (await management.GetHosts(onlyActive: true)).Keys];
        }
        catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or OrleansException)
        {
            // The gateway the call went through is leaving; the next poll goes through another.
            return [];
        }
    }

    private static async Task<string> DescribeAsync(IManagementGrain management)
    {
        try
        {
            return string.Join(", ", (await management.GetHosts(onlyActive: false)).Select(h => $"{h.Key} {h.Value}"));
        }
        catch (Exception e)
        {
            return e.Message;
        }
    }

    private static (int Port, int Status)[] ByPort(params (SiloAddress Silo, int Status)[] silos) =>
        silos.Select(s => (s.Silo.Endpoint.Port, s.Status)).OrderBy(s => s.Port).ToArray();

    private static bool SetEquals(SiloAddress[] actual, params SiloAddress[] expected) => actual.ToHashSet().SetEquals(expected);

    private async Task<(int Port, int Status)[]> StoredStatusesAsync(string clusterId) =>
        (await Database.QueryAsync("SELECT Port, Status FROM OrleansMembershipTable WHERE DeploymentId = @id ORDER BY Port", ("id", clusterId)))
        .Select(row => (Convert.ToInt32(row[0], CultureInfo.InvariantCulture), Convert.ToInt32(row[1], CultureInfo.InvariantCulture)))
        .ToArray();
}

public sealed class SqliteDatabaseClusterTests(SqliteDatabaseFixture database) : DatabaseClusterTests<SqliteDatabaseFixture>(database);

[PostgresTests]
public sealed class PostgresDatabaseClusterTests(PostgresDatabaseFixture database) : DatabaseClusterTests<PostgresDatabaseFixture>(database);
