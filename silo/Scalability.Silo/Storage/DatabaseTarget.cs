using Microsoft.Data.Sqlite;
using Npgsql;

namespace Scalability.Silo.Storage;

/// <summary>
/// A database that holds grain state and/or cluster membership: a SQLite file (one machine) or a PostgreSQL
/// database (a cluster). Written on the command line as <c>sqlite:&lt;file&gt;</c> or
/// <c>postgres:&lt;connection string&gt;</c>.
/// </summary>
public abstract record DatabaseTarget
{
    public const string SqlitePrefix = "sqlite:";
    public const string PostgresPrefix = "postgres:";

    private protected DatabaseTarget()
    {
    }

    /// <summary>The ADO.NET invariant Orleans' providers load the driver by.</summary>
    public abstract string Invariant { get; }

    /// <summary>The connection string for the driver.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>What this database is, for logs and messages: never a password.</summary>
    public abstract string Describe();

    /// <summary>
    /// This database with the password read from a file (<c>--database-password-file</c>) rather than written in the
    /// connection string or left to <c>PGPASSWORD</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The database takes no password (SQLite).</exception>
    public abstract DatabaseTarget WithPassword(Security.SecretText password, string optionName);

    /// <summary>Reads <c>sqlite:&lt;file&gt;</c> or <c>postgres:&lt;connection string&gt;</c>, as given to <paramref name="optionName"/>.</summary>
    /// <exception cref="ArgumentException">The text is neither form, or its connection string cannot be read.</exception>
    public static DatabaseTarget Parse(string text, string optionName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.StartsWith(SqlitePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var path = value[SqlitePrefix.Length..].Trim();
            if (path.Length == 0)
            {
                throw Invalid(optionName, text, "the SQLite file is missing");
            }

            try
            {
                return new SqliteDatabase(Path.GetFullPath(path));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                throw Invalid(optionName, text, $"'{path}' is not a usable file path ({e.Message})");
            }
        }

        if (value.StartsWith(PostgresPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = value[PostgresPrefix.Length..].Trim();
            if (connectionString.Length == 0)
            {
                throw Invalid(optionName, text, "the connection string is missing");
            }

            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                // The message names the offending keyword; the text itself may hold a password, so it is not echoed.
                throw Invalid(optionName, null, $"the PostgreSQL connection string cannot be read: {e.Message}");
            }

            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw Invalid(optionName, null, "the PostgreSQL connection string names no Host");
            }

            return new PostgresDatabase(connectionString);
        }

        throw Invalid(optionName, text.Contains("password", StringComparison.OrdinalIgnoreCase) ? null : text,
            "it names no database kind");
    }

    // The message names the option itself, so ParamName stays unset (it would append "(Parameter '...')").
    private static ArgumentException Invalid(string optionName, string? shown, string reason)
    {
        var given = shown is null ? "" : $" '{shown}'";
        return new ArgumentException(
            $"{optionName}{given}: {reason}. Expected sqlite:<file> (for example sqlite:state/scale.db) or " +
            "postgres:<connection string> (for example postgres:Host=127.0.0.1;Port=5432;Username=scale;Password=...;Database=scale).");
    }
}

/// <summary>A SQLite database file: grain state on one machine, and membership for silos on that machine.</summary>
public sealed record SqliteDatabase(string Path) : DatabaseTarget
{
    /// <summary>
    /// The invariant Orleans maps to Microsoft.Data.Sqlite. "Microsoft.Data.Sqlite" itself is not one of Orleans'
    /// invariants: a silo given it fails at start-up.
    /// </summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    public override string Invariant => SqliteInvariant;

    /// <summary>The connection string for the file; reading it creates the file's folder, which SQLite will not.</summary>
    public override string ConnectionString
    {
        get
        {
            var fullPath = System.IO.Path.GetFullPath(Path);
            if (System.IO.Path.GetDirectoryName(fullPath) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            return new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                // Seconds a command waits for another connection's write lock (several silos may share the file).
                DefaultTimeout = 30,
            }.ToString();
        }
    }

    public override string Describe() => $"SQLite database {System.IO.Path.GetFullPath(Path)}";

    public override DatabaseTarget WithPassword(Security.SecretText password, string optionName) =>
        throw new ArgumentException($"{optionName} is for PostgreSQL; {Describe()} takes no password");
}

/// <summary>A PostgreSQL (15 or later) database: grain state and membership for a cluster.</summary>
public sealed record PostgresDatabase(string ConnectionString) : DatabaseTarget
{
    public const string PostgresInvariant = "Npgsql";

    public override string Invariant => PostgresInvariant;

    public override string ConnectionString { get; } = ConnectionString;

    /// <summary>Host, port, database and user; the password and every other setting are left out.</summary>
    public override string Describe()
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException)
        {
            // Made directly rather than through Parse: still nothing from the text, which may hold a password.
            return "PostgreSQL database (unreadable connection string)";
        }

        var user = string.IsNullOrEmpty(builder.Username) ? "" : $" as {builder.Username}";
        var database = string.IsNullOrEmpty(builder.Database) ? "the default database" : $"database {builder.Database}";
        return $"PostgreSQL {database} on {builder.Host}:{builder.Port}{user}";
    }

    public override DatabaseTarget WithPassword(Security.SecretText password, string optionName) =>
        new PostgresDatabase(new NpgsqlConnectionStringBuilder(ConnectionString) { Password = password.Value }.ConnectionString);

    // The record's generated ToString would print the connection string, password included.
    public override string ToString() => Describe();
}
