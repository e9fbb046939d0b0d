using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Scalability.Client;
using Scalability.GrainInterfaces;
using Scalability.GrainInterfaces.Jobs;
using Scalability.Silo;
using Scalability.Silo.Storage;

namespace Scalability.Cli.Commands;

/// <summary><c>scale status</c>: a job's progress, from a cluster or from the embedded state folder.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var jobId = new Argument<string>("job-id") { Description = "The job's id." };
        var cluster = CommonOptions.Cluster();
        var state = CommonOptions.StateFolder();
        var storage = CommonOptions.Storage();
        var json = CommonOptions.Json();
        var watch = new Option<bool>("--watch")
        {
            Description = "Keep showing the job and the cluster's figures (workers, tickets per minute, errors) until it finishes.",
        };
        var command = new Command("status", "Show a job's progress.") { jobId, cluster, state, storage, json, watch };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(jobId)!;
            var opened = await ClusterSession.OpenToReadAsync(parse.GetValue(cluster), parse.GetValue(storage), parse.GetValue(state)!, id, cancellationToken);
            if (opened.Session is not { } session)
            {
                return opened.ExitCode;
            }

            await using (session)
            {
                var client = new ScalabilityClient(session.Client);
                var progress = await client.GetProgressAsync(id);
                if (progress.Status == JobStatus.None)
                {
                    Console.Error.WriteLine($"error: there is no job '{id}' in {session.Where}");
                    return ExitCodes.BadInput;
                }

                if (parse.GetValue(watch))
                {
                    return await WatchAsync(client, id, parse.GetValue(json), cancellationToken);
                }

                Console.Out.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(progress, ScaleJson.Options) : Describe(progress));
                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>
    /// The live view: the job and the cluster's dashboard, redrawn every second on a terminal (a new block per second
    /// otherwise, or one JSON object per line with --json), until the job finishes or Ctrl+C.
    /// </summary>
    private static async Task<int> WatchAsync(ScalabilityClient client, string jobId, bool json, CancellationToken cancellationToken)
    {
        var redraw = !json && !Console.IsOutputRedirected;
        try
        {
            await foreach (var progress in client.WatchAsync(jobId, TimeSpan.FromSeconds(1), cancellationToken))
            {
                var dashboard = await client.GetDashboardAsync();
                if (json)
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(new { progress, dashboard }, ScaleJson.Compact));
                    continue;
                }

                var view = Describe(progress) + Environment.NewLine + DashboardCommand.Describe(dashboard);
                Console.Out.WriteLine(redraw ? "\u001b[H\u001b[J" + view : view + Environment.NewLine);
                if (progress.Status.IsFinished() || progress is { Status: JobStatus.Paused, ChunksRunning: 0 })
                {
                    return progress.Status == JobStatus.Completed ? ExitCodes.Success : ExitCodes.JobFailed;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        return ExitCodes.Success;
    }

    private static string Describe(JobProgress progress)
    {
        var percent = progress.InputRows > 0 ? 100.0 * progress.ProcessedRows / progress.InputRows : 0;
        var eta = progress.EtaSeconds is { } seconds && !progress.Status.IsFinished() ? $" · ETA {Format.Duration(seconds)}" : "";
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"job {progress.JobId} {progress.Status.ToString().ToLowerInvariant()}: {progress.ProcessedRows:N0} of {progress.InputRows:N0} rows ({percent:F1}%)"),
            $"  chunks     {progress.ChunksDone:N0} of {progress.ChunksTotal:N0} committed, {progress.ChunksRunning:N0} running",
            progress.Counts.Messages > 0
                // Conversation mode: the input's rows are messages or rejected, and each conversation is one result.
                ? $"  rows       messages {progress.Counts.Messages:N0} · rejected {progress.Counts.Rejected:N0} · " +
                  $"conversations ok {progress.Counts.Ok:N0} · failed {progress.Counts.Failed:N0}"
                : $"  rows       ok {progress.Counts.Ok:N0} · failed {progress.Counts.Failed:N0} · rejected {progress.Counts.Rejected:N0}",
            string.Create(CultureInfo.InvariantCulture,
                $"  speed      {progress.TicketsPerSecond:N0} tickets/s · elapsed {Format.Duration(progress.ElapsedSeconds)}{eta}"),
        };
        foreach (var (silo, rows) in progress.RowsPerSilo)
        {
            lines.Add($"  silo       {silo}: {rows:N0} rows");
        }

        if (ProgressDisplay.Spend(progress) is { Length: > 0 } spend)
        {
            lines.Add($"  spend     {spend.TrimStart(' ', '·')}");
        }

        if (progress.Notice is not null)
        {
            lines.Add($"  notice     {progress.Notice}");
        }

        if (progress.Error is not null)
        {
            lines.Add($"  error      {progress.Error}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
