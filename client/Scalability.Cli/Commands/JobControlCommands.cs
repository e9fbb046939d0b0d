using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Scalability.Client;
using Scalability.GrainInterfaces;
using Scalability.GrainInterfaces.Jobs;
using Scalability.GrainInterfaces.Scaling;

namespace Scalability.Cli.Commands;

/// <summary>
/// <c>scale pause</c>, <c>scale resume</c> and <c>scale cancel</c>: one job's course, on a cluster or in the
/// embedded state folder. Resuming an embedded job runs it here, as <c>scale run --resume</c> does.
/// </summary>
internal static class JobControlCommands
{
    public static Command Pause()
    {
        var jobId = JobId();
        var reason = new Option<string>("--reason")
        {
            Description = "Why, for the job's status and log.",
            DefaultValueFactory = _ => "no reason given",
        };
        var (cluster, state, storage, json) = (CommonOptions.Cluster(), CommonOptions.StateFolder(), CommonOptions.Storage(), CommonOptions.Json());
        var command = new Command("pause", "Stop a job leasing chunks (those in flight still commit) until 'scale resume'.")
        {
            jobId, reason, cluster, state, storage, json,
        };
        command.SetAction((parse, cancellationToken) => OnJobAsync(parse, jobId, cluster, state, storage, json, cancellationToken,
            client => client.PauseAsync(parse.GetValue(jobId)!, parse.GetValue(reason)!)));
        return command;
    }

    public static Command Cancel()
    {
        var jobId = JobId();
        var (cluster, state, storage, json) = (CommonOptions.Cluster(), CommonOptions.StateFolder(), CommonOptions.Storage(), CommonOptions.Json());
        var command = new Command("cancel", "Stop a job for good, keeping the part files of the chunks it committed.")
        {
            jobId, cluster, state, storage, json,
        };
        command.SetAction((parse, cancellationToken) => OnJobAsync(parse, jobId, cluster, state, storage, json, cancellationToken,
            async client =>
            {
                var id = parse.GetValue(jobId)!;
                await client.CancelAsync(id);
                return await client.GetProgressAsync(id);
            }));
        return command;
    }

    public static Command Resume()
    {
        var jobId = JobId();
        var budget = CommonOptions.Budget();
        budget.Description = "A new budget in USD (a job paused at its budget needs a larger one).";
        var maxWorkers = new Option<int>("--max-workers") { Description = "Chunks processed at once on the embedded silo (default: one per core)." };
        var (cluster, state, storage, json, verbose) =
            (CommonOptions.Cluster(), CommonOptions.StateFolder(), CommonOptions.Storage(), CommonOptions.Json(), CommonOptions.Verbose());
        var command = new Command("resume", "Continue a paused or interrupted job, with a new budget when given, and watch it to the end.")
        {
            jobId, budget, maxWorkers, cluster, state, storage, json, verbose,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            RunCommand.RunRequest request;
            try
            {
                request = new RunCommand.RunRequest(
                    parse.GetValue(jobId), null, parse.GetValue(maxWorkers),
                    CommonOptions.ParseCluster(parse.GetValue(cluster)),
                    CommonOptions.ParseStorage(parse.GetValue(storage), parse.GetValue(state)!),
                    parse.GetValue(json), parse.GetValue(verbose), [],
                    CommonOptions.ParseAutoScaling("balanced", 1, AutoScalerSettings.DefaultMaxWorkers),
                    parse.GetValue(budget));
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            return RunCommand.RunAsync(null, request, cancellationToken);
        });
        return command;
    }

    private static Argument<string> JobId() => new("job-id") { Description = "The job's id." };

    private static async Task<int> OnJobAsync(
        ParseResult parse, Argument<string> jobId, Option<string?> cluster, Option<string> state, Option<string?> storage,
        Option<bool> json, CancellationToken cancellationToken, Func<ScalabilityClient, Task<JobProgress>> act)
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
            if ((await client.GetProgressAsync(id)).Status == JobStatus.None)
            {
                Console.Error.WriteLine($"error: there is no job '{id}' in {session.Where}");
                return ExitCodes.BadInput;
            }

            var progress = await act(client);
            Console.Out.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(progress, ScaleJson.Options)
                : string.Create(CultureInfo.InvariantCulture,
                    $"job {id} {progress.Status.ToString().ToLowerInvariant()}: {progress.ProcessedRows:N0} of {progress.InputRows:N0} rows{ProgressDisplay.Spend(progress)}{(progress.Notice is { } notice ? $"{Environment.NewLine}  {notice}" : "")}"));
            return ExitCodes.Success;
        }
    }
}
