using System.Globalization;
using Scalability.Client;
using Scalability.GrainInterfaces.Jobs;
using Spectre.Console;

namespace Scalability.Cli;

/// <summary>
/// Shows a job's progress on stderr while it runs: a live bar with tickets/s and ETA on a terminal, a plain line
/// every few seconds when stderr is a file or a pipe. stdout stays for the results.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan PlainLineInterval = TimeSpan.FromSeconds(2);

    public static async Task<JobProgress> WatchAsync(ScalabilityClient client, string jobId, CancellationToken cancellationToken)
    {
        if (Console.IsErrorRedirected)
        {
            return await WatchPlainAsync(client, jobId, cancellationToken);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        JobProgress last = await client.GetProgressAsync(jobId);
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe(last), maxValue: 1);
                await foreach (var progress in client.WatchAsync(jobId, cancellationToken: cancellationToken))
                {
                    last = progress;
                    task.MaxValue = Math.Max(1, progress.InputRows);
                    task.Value = progress.ProcessedRows;
                    task.Description = Markup.Escape(Describe(progress) +
                        (progress is { Notice: { } notice, Status: not JobStatus.Paused } ? $"{Environment.NewLine}warning: {notice}" : ""));
                }

                task.StopTask();
            });
        return last;
    }

    private static async Task<JobProgress> WatchPlainAsync(ScalabilityClient client, string jobId, CancellationToken cancellationToken)
    {
        JobProgress? last = null;
        var nextLine = DateTime.UtcNow;
        await foreach (var progress in client.WatchAsync(jobId, cancellationToken: cancellationToken))
        {
            if (progress.Notice is { } notice && notice != last?.Notice && progress.Status != JobStatus.Paused)
            {
                // A warning (behind the time limit) is said once, when it first appears or changes; a pause is said
                // by the command that stops watching.
                Console.Error.WriteLine($"warning: {notice}");
            }

            last = progress;
            if (DateTime.UtcNow >= nextLine || progress.Status.IsFinished())
            {
                Console.Error.WriteLine(Describe(progress));
                nextLine = DateTime.UtcNow + PlainLineInterval;
            }
        }

        return last!;
    }

    public static string Describe(JobProgress progress)
    {
        var status = progress.Status.ToString().ToLowerInvariant();
        if (progress.InputRows == 0)
        {
            return $"{status}…";
        }

        var percent = 100.0 * progress.ProcessedRows / progress.InputRows;
        var eta = progress.EtaSeconds is { } seconds && !progress.Status.IsFinished() ? $" · ETA {Format.Duration(seconds)}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{status} {progress.ProcessedRows:N0}/{progress.InputRows:N0} rows ({percent:0}%) · {progress.TicketsPerSecond:N0} tickets/s{eta}{Spend(progress)}");
    }

    /// <summary>Spend so far and where it is heading, when the job is billed or has a budget: " · $0.42 → $1.90 of $5".</summary>
    public static string Spend(JobProgress progress)
    {
        var spent = progress.Usage.CostUsd;
        if (spent == 0 && progress.BudgetUsd is null && progress.ProjectedCostUsd is not > 0)
        {
            return "";
        }

        var projected = progress.ProjectedCostUsd is { } usd && !progress.Status.IsFinished() ? $" → ${usd:0.00##} projected" : "";
        var budget = progress.BudgetUsd is { } limit ? $" of ${limit:0.00##}" : "";
        return string.Create(CultureInfo.InvariantCulture, $" · ${spent:0.00##} spent{projected}{budget}");
    }
}
