using System.Data.Common;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;
using Scalability.Silo.Storage;
using Scalability.Tests.Support;

namespace Scalability.Tests.Storage;

/// <summary>
/// Orleans' ADO.NET grain storage over the product's SQL, as a silo gets it from
/// <see cref="StorageHostingExtensions.AddScalabilityGrainStorage"/>: the same checks on every engine.
/// </summary>
public abstract class GrainStorageContractTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : DatabaseFixture
{
    private const string StorageName = "contract";
    private const string CollidingStorageName = "colliding";
    private const string DeletingStorageName = "deleting";
    private const string StateName = "counter";
    private const int CollidingHash = 42;

    private IHost? _silo;

    protected TDatabase Database { get; } = database;

    private IGrainStorage Storage => Provider(StorageName);

    public async Task InitializeAsync()
    {
        _silo = await TestSilos.StartLocalAsync(silo =>
        {
            silo.AddScalabilityGrainStorage(StorageName, Database.Target);

            // The same database through a hasher that gives every grain and type the same hash: only the natural
            // key can tell grains apart there.
            silo.AddScalabilityGrainStorage(CollidingStorageName, Database.Target);
            silo.Services.PostConfigure<AdoNetGrainStorageOptions>(CollidingStorageName,
                options => options.HashPicker = new StorageHasherPicker([new ConstantHasher(CollidingHash)]));

            // Clear deletes the row (DeleteStorageKey) instead of emptying it (ClearStorageKey).
            silo.AddScalabilityGrainStorage(DeletingStorageName, Database.Target);
            silo.Services.PostConfigure<AdoNetGrainStorageOptions>(DeletingStorageName, options => options.DeleteStateOnClear = true);
        });
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await TestSilos.StopAsync(_silo);
        }
    }

    [DatabaseFact]
    public async Task Applying_the_schema_again_keeps_the_data_and_restores_every_query()
    {
        var grain = StringGrain("schema-again");
        var state = NewState();
        state.State = new CounterState { Count = 5, Label = "kept" };
        await Storage.WriteStateAsync(StateName, grain, state);
        var originalWrite = await QueryTextAsync("WriteToStorageKey");
        await Database.ExecuteAsync("UPDATE OrleansQuery SET QueryText = 'stale' WHERE QueryKey = 'WriteToStorageKey'");
        await Database.ExecuteAsync("DELETE FROM OrleansQuery WHERE QueryKey = 'GatewaysQueryKey'");

        await SchemaInstaller.ApplyAsync(Database.Target, CancellationToken.None);
        await SchemaInstaller.ApplyAsync(Database.Target, CancellationToken.None);

        var keys = (await Database.QueryAsync("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey")).Select(row => (string)row[0]!).ToArray();
        Assert.Equal(InstalledQueries.Keys, keys);
        Assert.Equal(originalWrite, await QueryTextAsync("WriteToStorageKey"));
        Assert.Contains("@GrainStateVersion", originalWrite, StringComparison.Ordinal);
        Assert.Equal(1, await Database.CountAsync("SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = 'schema-again'"));
        var read = NewState();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("1", read.ETag);
        Assert.Equal(new CounterState { Count = 5, Label = "kept" }, read.State);
    }

    [DatabaseFact]
    public async Task Writes_number_the_etag_from_1_and_read_back_what_was_written()
    {
        var grain = StringGrain("etags");
        var state = NewState();
        await Storage.ReadStateAsync(StateName, grain, state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(new CounterState(), state.State);

        state.State = new CounterState { Count = 1, Label = "first" };
        await Storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal("1", state.ETag);
        Assert.True(state.RecordExists);

        state.State = new CounterState { Count = 2, Label = "second, ünïcode" };
        await Storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal("2", state.ETag);

        var read = NewState();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("2", read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(new CounterState { Count = 2, Label = "second, ünïcode" }, read.State);

        // What is stored: System.Text.Json without .NET type names, under the state name, with the key as extension.
        var row = Assert.Single(await Database.QueryAsync(
            "SELECT GrainTypeString, GrainIdN0, GrainIdN1, Version, PayloadBinary FROM OrleansStorage WHERE GrainIdExtensionString = 'etags'"));
        Assert.Equal(StateName, row[0]);
        Assert.Equal(0L, Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(row[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, Convert.ToInt32(row[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("{\"Count\":2,\"Label\":\"second, \\u00FCn\\u00EFcode\"}", Encoding.UTF8.GetString((byte[])row[4]!));
    }

    [DatabaseFact]
    public async Task A_write_with_a_stale_etag_is_a_conflict_and_changes_nothing()
    {
        var grain = StringGrain("stale");
        var current = NewState();
        current.State = new CounterState { Count = 1 };
        await Storage.WriteStateAsync(StateName, grain, current);
        var stale = NewState();
        await Storage.ReadStateAsync(StateName, grain, stale);
        current.State = new CounterState { Count = 2 };
        await Storage.WriteStateAsync(StateName, grain, current);
        Assert.Equal("1", stale.ETag);
        Assert.Equal("2", current.ETag);

        stale.State = new CounterState { Count = 99 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, stale));

        // A first write (no etag) of a grain that has a row is a conflict too.
        var fresh = NewState();
        fresh.State = new CounterState { Count = 98 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, fresh));

        var read = NewState();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("2", read.ETag);
        Assert.Equal(new CounterState { Count = 2 }, read.State);
        Assert.Equal(1, await Database.CountAsync("SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = 'stale'"));
    }

    [DatabaseFact]
    public async Task Concurrent_first_writes_of_one_grain_leave_one_winner_and_one_row()
    {
        var grain = StringGrain("race");
        var writers = Enumerable.Range(1, 8).Select(i =>
        {
            var state = NewState();
            state.State = new CounterState { Count = i };
            return (State: state, Task: Task.Run(() => Storage.WriteStateAsync(StateName, grain, state)));
        }).ToArray();
        await Task.WhenAll(writers.Select(w => w.Task.ContinueWith(_ => { }, TaskScheduler.Default)));

        var winners = writers.Where(w => w.Task.IsCompletedSuccessfully).ToArray();
        var winner = Assert.Single(winners);
        Assert.Equal("1", winner.State.ETag);
        Assert.All(writers.Where(w => !w.Task.IsCompletedSuccessfully),
            w => Assert.IsType<InconsistentStateException>(w.Task.Exception!.InnerException));
        var read = NewState();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("1", read.ETag);
        Assert.Equal(winner.State.State, read.State);
        Assert.Equal(1, await Database.CountAsync("SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = 'race'"));
    }

    [DatabaseFact]
    public async Task Clear_keeps_the_version_and_a_write_after_it_goes_on()
    {
        var grain = StringGrain("clear");
        var state = NewState();
        state.State = new CounterState { Count = 7, Label = "before" };
        await Storage.WriteStateAsync(StateName, grain, state);

        await Storage.ClearStateAsync(StateName, grain, state);
        Assert.Equal("2", state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(new CounterState(), state.State);

        var read = NewState();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("2", read.ETag);
        Assert.False(read.RecordExists);
        Assert.Equal(new CounterState(), read.State);
        var row = Assert.Single(await Database.QueryAsync("SELECT Version, PayloadBinary FROM OrleansStorage WHERE GrainIdExtensionString = 'clear'"));
        Assert.Equal(2, Convert.ToInt32(row[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(row[1]);

        // Clearing again with the etag from before the clear is a conflict.
        var stale = NewState();
        stale.ETag = "1";
        stale.RecordExists = true;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, stale));

        read.State = new CounterState { Count = 8, Label = "after" };
        await Storage.WriteStateAsync(StateName, grain, read);
        Assert.Equal("3", read.ETag);
        Assert.True(read.RecordExists);
        var again = NewState();
        await Storage.ReadStateAsync(StateName, grain, again);
        Assert.Equal("3", again.ETag);
        Assert.Equal(new CounterState { Count = 8, Label = "after" }, again.State);
    }

    [DatabaseFact]
    public async Task Clear_with_DeleteStateOnClear_removes_the_row_and_a_new_write_starts_again_at_1()
    {
        var storage = Provider(DeletingStorageName);
        var grain = StringGrain("delete");
        var state = NewState();
        state.State = new CounterState { Count = 3 };
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal("2", state.ETag);

        await storage.ClearStateAsync(StateName, grain, state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0, await Database.CountAsync("SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = 'delete'"));

        state.State = new CounterState { Count = 4 };
        await storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal("1", state.ETag);
        var read = NewState();
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("1", read.ETag);
        Assert.Equal(new CounterState { Count = 4 }, read.State);
    }

    [DatabaseFact]
    public async Task Grains_with_the_same_hashes_but_different_keys_do_not_collide()
    {
        var storage = Provider(CollidingStorageName);
        var guid = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        GrainId[] grains =
        [
            StringGrain("collide-a"),
            StringGrain("collide-b"),
            GrainId.Create(TestType, GrainIdKeyExtensions.CreateIntegerKey(7)),
            GrainId.Create(TestType, GrainIdKeyExtensions.CreateIntegerKey(7, "x")),
            GrainId.Create(TestType, GrainIdKeyExtensions.CreateIntegerKey(8)),
            GrainId.Create(TestType, GrainIdKeyExtensions.CreateGuidKey(guid)),
            GrainId.Create(TestType, GrainIdKeyExtensions.CreateGuidKey(guid, "x")),
        ];
        for (var i = 0; i < grains.Length; i++)
        {
            var state = NewState();
            state.State = new CounterState { Count = 100 + i, Label = grains[i].ToString() };
            await storage.WriteStateAsync("colliding", grains[i], state);
            Assert.Equal("1", state.ETag);
        }

        for (var i = 0; i < grains.Length; i++)
        {
            var read = NewState();
            await storage.ReadStateAsync("colliding", grains[i], read);
            Assert.Equal("1", read.ETag);
            Assert.Equal(new CounterState { Count = 100 + i, Label = grains[i].ToString() }, read.State);
        }

        // Every row has the same two hashes: the natural key alone kept them apart.
        var rows = await Database.QueryAsync(
            "SELECT GrainIdHash, GrainTypeHash, GrainIdN1, GrainIdExtensionString FROM OrleansStorage WHERE GrainTypeString = 'colliding'");
        Assert.Equal(grains.Length, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(CollidingHash, Convert.ToInt32(row[0], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(CollidingHash, Convert.ToInt32(row[1], System.Globalization.CultureInfo.InvariantCulture));
        });
        Assert.Equal(3, rows.Count(row => row[3] is null));
    }

    [DatabaseFact]
    public async Task The_identity_index_rejects_a_second_row_for_a_grain()
    {
        // An integer key without extension (NULL extension string) and a string key (the key is the extension).
        GrainId[] grains = [GrainId.Create(TestType, GrainIdKeyExtensions.CreateIntegerKey(9)), StringGrain("duplicate")];
        foreach (var grain in grains)
        {
            var state = NewState();
            state.State = new CounterState { Count = 9 };
            await Storage.WriteStateAsync("duplicated", grain, state);
        }

        var copy = """
            INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                                        GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
            SELECT GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                   GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version + 10
            FROM OrleansStorage
            WHERE GrainTypeString = 'duplicated' AND {0}
            """;
        foreach (var which in new[] { "GrainIdExtensionString IS NULL", "GrainIdExtensionString = 'duplicate'" })
        {
            var error = await Assert.ThrowsAnyAsync<DbException>(() => Database.ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, copy, which)));
            Database.AssertIdentityViolation(error);
        }

        Assert.Equal(2, await Database.CountAsync("SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'duplicated'"));
        foreach (var grain in grains)
        {
            var read = NewState();
            await Storage.ReadStateAsync("duplicated", grain, read);
            Assert.Equal("1", read.ETag);
            Assert.Equal(new CounterState { Count = 9 }, read.State);
        }
    }

    private IGrainStorage Provider(string name) =>
        (_silo ?? throw new InvalidOperationException("no silo")).Services.GetRequiredKeyedService<IGrainStorage>(name);

    private static readonly GrainType TestType = GrainType.Create("test");

    private static GrainId StringGrain(string key) => GrainId.Create(TestType, IdSpan.Create(key));

    private static GrainState<CounterState> NewState() => new(new CounterState());

    private async Task<string> QueryTextAsync(string key) =>
        (string)(await Database.QueryAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", ("key", key))).Single()[0]!;

    public sealed record CounterState
    {
        public int Count { get; set; }

        public string Label { get; set; } = "";
    }

    private sealed class ConstantHasher(int hash) : IHasher
    {
        public string Description => $"every input hashes to {hash}";

        public int Hash(byte[] data) => hash;
    }
}

public sealed class SqliteGrainStorageTests(SqliteDatabaseFixture database) : GrainStorageContractTests<SqliteDatabaseFixture>(database);

[PostgresTests]
public sealed class PostgresGrainStorageTests(PostgresDatabaseFixture database) : GrainStorageContractTests<PostgresDatabaseFixture>(database);
