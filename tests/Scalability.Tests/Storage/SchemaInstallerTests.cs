using Scalability.Silo.Storage;
using Scalability.Tests.Support;

namespace Scalability.Tests.Storage;

/// <summary>Every OrleansQuery key the scripts install, in ordinal order.</summary>
internal static class InstalledQueries
{
    public static readonly string[] Keys =
    [
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey",
        "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey",
        "MembershipReadRowKey", "ReadFromStorageKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey", "WriteToStorageKey",
    ];
}

/// <summary>The schema scripts applied to an empty database the way silos apply them: several at once.</summary>
public abstract class SchemaInstallerTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    protected TDatabase Database { get; } = database;

    [DatabaseFact]
    public async Task Silos_starting_together_on_an_empty_database_all_install_the_same_schema()
    {
        var empty = await Database.CreateEmptyAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => SchemaInstaller.ApplyAsync(empty, CancellationToken.None))));

        var keys = (await QueryAsync(empty, "SELECT QueryKey FROM OrleansQuery")).Select(row => (string)row[0]!).Order(StringComparer.Ordinal);
        Assert.Equal(InstalledQueries.Keys, keys);
        foreach (var table in new[] { "OrleansStorage", "OrleansMembershipTable", "OrleansMembershipVersionTable" })
        {
            Assert.Equal(0L, Convert.ToInt64((await QueryAsync(empty, $"SELECT count(*) FROM {table}")).Single()[0], System.Globalization.CultureInfo.InvariantCulture));
        }

        await AssertEngineSettingsAsync(empty);
    }

    /// <summary>What each engine needs beyond the tables: the journal mode, the kind of unique index.</summary>
    protected abstract Task AssertEngineSettingsAsync(DatabaseTarget db);

    protected static Task<List<object?[]>> QueryAsync(DatabaseTarget db, string sql) => DatabaseFixture.QueryAsync(db, sql);
}

public sealed class SqliteSchemaInstallerTests(SqliteDatabaseFixture database) : SchemaInstallerTests<SqliteDatabaseFixture>(database)
{
    protected override async Task AssertEngineSettingsAsync(DatabaseTarget db)
    {
        Assert.Equal("wal", (await QueryAsync(db, "PRAGMA journal_mode")).Single()[0]);
        Assert.Equal(
            ["OrleansMembershipTable_Changed", "OrleansMembershipTable_Joined"],
            (await QueryAsync(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")).Select(row => (string)row[0]!));
    }
}

[PostgresTests]
public sealed class PostgresSchemaInstallerTests(PostgresDatabaseFixture database) : SchemaInstallerTests<PostgresDatabaseFixture>(database)
{
    protected override async Task AssertEngineSettingsAsync(DatabaseTarget db)
    {
        var definition = (string)(await QueryAsync(db, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ux_orleansstorage_identity'")).Single()[0]!;
        Assert.Equal(
            "CREATE UNIQUE INDEX ux_orleansstorage_identity ON public.orleansstorage USING btree (grainidhash, graintypehash, grainidn0, grainidn1, " +
            "graintypestring, grainidextensionstring, serviceid) NULLS NOT DISTINCT",
            definition);
    }
}
