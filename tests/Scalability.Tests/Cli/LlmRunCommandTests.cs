using System.Globalization;
using System.Text;
using System.Text.Json;
using Scalability.LlmSimulation;
using Scalability.Tests.Support;
using Xunit.Abstractions;

namespace Scalability.Tests.Cli;

/// <summary>
/// <c>scale run --processor llm</c> as a user runs it, against the simulated endpoint: a run killed mid-job and run
/// again sends no request for a row of a chunk committed before the kill, and the API key stays out of what it writes.
/// </summary>
public sealed class LlmRunCommandTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 600;
    private const int ChunkSize = 20;
    private const string ApiKey = "sk-test-5f1c0a7e-never-to-be-written";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_resumed_llm_run_sends_no_request_for_rows_of_chunks_committed_before_the_kill()
    {
        var input = WriteTickets(_temp.File("tickets.csv"));
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions
        {
            Latency = LatencyDistribution.Fixed(15),
            RecordUserMessages = true,
            ApiKey = ApiKey,
        });
        var results = _temp.File("results.csv");
        string[] args =
        [
            "run", input, "--out", results, "--chunk-size", ChunkSize.ToString(CultureInfo.InvariantCulture), "--max-workers", "2",
            "--processor", "llm", "--llm-endpoint", simulator.BaseAddress.ToString(), "--llm-model", "gpt-4o-mini", "--json",
        ];
        var environment = new Dictionary<string, string> { ["SCALE_LLM_API_KEY"] = ApiKey };
        var stateFile = Path.Combine(_temp.Path, ".scale", "state.db");

        string jobId;
        IReadOnlySet<int> committedBeforeKill;
        string firstStdErr;
        await using (var first = ScaleProcess.Start(_temp.Path, environment, args))
        {
            var started = await first.WaitForErrorAsync(line => line.StartsWith("job ", StringComparison.Ordinal) && line.Contains(" started"), Patience);
            jobId = started.Split(' ')[1];
            Assert.True(await Eventually.TrueAsync(async () => (await StoredJobState.CommittedChunksAsync(stateFile, jobId)).Count >= 5, Patience),
                first.StdErr);
            await first.KillAsync();
            committedBeforeKill = await StoredJobState.CommittedChunksAsync(stateFile, jobId);
            firstStdErr = first.StdErr;
        }

        var askedBeforeResume = simulator.UserMessages.Count;
        var second = await ScaleCli.RunAsync(_temp.Path, environment, args);

        Assert.True(second.ExitCode == 0, second.StdErr);
        var summary = JsonDocument.Parse(second.StdOut).RootElement;
        Assert.Equal(("completed", (long)Rows), (summary.GetProperty("status").GetString(), summary.GetProperty("ok").GetInt64()));
        var askedAfterResume = simulator.UserMessages.Skip(askedBeforeResume).Select(RowOf).ToList();
        Assert.DoesNotContain(askedAfterResume, row => committedBeforeKill.Contains((row - 1) / ChunkSize));
        // Every row not committed before the kill was asked about after it.
        var notCommitted = Enumerable.Range(1, Rows).Where(row => !committedBeforeKill.Contains((row - 1) / ChunkSize));
        Assert.Equal(notCommitted, askedAfterResume.Distinct().Order());

        // The bill covers the committed work: the output's per-row tokens, which the endpoint did count.
        var table = CsvFiles.Read(results);
        Assert.Equal(Enumerable.Range(1, Rows).Select(i => i.ToString(CultureInfo.InvariantCulture)), table.Values("ticket_id"));
        Assert.Equal(table.Values("tokens_in").Sum(long.Parse), summary.GetProperty("tokensIn").GetInt64());
        Assert.InRange(summary.GetProperty("tokensIn").GetInt64(), 1, simulator.Stats.PromptTokens);

        // The key was needed (the endpoint refuses requests without it) and was written nowhere.
        Assert.Equal(0, simulator.Stats.Unauthorized);
        Assert.DoesNotContain(ApiKey, firstStdErr + second.StdErr + second.StdOut);
        Assert.All(Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories),
            file => Assert.False(Encoding.UTF8.GetString(File.ReadAllBytes(file)).Contains(ApiKey, StringComparison.Ordinal), file));
        output.WriteLine($"killed with {committedBeforeKill.Count} of {Rows / ChunkSize} chunks committed; " +
                         $"{askedAfterResume.Count} requests after the resume for {notCommitted.Count()} rows");
    }

    [Fact]
    public async Task An_llm_run_without_a_known_price_or_endpoint_is_refused_before_it_starts()
    {
        var input = WriteTickets(_temp.File("few.csv"), rows: 3);

        var noPrice = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("a.csv"), "--processor", "llm",
            "--llm-endpoint", "http://127.0.0.1:9/v1/", "--llm-model", "my-local-model");
        var noEndpoint = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("b.csv"), "--processor", "llm",
            "--llm-model", "gpt-4o-mini");
        var llmOptionOnLocal = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("c.csv"), "--llm-model", "gpt-4o-mini");

        Assert.Equal(2, noPrice.ExitCode);
        Assert.StartsWith("error: no price is known for model 'my-local-model' (the table has gpt-3.5-turbo, gpt-4.1,", noPrice.StdErr);
        Assert.Contains("give --input-price and --output-price in USD per million tokens (0 for a free endpoint), or a --prices file", noPrice.StdErr);
        Assert.Equal((2, "error: --processor llm needs --llm-endpoint"), (noEndpoint.ExitCode, noEndpoint.StdErr.Trim()));
        Assert.Equal((2, "error: the --llm-… and price options are for --processor llm"), (llmOptionOnLocal.ExitCode, llmOptionOnLocal.StdErr.Trim()));
    }

    private static int RowOf(string message) =>
        int.Parse(message.AsSpan(7, message.IndexOf(':') - 7), CultureInfo.InvariantCulture);

    /// <summary>Tickets whose text starts "Ticket N:", so that each request names its row.</summary>
    private static string WriteTickets(string path, int rows = Rows)
    {
        var csv = new StringBuilder("ticket_id,text\n");
        for (var i = 1; i <= rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i},Ticket {i}: I was charged twice for order {i * 7} and want the money back\n");
        }

        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
