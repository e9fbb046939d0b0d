using System.Text.Json;
using Scalability.Grains.Ingest;
using Scalability.TestPlugins;
using Scalability.Tests.Support;
using Xunit.Abstractions;

namespace Scalability.Tests.Cli;

/// <summary>
/// The embedded default survives a crash: a <c>scale run</c> killed mid-job and run again resumes from the SQLite state
/// in its working directory, redoes no committed chunk, and writes an exact output.
/// </summary>
public sealed class ResumeCommandTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 60_000;
    private const int ChunkSize = 1_000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_run_killed_mid_job_resumes_when_run_again_and_redoes_no_committed_chunk()
    {
        var input = _temp.File("tickets.csv");
        using (var file = File.Create(input))
        {
            SyntheticTicketGenerator.Write(file, Rows, seed: 11);
        }

        var results = _temp.File("results.csv");
        var journal = new ProcessingJournal(_temp.File("journal"));
        string[] args =
        [
            "run", input, "--out", results, "--chunk-size", ChunkSize.ToString(), "--max-workers", "2",
            "--processor", CountingProcessorFactory.CountingKind, "--plugin", PluginPath, "--json",
        ];
        var environment = journal.Environment(pausePerBatch: TimeSpan.FromMilliseconds(15));
        var stateFile = Path.Combine(_temp.Path, ".scale", "state.db");

        string jobId;
        IReadOnlySet<int> committedBeforeKill;
        await using (var first = ScaleProcess.Start(_temp.Path, environment, args))
        {
            var started = await first.WaitForErrorAsync(line => line.StartsWith("job ", StringComparison.Ordinal) && line.Contains(" started"), Patience);
            jobId = started.Split(' ')[1];
            Assert.True(await Eventually.TrueAsync(async () => (await CommittedAsync(stateFile, jobId)).Count >= 10, Patience),
                $"the first run committed too little before the test's patience ran out:\n{first.StdErr}");
            await first.KillAsync();
            committedBeforeKill = await CommittedAsync(stateFile, jobId);
        }

        var processesBefore = journal.Read(jobId).Select(e => e.Process).ToHashSet();
        var second = await ScaleCli.RunAsync(_temp.Path, environment, args);

        Assert.True(second.ExitCode == 0, second.StdErr);
        Assert.Contains($"resuming job {jobId} from {stateFile}: running, {committedBeforeKill.Count} of {Rows / ChunkSize} chunks already committed", second.StdErr);
        var summary = JsonDocument.Parse(second.StdOut).RootElement;
        Assert.Equal((jobId, "completed"), (summary.GetProperty("jobId").GetString(), summary.GetProperty("status").GetString()));
        Assert.Equal((long)Rows, summary.GetProperty("ok").GetInt64());
        Assert.Equal(CsvFiles.Read(input).Values("ticket_id"), CsvFiles.Read(results).Values("ticket_id"));

        // The resumed run never touched a chunk committed before the kill, and those chunks' rows were each processed
        // exactly once in all.
        var entries = journal.Read(jobId);
        var afterResume = entries.Where(e => !processesBefore.Contains(e.Process)).ToList();
        Assert.DoesNotContain(afterResume, e => committedBeforeKill.Contains(e.Chunk));
        var committedRows = entries.Where(e => committedBeforeKill.Contains(e.Chunk)).GroupBy(e => e.Record).ToList();
        Assert.Equal(committedBeforeKill.Count * ChunkSize, committedRows.Count);
        Assert.All(committedRows, row => Assert.Single(row));
        output.WriteLine($"killed with {committedBeforeKill.Count} of {Rows / ChunkSize} chunks committed; rows processed in all: " +
                         $"{entries.Count:N0} for {Rows:N0} rows ({100.0 * (entries.Count - Rows) / Rows:F1}% redone)");
    }

    [Fact]
    public async Task A_run_stopped_with_sigterm_says_how_to_continue_and_continues()
    {
        var input = _temp.File("tickets.csv");
        using (var file = File.Create(input))
        {
            SyntheticTicketGenerator.Write(file, Rows, seed: 12);
        }

        var results = _temp.File("results.csv");
        string[] args =
        [
            "run", input, "--out", results, "--chunk-size", ChunkSize.ToString(), "--max-workers", "2",
            "--processor", CountingProcessorFactory.CountingKind, "--plugin", PluginPath, "--json",
        ];
        var environment = new ProcessingJournal(_temp.File("journal")).Environment(pausePerBatch: TimeSpan.FromMilliseconds(15));
        var stateFile = Path.Combine(_temp.Path, ".scale", "state.db");

        await using var first = ScaleProcess.Start(_temp.Path, environment, args);
        var started = await first.WaitForErrorAsync(line => line.StartsWith("job ", StringComparison.Ordinal) && line.Contains(" started"), Patience);
        var jobId = started.Split(' ')[1];
        Assert.True(await Eventually.TrueAsync(async () => (await CommittedAsync(stateFile, jobId)).Count >= 5, Patience), first.StdErr);
        var exitCode = await first.StopAsync(Patience);
        var second = await ScaleCli.RunAsync(_temp.Path, environment, args);

        Assert.Equal(130, exitCode);
        Assert.Contains($"interrupted: job {jobId} is saved in {stateFile}; run the same command again, or 'scale run --resume {jobId}', to continue", first.StdErr);
        Assert.Equal("", first.StdOut);
        Assert.True(second.ExitCode == 0, second.StdErr);
        Assert.Contains($"resuming job {jobId} from {stateFile}", second.StdErr);
        Assert.Equal(CsvFiles.Read(input).Values("ticket_id"), CsvFiles.Read(results).Values("ticket_id"));
    }

    private static string PluginPath => Path.Combine(AppContext.BaseDirectory, "Scalability.TestPlugins.dll");

    private static Task<IReadOnlySet<int>> CommittedAsync(string stateFile, string jobId) =>
        StoredJobState.CommittedChunksAsync(stateFile, jobId);
}
