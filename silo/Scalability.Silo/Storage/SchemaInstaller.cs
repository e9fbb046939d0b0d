using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Scalability.Silo.Storage;

/// <summary>
/// Creates or updates the tables and the <c>OrleansQuery</c> rows that Orleans' ADO.NET clustering and grain
/// storage need, from the scripts in deploy/sql (embedded in this assembly). Every script is idempotent, so this
/// runs at every silo start and from <c>scale db init</c>; it must run before the silo starts, because Orleans
/// reads its queries once, at start-up.
/// </summary>
public static class SchemaInstaller
{
    /// <summary>The scripts, in the order they are applied: main creates the query table the others fill.</summary>
    public static IReadOnlyList<string> ScriptNames { get; } = ["main", "clustering", "persistence"];

    /// <summary>PostgreSQL 15 brought NULLS NOT DISTINCT, which the grain-state unique index relies on.</summary>
    public const int MinimumPostgresVersion = 15;

    // The key of the PostgreSQL advisory lock that lets one silo at a time apply the scripts: concurrent
    // CREATE ... IF NOT EXISTS statements can still collide. Any constant will do, as long as every silo uses it.
    private const long PostgresSchemaLockKey = 0x5343_414C_4544_4231;

    public static async Task ApplyAsync(DatabaseTarget db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        switch (db)
        {
            case PostgresDatabase postgres:
                await ApplyPostgresAsync(postgres, ct);
                break;
            case SqliteDatabase sqlite:
                await ApplySqliteAsync(sqlite, ct);
                break;
            default:
                throw new NotSupportedException($"no schema scripts for {db.Describe()}");
        }
    }

    /// <summary>The text of one script (<paramref name="name"/> is one of <see cref="ScriptNames"/>) for the database's engine.</summary>
    public static string ReadScript(DatabaseTarget db, string name)
    {
        var resource = $"Scalability.Sql.{Engine(db)}.{name}.sql";
        using var stream = typeof(SchemaInstaller).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the silo assembly has no embedded script {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Engine(DatabaseTarget db) => db switch
    {
        PostgresDatabase => "postgresql",
        SqliteDatabase => "sqlite",
        _ => throw new NotSupportedException($"no schema scripts for {db.Describe()}"),
    };

    private static async Task ApplyPostgresAsync(PostgresDatabase db, CancellationToken ct)
    {
        await using var connection = (NpgsqlConnection)await OpenAsync(() => new NpgsqlConnection(db.ConnectionString), db, ct);
        if (connection.PostgreSqlVersion.Major < MinimumPostgresVersion)
        {
            throw new InvalidOperationException(
                $"{db.Describe()} runs PostgreSQL {connection.PostgreSqlVersion}; the schema needs {MinimumPostgresVersion} or later");
        }

        // One transaction under the lock: a silo that starts meanwhile waits, then finds everything in place; and
        // a failure leaves the database as it was.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", PostgresSchemaLockKey);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        foreach (var name in ScriptNames)
        {
            await RunScriptAsync(connection, transaction, db, name, ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task ApplySqliteAsync(SqliteDatabase db, CancellationToken ct)
    {
        await using var connection = (SqliteConnection)await OpenAsync(() => new SqliteConnection(db.ConnectionString), db, ct);

        // main.sql switches the file to write-ahead logging, which SQLite refuses inside a transaction; its other
        // statements are single idempotent statements, atomic on their own.
        await RunScriptAsync(connection, null, db, ScriptNames[0], ct);

        // The rest in one write transaction (BEGIN IMMEDIATE): another silo applying them meanwhile waits, and the
        // triggers dropped and created again are never missing for a concurrent membership write.
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var name in ScriptNames.Skip(1))
        {
            await RunScriptAsync(connection, transaction, db, name, ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task<DbConnection> OpenAsync(Func<DbConnection> create, DatabaseTarget db, CancellationToken ct)
    {
        DbConnection? connection = null;
        try
        {
            // Making the connection string can fail too: a SQLite file's folder is created then.
            connection = create();
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (Exception e) when (e is DbException or SocketException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            throw new InvalidOperationException($"cannot open {db.Describe()}: {e.Message}", e);
        }
    }

    private static async Task RunScriptAsync(DbConnection connection, DbTransaction? transaction, DatabaseTarget db, string name, CancellationToken ct)
    {
        var script = ReadScript(db, name);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = script;
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (DbException e)
        {
            throw new InvalidOperationException($"applying the {name} schema script to {db.Describe()} failed: {e.Message}", e);
        }
    }
}
