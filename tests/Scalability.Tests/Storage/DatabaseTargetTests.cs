using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Scalability.Silo.Storage;
using Scalability.Tests.Support;

namespace Scalability.Tests.Storage;

/// <summary>How a database is named on the command line, described in logs, and reported when it cannot be reached.</summary>
public sealed class DatabaseTargetTests
{
    private const string Accepted =
        "Expected sqlite:<file> (for example sqlite:state/scale.db) or postgres:<connection string> " +
        "(for example postgres:Host=127.0.0.1;Port=5432;Username=scale;Password=...;Database=scale).";

    [Fact]
    public void A_sqlite_target_is_the_full_path_of_its_file()
    {
        var target = DatabaseTarget.Parse("sqlite:state/scale.db", "--storage");

        var sqlite = Assert.IsType<SqliteDatabase>(target);
        Assert.Equal(Path.GetFullPath("state/scale.db"), sqlite.Path);
        Assert.Equal("System.Data.SQLite", target.Invariant);
        Assert.Equal($"SQLite database {Path.GetFullPath("state/scale.db")}", target.Describe());
    }

    [Fact]
    public void A_sqlite_connection_string_creates_the_files_folder()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "nested", "deeper", "scale.db");
        var target = new SqliteDatabase(file);

        var builder = new SqliteConnectionStringBuilder(target.ConnectionString);

        Assert.Equal(file, builder.DataSource);
        Assert.Equal(SqliteOpenMode.ReadWriteCreate, builder.Mode);
        Assert.True(Directory.Exists(Path.GetDirectoryName(file)));
    }

    [Fact]
    public void A_postgres_target_keeps_its_connection_string_and_describes_itself_without_the_password()
    {
        const string connection = "Host=db.internal;Port=5433;Username=scale;Password=s3cret-pw;Database=jobs";

        var target = DatabaseTarget.Parse($"postgres:{connection}", "--clustering");

        var postgres = Assert.IsType<PostgresDatabase>(target);
        Assert.Equal(connection, postgres.ConnectionString);
        Assert.Equal("Npgsql", target.Invariant);
        Assert.Equal("PostgreSQL database jobs on db.internal:5433 as scale", target.Describe());
        Assert.DoesNotContain("s3cret-pw", target.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_texts_make_equal_targets()
    {
        Assert.Equal(DatabaseTarget.Parse("sqlite:a.db", "--storage"), DatabaseTarget.Parse("sqlite:a.db", "--clustering"));
        Assert.Equal(DatabaseTarget.Parse("postgres:Host=h;Database=d", "--storage"), new PostgresDatabase("Host=h;Database=d"));
        Assert.NotEqual(DatabaseTarget.Parse("sqlite:a.db", "--storage"), DatabaseTarget.Parse("sqlite:b.db", "--storage"));
    }

    [Theory]
    [InlineData("mysql:Server=x", "--storage 'mysql:Server=x': it names no database kind. " + Accepted)]
    [InlineData("state.db", "--storage 'state.db': it names no database kind. " + Accepted)]
    [InlineData("sqlite:", "--storage 'sqlite:': the SQLite file is missing. " + Accepted)]
    [InlineData("postgres:", "--storage 'postgres:': the connection string is missing. " + Accepted)]
    [InlineData("postgres:Port=5432;Database=d", "--storage: the PostgreSQL connection string names no Host. " + Accepted)]
    public void Anything_else_is_refused_naming_the_option_and_the_accepted_forms(string text, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => DatabaseTarget.Parse(text, "--storage"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_unreadable_postgres_connection_string_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<ArgumentException>(() => DatabaseTarget.Parse("postgres:Host=h;Password=hunter2;Colour=blue", "--storage"));

        Assert.StartsWith("--storage: the PostgreSQL connection string cannot be read: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("colour", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(Accepted, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installing_the_schema_on_an_unreachable_server_names_the_server()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        // Nothing listens on the port any more: the connection is refused at once.
        var target = new PostgresDatabase($"Host=127.0.0.1;Port={port};Username=scale;Password=hunter2;Database=scale;Timeout=5");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaInstaller.ApplyAsync(target, CancellationToken.None));

        Assert.StartsWith($"cannot open PostgreSQL database scale on 127.0.0.1:{port} as scale: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installing_the_schema_where_a_sqlite_file_cannot_be_created_names_the_file()
    {
        using var folder = new TempFolder();
        // A file where the database's folder should be.
        var blocker = folder.Write("blocker", "not a folder");
        var target = new SqliteDatabase(Path.Combine(blocker, "scale.db"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaInstaller.ApplyAsync(target, CancellationToken.None));

        Assert.StartsWith($"cannot open SQLite database {Path.Combine(blocker, "scale.db")}: ", error.Message, StringComparison.Ordinal);
    }
}
