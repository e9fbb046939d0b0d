using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Scalability.Silo.Storage;
using Scalability.Tests.Support;

namespace Scalability.Tests.Storage;

/// <summary>
/// A fresh database with the product's schema applied, one per test class (a class fixture), and plain SQL on it
/// for assertions about what is really stored.
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private DatabaseTarget? _target;

    public DatabaseTarget Target => _target ?? throw new InvalidOperationException($"no {Engine} database: {PostgresServer.UnavailableReason}");

    public abstract string Engine { get; }

    /// <summary>The database, or null when this engine is not available here (its tests are then skipped).</summary>
    protected abstract Task<DatabaseTarget?> CreateAsync();

    /// <summary>Another database of this engine, empty: no schema applied.</summary>
    public abstract Task<DatabaseTarget> CreateEmptyAsync();

    /// <summary>Asserts that <paramref name="error"/> is this engine's violation of the grain-state identity index.</summary>
    public abstract void AssertIdentityViolation(DbException error);

    public async Task InitializeAsync()
    {
        _target = await CreateAsync();
        if (_target is not null)
        {
            await SchemaInstaller.ApplyAsync(_target, CancellationToken.None);
        }
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    public Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) => ExecuteAsync(Target, sql, parameters);

    /// <summary>The rows of a query, each as its column values (DBNull as null).</summary>
    public Task<List<object?[]>> QueryAsync(string sql, params (string Name, object? Value)[] parameters) => QueryAsync(Target, sql, parameters);

    public async Task<long> CountAsync(string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt64((await QueryAsync(sql, parameters)).Single()[0], System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<DbConnection> OpenAsync(DatabaseTarget db)
    {
        DbConnection connection = db switch
        {
            PostgresDatabase postgres => new NpgsqlConnection(postgres.ConnectionString),
            SqliteDatabase sqlite => new SqliteConnection(sqlite.ConnectionString),
            _ => throw new NotSupportedException(db.Describe()),
        };
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<int> ExecuteAsync(DatabaseTarget db, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(db);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<object?[]>> QueryAsync(DatabaseTarget db, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(db);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}

/// <summary>A SQLite file in a scratch folder.</summary>
public sealed class SqliteDatabaseFixture : DatabaseFixture
{
    private readonly TempFolder _folder = new();

    public override string Engine => "SQLite";

    protected override Task<DatabaseTarget?> CreateAsync() =>
        Task.FromResult<DatabaseTarget?>(new SqliteDatabase(_folder.File("scale.db")));

    public override Task<DatabaseTarget> CreateEmptyAsync() =>
        Task.FromResult<DatabaseTarget>(new SqliteDatabase(_folder.File($"empty-{Guid.NewGuid():N}.db")));

    public override void AssertIdentityViolation(DbException error)
    {
        var sqlite = Assert.IsType<SqliteException>(error);
        Assert.Equal(19, sqlite.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(2067, sqlite.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_UNIQUE
        Assert.Contains("UNIQUE constraint failed: index 'UX_OrleansStorage_Identity'", sqlite.Message, StringComparison.Ordinal);
    }

    public override Task DisposeAsync()
    {
        // Pooled connections keep the file (and its -wal, -shm companions) open.
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A new database on the tests' PostgreSQL server.</summary>
public sealed class PostgresDatabaseFixture : DatabaseFixture
{
    public override string Engine => "PostgreSQL";

    protected override async Task<DatabaseTarget?> CreateAsync()
    {
        if (PostgresServer.UnavailableReason is not null)
        {
            return null;
        }

        return await CreateEmptyAsync();
    }

    public override async Task<DatabaseTarget> CreateEmptyAsync()
    {
        var server = await PostgresServer.SharedAsync();
        return new PostgresDatabase(await server.CreateDatabaseAsync("storage"));
    }

    public override void AssertIdentityViolation(DbException error)
    {
        var postgres = Assert.IsType<PostgresException>(error);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, postgres.SqlState);
        Assert.Equal("ux_orleansstorage_identity", postgres.ConstraintName);
    }
}
