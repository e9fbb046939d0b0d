using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Scalability.Silo;

namespace Scalability.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests. With <c>SCALE_TEST_POSTGRES</c> set (a connection string to a server
/// where the tests may create databases) it is that server. Otherwise it is a throwaway server: initdb'd into a
/// scratch folder, started on a free loopback port, stopped and deleted when the test process ends. Each test class
/// takes a database of its own from <see cref="CreateDatabaseAsync"/>, so tests never see each other's rows.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "SCALE_TEST_POSTGRES";

    /// <summary>The oldest server the product's schema runs on (NULLS NOT DISTINCT).</summary>
    public const int MinimumMajorVersion = 15;

    private const string ServiceUser = "postgres";
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartSharedAsync);
    private static readonly Lazy<(Binaries? Binaries, string? Problem)> Discovery = new(Discover);

    private readonly Binaries? _binaries;
    private readonly string? _folder;
    private readonly List<string> _databases = [];
    private int _disposed;

    private PostgresServer(string adminConnectionString, Binaries? binaries, string? folder)
    {
        AdminConnectionString = adminConnectionString;
        _binaries = binaries;
        _folder = folder;
    }

    /// <summary>A connection string to the server's maintenance database, as a superuser (or the given user).</summary>
    public string AdminConnectionString { get; }

    /// <summary>
    /// Why the tests cannot have a PostgreSQL server, or null when they can. Tests that need one use
    /// <see cref="PostgresFactAttribute"/>, which reports them as skipped with this reason.
    /// </summary>
    public static string? UnavailableReason =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } ? null : Discovery.Value.Problem;

    /// <summary>The server every test of this process shares, started (or connected to) on first use.</summary>
    public static Task<PostgresServer> SharedAsync() => SharedServer.Value;

    /// <summary>Creates an empty database named <paramref name="prefix"/> plus a unique suffix and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        // At most 28 + 1 + 32 characters: within PostgreSQL's 63.
        var name = $"{Sanitize(prefix)}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Starts a throwaway server of its own (not the shared one), e.g. for a test that stops it.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var (binaries, problem) = Discovery.Value;
        if (binaries is null)
        {
            throw new InvalidOperationException(problem);
        }

        var folder = Path.Combine(Path.GetTempPath(), "scale-tests", $"postgres-{Guid.NewGuid():N}"[..21]);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var data = Path.Combine(folder, "data");
        try
        {
            if (binaries.RunAs is not null)
            {
                await RunAsync("chown", ["-R", $"{ServiceUser}:", folder], runAs: null);
            }

            await RunAsync(binaries.InitDb, ["-D", data, "-U", ServiceUser, "--auth=trust", "-E", "UTF8", "--no-sync"], binaries.RunAs);
            var port = LoopbackPorts.Free();
            // Durability is pointless for a server that is deleted after the run; speed is not.
            var serverOptions = string.Join(' ',
                $"-p {port}", "-c listen_addresses=127.0.0.1", $"-k {folder}", "-c max_connections=300",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off");
            await RunAsync(binaries.PgCtl, ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"], binaries.RunAs);
            var admin = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = ServiceUser,
                Database = "postgres",
                // Silos and tests open many connections; a timeout beats an exhausted server hanging a test.
                MaxPoolSize = 50,
            }.ConnectionString;
            return new PostgresServer(admin, binaries, folder);
        }
        catch
        {
            await StopAndDeleteAsync(binaries, folder, data);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (_binaries is not null && _folder is not null)
        {
            await StopAndDeleteAsync(_binaries, _folder, Path.Combine(_folder, "data"));
            return;
        }

        // A server we were given: drop what we created, leave the rest.
        string[] databases;
        lock (_databases)
        {
            databases = [.. _databases];
        }

        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            foreach (var name in databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException)
        {
            // The server went away first; nothing left to clean.
        }
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        // xunit 2 has no assembly-wide fixture: the shared server lives as long as the test process.
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } given)
        {
            var external = new PostgresServer(given, binaries: null, folder: null);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => external.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return external;
        }

        CleanUpOrphans();
        var server = await StartAsync();
        // The test host may be ended abruptly once the run is over (or killed): a watchdog outside it stops and
        // deletes the server when it is gone, so no server outlives the tests.
        StartWatchdog(server._folder!);
        return server;
    }

    private static void StartWatchdog(string folder)
    {
        var script = $$"""
            exec </dev/null >/dev/null 2>&1
            while kill -0 {{Environment.ProcessId}}; do sleep 1; done
            pid=$(head -n 1 '{{folder}}/data/postmaster.pid')
            if [ -n "$pid" ]; then
              kill -QUIT "$pid"
              while kill -0 "$pid"; do sleep 0.2; done
            fi
            rm -rf '{{folder}}'
            """;
        var setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);
        var start = new ProcessStartInfo
        {
            FileName = setsid ?? "/bin/sh",
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        if (setsid is not null)
        {
            // Its own session: a Ctrl+C that stops the test run does not stop the clean-up.
            start.ArgumentList.Add("/bin/sh");
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var watchdog = Process.Start(start);
    }

    private static async Task StopAndDeleteAsync(Binaries binaries, string folder, string data)
    {
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                await RunAsync(binaries.PgCtl, ["-D", data, "-m", "immediate", "-w", "stop"], binaries.RunAs);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        // The server's last processes may still be removing their files for a moment after pg_ctl returns.
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < 20)
            {
                await Task.Delay(100);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for CleanUpOrphans of a later run.
                return;
            }
        }
    }

    /// <summary>Stops and deletes servers left by test processes that were killed before they could do it.</summary>
    private static void CleanUpOrphans()
    {
        var root = Path.Combine(Path.GetTempPath(), "scale-tests");
        if (!Directory.Exists(root) || Discovery.Value.Binaries is not { } binaries)
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(root, "postgres-*"))
        {
            var ownerFile = Path.Combine(folder, "owner.pid");
            if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile), out var owner) || IsRunning(owner))
            {
                continue;
            }

            StopAndDeleteAsync(binaries, folder, Path.Combine(folder, "data")).GetAwaiter().GetResult();
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed record Binaries(string InitDb, string PgCtl, string? RunAs);

    private static (Binaries?, string?) Discover()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                    .OrderByDescending(v => int.TryParse(Path.GetFileName(v), out var major) ? major : 0)
                    .Select(v => Path.Combine(v, "bin"))
                : []);
        string? tooOld = null;
        foreach (var folder in folders)
        {
            var initdb = Path.Combine(folder, "initdb");
            var pgctl = Path.Combine(folder, "pg_ctl");
            if (!File.Exists(initdb) || !File.Exists(pgctl) || !File.Exists(Path.Combine(folder, "postgres")))
            {
                continue;
            }

            var major = MajorVersion(initdb);
            if (major < MinimumMajorVersion)
            {
                tooOld ??= $"{initdb} is PostgreSQL {major}";
                continue;
            }

            // PostgreSQL refuses to run as root: run it as the postgres user, as a package install creates it.
            string? runAs = null;
            if (Environment.UserName == "root")
            {
                if (!UserExists(ServiceUser))
                {
                    return (null, $"PostgreSQL tests skipped: running as root, and there is no '{ServiceUser}' user to run the server as " +
                        $"(apt-get install postgresql creates it), nor {ConnectionStringVariable} naming a server.");
                }

                runAs = FindRunAs() ?? "";
                if (runAs.Length == 0)
                {
                    return (null, "PostgreSQL tests skipped: running as root and neither runuser nor setpriv was found to start the server " +
                        $"as '{ServiceUser}'; set {ConnectionStringVariable} to a server's connection string instead.");
                }
            }

            return (new Binaries(initdb, pgctl, runAs), null);
        }

        var found = tooOld is null ? "" : $" ({tooOld}; {MinimumMajorVersion} or later is needed)";
        return (null,
            $"PostgreSQL tests skipped: PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found on PATH or in " +
            $"/usr/lib/postgresql/*/bin{found}. Install PostgreSQL {MinimumMajorVersion}+ (apt-get install postgresql), or set " +
            $"{ConnectionStringVariable} to the connection string of a server where the tests may create databases.");
    }

    private static int MajorVersion(string initdb)
    {
        try
        {
            var output = RunAsync(initdb, ["--version"], runAs: null).GetAwaiter().GetResult();
            var match = VersionPattern().Match(output);
            return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    private static bool UserExists(string user) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));

    private static string? FindRunAs() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);

    /// <summary>Runs a program to completion (as <paramref name="runAs"/>'s user when given) and returns its output.</summary>
    private static async Task<string> RunAsync(string program, IReadOnlyList<string> args, string? runAs)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server's own folder; the postgres user may not be able to enter the caller's.
            WorkingDirectory = Path.GetTempPath(),
        };
        if (runAs is null)
        {
            start.FileName = program;
        }
        else if (runAs.EndsWith("runuser", StringComparison.Ordinal))
        {
            start.FileName = runAs;
            foreach (var arg in (string[])["-u", ServiceUser, "--"])
            {
                start.ArgumentList.Add(arg);
            }

            start.ArgumentList.Add(program);
        }
        else
        {
            start.FileName = runAs;
            foreach (var arg in (string[])[$"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", "--"])
            {
                start.ArgumentList.Add(arg);
            }

            start.ArgumentList.Add(program);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} did not finish within 2 minutes");
        }

        // pg_ctl start leaves the server holding the output pipes; its exit code is what counts.
        var output = await stdout.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "", TaskScheduler.Default);
        if (process.ExitCode != 0)
        {
            var error = await stderr.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "", TaskScheduler.Default);
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {error}{output}");
        }

        return output;
    }

    private static string Sanitize(string prefix)
    {
        var cleaned = new string(prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return cleaned.Length switch
        {
            0 => "test",
            > 28 => cleaned[..28],
            _ => cleaned,
        };
    }

    [GeneratedRegex(@"\(PostgreSQL\)\s+(\d+)")]
    private static partial Regex VersionPattern();
}
