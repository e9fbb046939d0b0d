using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Messaging;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using Scalability.Silo.Storage;
using Scalability.Tests.Support;

namespace Scalability.Tests.Storage;

/// <summary>
/// Orleans' ADO.NET membership table over the product's SQL, as a silo gets it from
/// <see cref="StorageHostingExtensions.UseScalabilityClustering(ISiloBuilder, DatabaseTarget)"/>, driven the way
/// Orleans' membership protocol drives it. Every test uses a cluster id of its own in the class's database.
/// </summary>
public abstract class MembershipContractTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    // Millisecond times: PostgreSQL keeps milliseconds, so a value read back is the value written.
    private static readonly DateTime Now = Millis(DateTime.UtcNow);

    protected TDatabase Database { get; } = database;

    [DatabaseFact]
    public async Task A_new_table_is_empty_at_version_0_whatever_the_number_of_initialisations()
    {
        using var cluster = Cluster();
        await cluster.Table.InitializeMembershipTableAsync(true);
        await cluster.Table.InitializeMembershipTableAsync(true);

        var all = await cluster.Table.ReadAllAsync();
        Assert.Empty(all.Members);
        Assert.Equal(0, all.Version.Version);
        Assert.Equal("0", all.Version.VersionEtag);
        Assert.Equal(1, await Database.CountAsync(
            "SELECT count(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = @id", ("id", cluster.Id)));
    }

    [DatabaseFact]
    public async Task A_silo_joins_against_the_current_version_only_and_once()
    {
        using var cluster = Cluster();
        await cluster.Table.InitializeMembershipTableAsync(true);
        var empty = await cluster.Table.ReadAllAsync();
        var a = Entry(11111, SiloStatus.Joining, proxyPort: 30001);
        var b = Entry(11112, SiloStatus.Joining, proxyPort: 30002);

        Assert.True(await cluster.Table.InsertRowAsync(a, empty.Version.Next()));

        var all = await cluster.Table.ReadAllAsync();
        Assert.Equal(1, all.Version.Version);
        Assert.Equal("1", all.Version.VersionEtag);
        var (stored, etag) = Assert.Single(all.Members);
        AssertSame(a, stored);
        Assert.Equal("1", etag);

        var row = await cluster.Table.ReadRowAsync(a.SiloAddress);
        Assert.Equal(1, row.Version.Version);
        AssertSame(a, Assert.Single(row.Members).Item1);
        var none = await cluster.Table.ReadRowAsync(b.SiloAddress);
        Assert.Empty(none.Members);
        Assert.Equal(1, none.Version.Version);

        // The same silo again, and another silo against the version before the join: both refused.
        Assert.False(await cluster.Table.InsertRowAsync(a, all.Version.Next()));
        Assert.False(await cluster.Table.InsertRowAsync(b, empty.Version.Next()));

        var after = await cluster.Table.ReadAllAsync();
        Assert.Equal(1, after.Version.Version);
        AssertSame(a, Assert.Single(after.Members).Item1);
    }

    [DatabaseFact]
    public async Task An_update_with_a_stale_etag_fails_and_changes_nothing()
    {
        using var cluster = Cluster();
        await cluster.Table.InitializeMembershipTableAsync(true);
        var a = Entry(11111, SiloStatus.Joining, proxyPort: 30001);
        Assert.True(await cluster.Table.InsertRowAsync(a, (await cluster.Table.ReadAllAsync()).Version.Next()));
        var read = await cluster.Table.ReadRowAsync(a.SiloAddress);

        // Someone else's change moves the version on.
        var other = Entry(11112, SiloStatus.Joining, proxyPort: 30002);
        Assert.True(await cluster.Table.InsertRowAsync(other, read.Version.Next()));

        var active = Copy(a, SiloStatus.Active);
        Assert.False(await cluster.Table.UpdateRowAsync(active, read.Members[0].Item2, read.Version.Next()));
        var unchanged = await cluster.Table.ReadRowAsync(a.SiloAddress);
        Assert.Equal(SiloStatus.Joining, unchanged.Members[0].Item1.Status);
        Assert.Equal(2, unchanged.Version.Version);

        // A silo that has no row cannot be updated, even at the current version.
        var stranger = Entry(11119, SiloStatus.Active, proxyPort: 0);
        Assert.False(await cluster.Table.UpdateRowAsync(stranger, "2", unchanged.Version.Next()));

        // At the current version the update goes through and moves the version on.
        Assert.True(await cluster.Table.UpdateRowAsync(active, unchanged.Members[0].Item2, unchanged.Version.Next()));
        var updated = await cluster.Table.ReadRowAsync(a.SiloAddress);
        Assert.Equal(SiloStatus.Active, updated.Members[0].Item1.Status);
        Assert.Equal(3, updated.Version.Version);
        Assert.Equal(2, (await cluster.Table.ReadAllAsync()).Members.Count);
    }

    [DatabaseFact]
    public async Task A_leaving_silo_goes_ShuttingDown_then_Dead_and_its_suspicions_are_kept()
    {
        using var cluster = Cluster();
        await cluster.Table.InitializeMembershipTableAsync(true);
        var a = Entry(11111, SiloStatus.Joining, proxyPort: 30001);
        var watcher = Entry(11112, SiloStatus.Active, proxyPort: 30002);
        Assert.True(await cluster.Table.InsertRowAsync(a, (await cluster.Table.ReadAllAsync()).Version.Next()));
        Assert.True(await cluster.Table.InsertRowAsync(watcher, (await cluster.Table.ReadAllAsync()).Version.Next()));

        var suspicions = new List<Tuple<SiloAddress, DateTime>> { Tuple.Create(watcher.SiloAddress, Now.AddSeconds(-3)) };
        foreach (var (status, suspectTimes, version) in new[]
                 {
                     (SiloStatus.Active, (List<Tuple<SiloAddress, DateTime>>?)null, 3),
                     (SiloStatus.ShuttingDown, suspicions, 4),
                     (SiloStatus.Dead, suspicions, 5),
                 })
        {
            var read = await cluster.Table.ReadRowAsync(a.SiloAddress);
            var change = Copy(a, status);
            change.SuspectTimes = suspectTimes;
            change.IAmAliveTime = Now.AddSeconds(version);
            Assert.True(await cluster.Table.UpdateRowAsync(change, read.Members[0].Item2, read.Version.Next()));

            var after = await cluster.Table.ReadRowAsync(a.SiloAddress);
            Assert.Equal(version, after.Version.Version);
            AssertSame(change, after.Members[0].Item1);
        }

        var stored = Assert.Single(await Database.QueryAsync(
            "SELECT Status, SuspectTimes FROM OrleansMembershipTable WHERE DeploymentId = @id AND Port = 11111", ("id", cluster.Id)));
        Assert.Equal(6, Convert.ToInt32(stored[0], CultureInfo.InvariantCulture));
        Assert.Equal($"{watcher.SiloAddress.ToParsableString()},{LogFormatter.PrintDate(Now.AddSeconds(-3))}", stored[1]);
    }

    [DatabaseFact]
    public async Task A_heartbeat_updates_IAmAliveTime_without_moving_the_version()
    {
        using var cluster = Cluster();
        await cluster.Table.InitializeMembershipTableAsync(true);
        var a = Entry(11111, SiloStatus.Active, proxyPort: 30001);
        Assert.True(await cluster.Table.InsertRowAsync(a, (await cluster.Table.ReadAllAsync()).Version.Next()));

        var alive = Copy(a, SiloStatus.Active);
        alive.IAmAliveTime = Now.AddSeconds(42);
        await cluster.Table.UpdateIAmAliveAsync(alive);

        var read = await cluster.Table.ReadRowAsync(a.SiloAddress);
        Assert.Equal(1, read.Version.Version);
        var stored = read.Members[0].Item1;
        Assert.Equal(Now.AddSeconds(42), stored.IAmAliveTime);
        Assert.Equal(a.StartTime, stored.StartTime);
        Assert.Equal(SiloStatus.Active, stored.Status);
    }

    [DatabaseFact]
    public async Task Gateways_are_the_active_silos_that_have_a_proxy_port()
    {
        using var cluster = Cluster();
        await cluster.Table.InitializeMembershipTableAsync(true);
        MembershipEntry[] entries =
        [
            Entry(11111, SiloStatus.Active, proxyPort: 30001),
            Entry(11112, SiloStatus.Active, proxyPort: 30002),
            Entry(11113, SiloStatus.Active, proxyPort: 0),
            Entry(11114, SiloStatus.Joining, proxyPort: 30004),
            Entry(11115, SiloStatus.Dead, proxyPort: 30005),
        ];
        foreach (var entry in entries)
        {
            Assert.True(await cluster.Table.InsertRowAsync(entry, (await cluster.Table.ReadAllAsync()).Version.Next()));
        }

        using var client = TestSilos.BuildClient(Database.Target, cluster.Id);
        var gateways = client.Services.GetRequiredService<IGatewayListProvider>();
        await gateways.InitializeGatewayListProvider();
        Assert.Equal(["gwy.tcp://127.0.0.1:30001/7", "gwy.tcp://127.0.0.1:30002/7"],
            (await gateways.GetGateways()).Select(uri => uri.ToString()).Order(StringComparer.Ordinal));

        // The first one leaves.
        var read = await cluster.Table.ReadRowAsync(entries[0].SiloAddress);
        Assert.True(await cluster.Table.UpdateRowAsync(Copy(entries[0], SiloStatus.Dead), read.Members[0].Item2, read.Version.Next()));
        Assert.Equal(["gwy.tcp://127.0.0.1:30002/7"], (await gateways.GetGateways()).Select(uri => uri.ToString()));
    }

    [DatabaseFact]
    public async Task Cleanup_removes_only_dead_silos_silent_and_unsuspected_since_the_cut_off()
    {
        using var cluster = Cluster();
        await cluster.Table.InitializeMembershipTableAsync(true);
        var cutOff = Now.AddHours(-1);
        var deadOld = Entry(11111, SiloStatus.Dead, proxyPort: 0, start: Now.AddHours(-3), alive: Now.AddHours(-2));
        var deadRecent = Entry(11112, SiloStatus.Dead, proxyPort: 0, start: Now.AddHours(-3), alive: Now.AddMinutes(-10));
        var activeOld = Entry(11113, SiloStatus.Active, proxyPort: 0, start: Now.AddHours(-3), alive: Now.AddHours(-2));
        var deadOldSuspectedRecently = Entry(11114, SiloStatus.Dead, proxyPort: 0, start: Now.AddHours(-3), alive: Now.AddHours(-2));
        var deadOldSuspectedLongAgo = Entry(11115, SiloStatus.Dead, proxyPort: 0, start: Now.AddHours(-3), alive: Now.AddHours(-2));
        foreach (var entry in new[] { deadOld, deadRecent, activeOld, deadOldSuspectedRecently, deadOldSuspectedLongAgo })
        {
            Assert.True(await cluster.Table.InsertRowAsync(entry, (await cluster.Table.ReadAllAsync()).Version.Next()));
        }

        await SuspectAsync(cluster.Table, deadOldSuspectedRecently, activeOld.SiloAddress, Now.AddMinutes(-5));
        await SuspectAsync(cluster.Table, deadOldSuspectedLongAgo, activeOld.SiloAddress, Now.AddHours(-2));
        var before = await cluster.Table.ReadAllAsync();

        await cluster.Table.CleanupDefunctSiloEntriesAsync(cutOff);

        var after = await cluster.Table.ReadAllAsync();
        Assert.Equal([11112, 11113, 11114], after.Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order());
        Assert.Equal(before.Version.Version, after.Version.Version);
    }

    [DatabaseFact]
    public async Task The_whole_table_cleanup_query_removes_dead_silos_silent_and_unsuspected_since_the_cut_off()
    {
        // Orleans 10.4 prefers CleanupDefunctSiloEntryKey; CleanupDefunctSiloEntriesKey must still exist and work, so
        // it is run here as Orleans runs it: one command with the cluster and the cut-off.
        using var cluster = Cluster();
        await cluster.Table.InitializeMembershipTableAsync(true);
        var deadOld = Entry(11111, SiloStatus.Dead, proxyPort: 0, start: Now.AddHours(-3), alive: Now.AddHours(-2));
        var deadRecent = Entry(11112, SiloStatus.Dead, proxyPort: 0, start: Now.AddHours(-3), alive: Now.AddMinutes(-10));
        var activeOld = Entry(11113, SiloStatus.Active, proxyPort: 0, start: Now.AddHours(-3), alive: Now.AddHours(-2));
        var deadOldSuspected = Entry(11114, SiloStatus.Dead, proxyPort: 0, start: Now.AddHours(-3), alive: Now.AddHours(-2));
        foreach (var entry in new[] { deadOld, deadRecent, activeOld, deadOldSuspected })
        {
            Assert.True(await cluster.Table.InsertRowAsync(entry, (await cluster.Table.ReadAllAsync()).Version.Next()));
        }

        await SuspectAsync(cluster.Table, deadOldSuspected, activeOld.SiloAddress, Now.AddHours(-2));
        var query = (string)(await Database.QueryAsync(
            "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntriesKey'")).Single()[0]!;

        var removed = await Database.ExecuteAsync(query, ("DeploymentId", cluster.Id), ("IAmAliveTime", Now.AddHours(-1)));

        Assert.Equal(1, removed);
        Assert.Equal([11112, 11113, 11114], (await cluster.Table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order());
    }

    [DatabaseFact]
    public async Task Deleting_a_deployment_removes_that_cluster_and_no_other()
    {
        using var doomed = Cluster();
        using var kept = Cluster();
        foreach (var cluster in new[] { doomed, kept })
        {
            await cluster.Table.InitializeMembershipTableAsync(true);
            Assert.True(await cluster.Table.InsertRowAsync(Entry(11111, SiloStatus.Active, proxyPort: 30001), (await cluster.Table.ReadAllAsync()).Version.Next()));
        }

        await doomed.Table.DeleteMembershipTableEntriesAsync(doomed.Id);

        Assert.Equal(0, await Database.CountAsync("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @id", ("id", doomed.Id)));
        Assert.Equal(0, await Database.CountAsync("SELECT count(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = @id", ("id", doomed.Id)));
        var survivor = await kept.Table.ReadAllAsync();
        Assert.Single(survivor.Members);
        Assert.Equal(1, survivor.Version.Version);

        // The deleted cluster starts again from nothing.
        await doomed.Table.InitializeMembershipTableAsync(true);
        var fresh = await doomed.Table.ReadAllAsync();
        Assert.Empty(fresh.Members);
        Assert.Equal(0, fresh.Version.Version);
    }

    private TestCluster Cluster() => new(Database.Target);

    private static async Task SuspectAsync(IMembershipTable table, MembershipEntry suspect, SiloAddress voter, DateTime at)
    {
        var read = await table.ReadRowAsync(suspect.SiloAddress);
        var change = Copy(suspect, suspect.Status);
        change.SuspectTimes = [Tuple.Create(voter, at)];
        Assert.True(await table.UpdateRowAsync(change, read.Members[0].Item2, read.Version.Next()));
    }

    private static MembershipEntry Entry(int port, SiloStatus status, int proxyPort, DateTime? start = null, DateTime? alive = null) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 7),
        SiloName = $"silo-{port}",
        HostName = "storage-test-host",
        Status = status,
        ProxyPort = proxyPort,
        StartTime = start ?? Now.AddMinutes(-1),
        IAmAliveTime = alive ?? Now,
    };

    private static MembershipEntry Copy(MembershipEntry entry, SiloStatus status) => new()
    {
        SiloAddress = entry.SiloAddress,
        SiloName = entry.SiloName,
        HostName = entry.HostName,
        Status = status,
        ProxyPort = entry.ProxyPort,
        StartTime = entry.StartTime,
        IAmAliveTime = entry.IAmAliveTime,
        SuspectTimes = entry.SuspectTimes,
    };

    private static void AssertSame(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ProxyPort, actual.ProxyPort);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Equal(DateTimeKind.Utc, actual.IAmAliveTime.Kind);
        Assert.Equal(expected.SuspectTimes ?? [], actual.SuspectTimes ?? []);
    }

    private static DateTime Millis(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    /// <summary>A membership table of a cluster of its own, from a real (unstarted) silo host.</summary>
    private sealed class TestCluster : IDisposable
    {
        private readonly IHost _host;

        public TestCluster(DatabaseTarget db)
        {
            Id = "membership-" + Guid.NewGuid().ToString("N")[..12];
            _host = TestSilos.BuildUnstarted(db, Id);
            Table = _host.Services.GetRequiredService<IMembershipTable>();
            Assert.IsType<AdoNetClusteringTable>(Table);
        }

        public string Id { get; }

        public IMembershipTable Table { get; }

        public void Dispose() => _host.Dispose();
    }
}

public sealed class SqliteMembershipTests(SqliteDatabaseFixture database) : MembershipContractTests<SqliteDatabaseFixture>(database);

[PostgresTests]
public sealed class PostgresMembershipTests(PostgresDatabaseFixture database) : MembershipContractTests<PostgresDatabaseFixture>(database);
