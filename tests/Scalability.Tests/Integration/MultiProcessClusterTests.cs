using System.Diagnostics;
using Npgsql;
using Scalability.Client;
using Scalability.Grains.Ingest;
using Scalability.Silo;
using Scalability.Silo.Storage;
using Scalability.TestPlugins;
using Scalability.Tests.Support;
using Xunit.Abstractions;

namespace Scalability.Tests.Integration;

/// <summary>
/// The cluster as operators run it: real <c>scale silo</c> processes with ADO.NET clustering and grain state on a real
/// PostgreSQL, a client submitting 100K tickets, silos added, killed with SIGKILL, and all restarted mid-job. The
/// counting plug-in journals every ticket each process handles, so that work done twice can be counted.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class MultiProcessClusterTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 100_000;
    private const int ChunkSize = 1_000;
    private const int Chunks = Rows / ChunkSize;
    private const int WorkersPerSilo = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan PausePerBatch = TimeSpan.FromMilliseconds(30);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [PostgresFact]
    public async Task Work_spreads_onto_a_silo_that_joins_and_a_silo_killed_with_sigkill_loses_no_rows()
    {
        var (database, journal, input, spec) = await PrepareAsync();
        await using var silos = NewSilos(database, journal);
        await silos.AddAsync();
        await silos.AddAsync();
        await using var connection = await ConnectAsync(database);
        var client = new ScalabilityClient(connection.Client);
        var jobId = ScalabilityClient.NewJobId();
        await client.SubmitAsync(jobId, spec);
        await WaitForCommittedChunksAsync(client, jobId, 10);

        var joined = Stopwatch.StartNew();
        var third = await silos.AddAsync();
        JobProgress? progress = null;
        await Eventually.TrueAsync(async () =>
        {
            progress = await client.GetProgressAsync(jobId);
            return progress.RowsPerSilo.ContainsKey(silos.Addresses[third]) || progress.Status.IsFinished();
        }, Patience);
        var secondsToSpread = joined.Elapsed.TotalSeconds;
        Assert.True(progress!.RowsPerSilo.ContainsKey(silos.Addresses[third]),
            $"the silo that joined mid-job committed no chunk; the job is {progress.Status} at {progress.ChunksDone}/{Chunks} chunks " +
            $"({string.Join(", ", progress.RowsPerSilo.Keys)}). Its log:\n{silos.Logs(third)}");

        var beforeKill = await WaitForCommittedChunksAsync(client, jobId, 40);
        await silos.KillAsync(0);
        using var timeout = new CancellationTokenSource(Patience);
        var summary = await client.WaitForCompletionAsync(jobId, timeout.Token);

        AssertExact(input, spec.OutputPath, summary);
        Assert.Equal(3, summary.RowsPerSilo.Count);
        var processed = journal.Read(jobId).Count;
        output.WriteLine($"the joining silo committed its first chunk {secondsToSpread:F1} s after it became active; " +
                         $"silo 0 killed at {beforeKill.ChunksDone}/{Chunks} chunks with {beforeKill.ChunksRunning} running; " +
                         $"{summary.ChunkRetries} retries; {processed:N0} rows processed for {Rows:N0} " +
                         $"({100.0 * (processed - Rows) / Rows:F1}% redone); took {summary.DurationSeconds:F1} s");
    }

    [PostgresFact]
    public async Task All_silos_killed_mid_job_and_restarted_resume_without_processing_a_committed_row_again()
    {
        var (database, journal, input, spec) = await PrepareAsync();
        await using var silos = NewSilos(database, journal);
        for (var i = 0; i < 3; i++)
        {
            await silos.AddAsync();
        }

        var jobId = ScalabilityClient.NewJobId();
        await using (var connection = await ConnectAsync(database))
        {
            var client = new ScalabilityClient(connection.Client);
            await client.SubmitAsync(jobId, spec);
            await WaitForCommittedChunksAsync(client, jobId, 30);
        }

        for (var i = 0; i < 3; i++)
        {
            await silos.KillAsync(i);
        }

        var committedBeforeRestart = await CommittedChunksAsync(database, jobId);
        var processesBefore = journal.Read(jobId).Select(e => e.Process).ToHashSet();
        var restarted = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            await silos.StartAsync(i);
        }

        JobSummary summary;
        await using (var connection = await ConnectAsync(database))
        {
            using var timeout = new CancellationTokenSource(Patience);
            summary = await new ScalabilityClient(connection.Client).WaitForCompletionAsync(jobId, timeout.Token);
        }

        AssertExact(input, spec.OutputPath, summary);
        var entries = journal.Read(jobId);
        var afterRestart = entries.Where(e => !processesBefore.Contains(e.Process)).ToList();
        Assert.True(committedBeforeRestart.Count >= 30, $"only {committedBeforeRestart.Count} chunks were stored as committed");
        Assert.DoesNotContain(afterRestart, e => committedBeforeRestart.Contains(e.Chunk));
        var committedRows = entries.Where(e => committedBeforeRestart.Contains(e.Chunk)).GroupBy(e => e.Record).ToList();
        Assert.Equal(committedBeforeRestart.Count * ChunkSize, committedRows.Count);
        Assert.All(committedRows, row => Assert.Single(row));
        output.WriteLine($"restarted with {committedBeforeRestart.Count}/{Chunks} chunks committed; finished {restarted.Elapsed.TotalSeconds:F1} s " +
                         $"after the restart began; {entries.Count:N0} rows processed for {Rows:N0} ({100.0 * (entries.Count - Rows) / Rows:F1}% redone)");
    }

    private async Task<(string Database, ProcessingJournal Journal, string Input, JobSpec Spec)> PrepareAsync()
    {
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("cluster");
        var input = _temp.File("tickets.csv");
        await using (var file = File.Create(input))
        {
            SyntheticTicketGenerator.Write(file, Rows, seed: 5);
        }

        var spec = new JobSpec(input, _temp.File("results.csv"), ChunkSize,
            Processor: new ProcessorSpec(CountingProcessorFactory.CountingKind));
        return ("postgres:" + connectionString, new ProcessingJournal(_temp.File("journal")), input, spec);
    }

    private SiloProcesses NewSilos(string database, ProcessingJournal journal) =>
        new(_temp.Path, database, journal.Environment(PausePerBatch),
            ["--workers", WorkersPerSilo.ToString(), "--autoscale", "off", "--plugin", Path.Combine(AppContext.BaseDirectory, "Scalability.TestPlugins.dll")]);

    private static Task<ClusterConnection> ConnectAsync(string database) =>
        ClusterConnection.ConnectAsync(ClusterAddress.Parse(database, "database"));

    private static async Task<JobProgress> WaitForCommittedChunksAsync(ScalabilityClient client, string jobId, int chunks)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await foreach (var progress in client.WatchAsync(jobId, TimeSpan.FromMilliseconds(100), timeout.Token))
        {
            Assert.False(progress.Status.IsFinished(), $"the job finished before {chunks} chunks were committed: {progress.Status} {progress.Error}");
            if (progress.Status == JobStatus.Running && progress.ChunksDone >= chunks)
            {
                return progress;
            }
        }

        throw new InvalidOperationException("unreachable: the watch ends only when the job does");
    }

    private static async Task<IReadOnlySet<int>> CommittedChunksAsync(string database, string jobId)
    {
        await using var connection = new NpgsqlConnection(((PostgresDatabase)DatabaseTarget.Parse(database, "database")).ConnectionString);
        await connection.OpenAsync();
        return await StoredJobState.CommittedChunksAsync(connection, jobId);
    }

    private static void AssertExact(string input, string results, JobSummary summary)
    {
        Assert.Equal(JobStatus.Completed, summary.Status);
        Assert.Equal(((long)Rows, (long)Rows, 0L, 0L), (summary.InputRows, summary.Ok, summary.Failed, summary.Rejected));
        Assert.Equal(summary.InputRows, summary.RowsPerSilo.Values.Sum());
        var expected = CsvFiles.Read(input).Values("ticket_id");
        var actual = CsvFiles.Read(results).Values("ticket_id");
        Assert.Equal(expected, actual);
        Assert.Equal(Rows, actual.Distinct().Count());
    }
}
