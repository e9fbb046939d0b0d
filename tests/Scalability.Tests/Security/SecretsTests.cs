using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;
using Scalability.LlmSimulation;
using Scalability.Silo;
using Scalability.Tests.Support;

namespace Scalability.Tests.Security;

/// <summary>
/// Secrets given to a run, each a distinctive string: the LLM API key (an environment variable on the silos), the
/// database password (a file) and the HTTP token (a file). After a job with verbose logging, none appears in any log,
/// report, status, API response, summary, output or stored row.
/// </summary>
public sealed class SecretsTests : IDisposable
{
    private const string ApiKey = "sk-llm-secret-0c5e93b1d7a2";
    private const string DatabasePassword = "db-secret-pw-8f41a26ce903";
    private const string HttpToken = "http-secret-token-5b7d10e4f2c8";
    private static readonly string[] Secrets = [ApiKey, DatabasePassword, HttpToken];
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [PostgresFact]
    public async Task No_secret_of_a_cluster_job_reaches_a_log_report_api_response_summary_or_stored_row()
    {
        var server = await PostgresServer.SharedAsync();
        var cluster = "postgres:" + await server.CreateDatabaseAsync("secrets");
        var passwordFile = WriteSecret("db-password", DatabasePassword);
        var tokenFile = WriteSecret("http-token", HttpToken);
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { Latency = LatencyDistribution.Fixed(5), ApiKey = ApiKey });
        var data = Directory.CreateDirectory(_temp.File("data")).FullName;
        var input = WriteTickets(Path.Combine(data, "tickets.csv"));
        var output = Path.Combine(data, "results.csv");
        var httpPort = LoopbackPorts.Free();

        await using var silo = ScaleProcess.Start(_temp.Path, new Dictionary<string, string> { ["SCALE_LLM_API_KEY"] = ApiKey },
            "silo", "--clustering", cluster, "--database-password-file", passwordFile, "--silo-port", LoopbackPorts.Free().ToString(),
            "--gateway-port", LoopbackPorts.Free().ToString(), "--http", $"http://127.0.0.1:{httpPort}", "--http-token-file", tokenFile,
            "--data-root", data, "--verbose");
        await silo.WaitForOutputAsync(line => line.Contains(" active in cluster "), Patience);

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--cluster", cluster, "--database-password-file", passwordFile,
            "--chunk-size", "10", "--processor", "llm", "--llm-endpoint", simulator.BaseAddress.ToString(), "--llm-model", "gpt-4o-mini",
            "--json", "--verbose");
        Assert.True(run.ExitCode == 0, run.StdErr + silo.StdErr);
        var jobId = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("jobId").GetString()!;
        // The key was sent where it belongs: the endpoint refuses requests without it.
        Assert.Equal(0, simulator.Stats.Unauthorized);

        var status = await ScaleCli.RunAsync(_temp.Path, "status", jobId, "--cluster", cluster, "--json");
        var jsonReport = await ScaleCli.RunAsync(_temp.Path, "report", jobId, "--cluster", cluster, "--format", "json");
        var htmlReport = await ScaleCli.RunAsync(_temp.Path, "report", jobId, "--cluster", cluster, "--format", "html", "--out", _temp.File("report.html"));
        Assert.True(status.ExitCode == 0 && jsonReport.ExitCode == 0 && htmlReport.ExitCode == 0, status.StdErr + jsonReport.StdErr + htmlReport.StdErr);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HttpToken);
        var artefacts = new Dictionary<string, string>
        {
            ["scale run"] = run.StdOut + run.StdErr,
            ["scale status"] = status.StdOut + status.StdErr,
            ["scale report --format json"] = jsonReport.StdOut + jsonReport.StdErr,
            ["scale report --format html"] = htmlReport.StdOut + htmlReport.StdErr,
            ["/api/jobs"] = await http.GetStringAsync("/api/jobs"),
            [$"/api/jobs/{jobId}"] = await http.GetStringAsync($"/api/jobs/{jobId}"),
            [$"/api/jobs/{jobId}/report"] = await http.GetStringAsync($"/api/jobs/{jobId}/report?format=json"),
            ["/jobs"] = await http.GetStringAsync("/jobs"),
            ["/metrics"] = await http.GetStringAsync("/metrics"),
        };
        foreach (var (table, rows) in await DatabaseRowsAsync(cluster[PostgresPrefix.Length..]))
        {
            artefacts[$"table {table}"] = rows;
        }

        artefacts["scale silo --verbose"] = silo.StdOut + silo.StdErr;
        AddFiles(artefacts, passwordFile, tokenFile);

        Assert.Contains(jobId, artefacts["table orleansstorage"]);
        Assert.Contains(output + ".summary.json", artefacts.Keys);
        AssertNoSecrets(artefacts);
    }

    [Fact]
    public async Task No_secret_of_an_embedded_job_reaches_its_verbose_log_reports_status_or_state()
    {
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { Latency = LatencyDistribution.Fixed(5), ApiKey = ApiKey });
        var environment = new Dictionary<string, string> { ["SCALE_LLM_API_KEY"] = ApiKey };
        var input = WriteTickets(_temp.File("tickets.csv"));
        var run = await ScaleCli.RunAsync(_temp.Path, environment, "run", input, "--out", _temp.File("results.csv"), "--chunk-size", "10",
            "--processor", "llm", "--llm-endpoint", simulator.BaseAddress.ToString(), "--llm-model", "gpt-4o-mini", "--json", "--verbose");
        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Equal(0, simulator.Stats.Unauthorized);
        var jobId = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("jobId").GetString()!;

        var status = await ScaleCli.RunAsync(_temp.Path, environment, "status", jobId, "--json");
        var jsonReport = await ScaleCli.RunAsync(_temp.Path, environment, "report", jobId, "--format", "json");
        var htmlReport = await ScaleCli.RunAsync(_temp.Path, environment, "report", jobId, "--format", "html");
        Assert.True(jsonReport.ExitCode == 0 && htmlReport.ExitCode == 0, jsonReport.StdErr + htmlReport.StdErr);

        var artefacts = new Dictionary<string, string>
        {
            ["scale run --verbose"] = run.StdOut + run.StdErr,
            ["scale status"] = status.StdOut + status.StdErr,
            ["scale report --format json"] = jsonReport.StdOut + jsonReport.StdErr,
            ["scale report --format html"] = htmlReport.StdOut + htmlReport.StdErr,
        };
        AddFiles(artefacts);

        Assert.Contains(Path.Combine(_temp.Path, ".scale", "state.db"), artefacts.Keys);
        AssertNoSecrets(artefacts);
    }

    private const string PostgresPrefix = "postgres:";

    private string WriteSecret(string name, string secret)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, secret + "\n");
        return path;
    }

    private static string WriteTickets(string path)
    {
        var lines = new StringBuilder("ticket_id,subject,body\n");
        for (var i = 1; i <= 60; i++)
        {
            lines.Append(i).Append(",Order ").Append(i).Append(",My order number ").Append(i).Append(" never arrived and I want a refund\n");
        }

        File.WriteAllText(path, lines.ToString());
        return path;
    }

    /// <summary>Every file under the scratch folder but the secret files themselves, read as UTF-8 (SQLite and WAL files included).</summary>
    private void AddFiles(Dictionary<string, string> artefacts, params string[] secretFiles)
    {
        foreach (var file in Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories).Where(f => !secretFiles.Contains(f)))
        {
            artefacts[file] = Encoding.UTF8.GetString(File.ReadAllBytes(file));
        }
    }

    /// <summary>Every row of every table in the database, each value as text (binary payloads decoded as UTF-8).</summary>
    private static async Task<Dictionary<string, string>> DatabaseRowsAsync(string connectionString)
    {
        var tables = new Dictionary<string, string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            var text = new StringBuilder();
            await using var select = new NpgsqlCommand($"SELECT * FROM \"{name}\"", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    text.Append(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value.ToString()).Append('\t');
                }

                text.Append('\n');
            }

            tables[name] = text.ToString();
        }

        return tables;
    }

    private static void AssertNoSecrets(Dictionary<string, string> artefacts)
    {
        var leaks = artefacts
            .SelectMany(artefact => Secrets.Where(secret => artefact.Value.Contains(secret, StringComparison.Ordinal)).Select(secret => $"{secret} in {artefact.Key}"))
            .ToArray();
        Assert.True(leaks.Length == 0, string.Join("\n", leaks));
    }
}
