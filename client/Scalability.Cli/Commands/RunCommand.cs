using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Scalability.Client;
using Scalability.Client.Security;
using Scalability.GrainInterfaces;
using Scalability.GrainInterfaces.Datasets;
using Scalability.GrainInterfaces.Jobs;
using Scalability.GrainInterfaces.Processing;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Ingest;
using Scalability.Grains.Jobs;
using Scalability.Grains.Security;
using Scalability.Silo;
using Scalability.Silo.Storage;

namespace Scalability.Cli.Commands;

/// <summary>
/// <c>scale run</c>: processes a CSV end to end with live progress, on an embedded silo (job state in the state
/// folder) or on a running cluster. Running the same command again after an interruption resumes the job.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var csv = CommonOptions.Csv();
        csv.Arity = ArgumentArity.ZeroOrOne;
        var output = new Option<string?>("--out") { Description = "The results CSV to write." };
        var chunkSize = CommonOptions.ChunkSize();
        var maxWorkers = new Option<int>("--max-workers")
        {
            Description = "Chunks processed at once (default: one per processor core on an embedded silo; on a " +
                          "cluster, as many as the silos' worker pools take).",
        };
        var idColumn = CommonOptions.IdColumn();
        var textColumns = CommonOptions.Columns("--text-columns", "The columns to read as ticket text (detected when left out).");
        var keepColumns = CommonOptions.Columns("--keep-columns", "The input columns to copy to the results (default: all).");
        var conversationColumn = CommonOptions.ConversationColumn();
        var orderColumn = CommonOptions.OrderColumn();
        var plugins = new Option<string[]>("--plugin")
        {
            Description = "An assembly of processor factories for the embedded silo to offer beside the built-in ones; repeatable.",
        };
        var processor = new ProcessorOptions();
        var maxFailedFraction = new Option<double?>("--max-failed-fraction")
        {
            Description = "The error budget: fail the job, keeping what it has done, once more than this fraction " +
                          "(0 to 1) of its input rows have failed.",
        };
        var budget = CommonOptions.Budget();
        var timeLimit = CommonOptions.TimeLimit();
        var maxFieldBytes = new Option<int>("--max-field-bytes")
        {
            Description = "The largest field read, in bytes; a record with a larger one goes to the rejects.",
            DefaultValueFactory = _ => InputLimits.DefaultMaxFieldBytes,
        };
        var maxRowBytes = new Option<int>("--max-row-bytes")
        {
            Description = "The largest record read, in bytes as in the file; a larger one goes to the rejects without being held in memory.",
            DefaultValueFactory = _ => InputLimits.DefaultMaxRowBytes,
        };
        var allowFormulas = new Option<bool>("--allow-formulas")
        {
            Description = "Write text cells that start with = + - @ (or a tab or CR) as they are, rather than with a ' in front " +
                          "so that spreadsheets do not run them as formulas.",
        };
        var reviewBelow = new Option<double>("--review-below")
        {
            Description = "The review threshold: tickets categorized with a confidence under it (and those in 'other') go to " +
                          "the review file beside the results and into the summary's quality section.",
            DefaultValueFactory = _ => JobSpec.DefaultReviewBelow,
        };
        var (autoscale, minWorkers, maxAutoScaleWorkers) = CommonOptions.AutoScaling();
        var jobId = new Option<string?>("--job-id") { Description = "The job's id (default: a new one)." };
        var resume = new Option<string?>("--resume") { Description = "Continue an interrupted job by its id (no CSV needed)." };
        var cluster = CommonOptions.Cluster();
        var (tls, tlsTrust) = CommonOptions.Tls();
        var databasePassword = CommonOptions.DatabasePasswordFile();
        var state = CommonOptions.StateFolder();
        var storage = CommonOptions.Storage();
        var json = CommonOptions.Json();
        var verbose = CommonOptions.Verbose();
        var command = new Command("run", "Categorize and summarize every ticket of a CSV and write the results.")
        {
            csv, output, chunkSize, maxWorkers, idColumn, textColumns, keepColumns, conversationColumn, orderColumn, plugins,
            maxFailedFraction, budget, timeLimit, maxFieldBytes, maxRowBytes, allowFormulas, reviewBelow, autoscale, minWorkers, maxAutoScaleWorkers,
            jobId, resume, cluster, tls, tlsTrust, databasePassword, state, storage, json, verbose,
        };
        foreach (var option in processor.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            RunRequest request;
            ProcessorSpec processorSpec;
            try
            {
                processorSpec = processor.Parse(parse);
                var (clusterAddress, storageTarget) = CommonOptions.WithPasswordFile(
                    CommonOptions.ParseCluster(parse.GetValue(cluster)),
                    CommonOptions.ParseStorage(parse.GetValue(storage), parse.GetValue(state)!),
                    parse.GetValue(databasePassword));
                request = new RunRequest(
                    parse.GetValue(resume),
                    parse.GetValue(jobId),
                    parse.GetValue(maxWorkers),
                    clusterAddress,
                    storageTarget,
                    parse.GetValue(json),
                    parse.GetValue(verbose),
                    parse.GetValue(plugins) ?? [],
                    CommonOptions.ParseAutoScaling(parse.GetValue(autoscale)!, parse.GetValue(minWorkers), parse.GetValue(maxAutoScaleWorkers)),
                    parse.GetValue(budget),
                    CommonOptions.ParseTls(parse.GetValue(tls), parse.GetValue(tlsTrust), clusterAddress));
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            if (request.Cluster is not null && new Option[] { autoscale, minWorkers, maxAutoScaleWorkers }.Any(o => parse.GetResult(o) is { Implicit: false }))
            {
                Console.Error.WriteLine("error: --autoscale and the worker bounds are for the embedded silo; a cluster's are set with 'scale silo' or the client library");
                return Task.FromResult(ExitCodes.BadInput);
            }

            if (request.Cluster is not null && parse.GetValue(storage) is not null)
            {
                Console.Error.WriteLine("error: --storage is for the embedded silo; a cluster's silos keep job state where 'scale silo --storage' says");
                return Task.FromResult(ExitCodes.BadInput);
            }

            if (request.ResumeJobId is null && (parse.GetValue(csv) is null || parse.GetValue(output) is null))
            {
                Console.Error.WriteLine("error: give the CSV and --out, or --resume <job id>");
                return Task.FromResult(ExitCodes.BadInput);
            }

            if (CommonOptions.CheckChunkSize(parse.GetValue(chunkSize)) is { } usage)
            {
                Console.Error.WriteLine($"error: {usage}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var spec = parse.GetValue(csv) is { } input
                ? new JobSpec(
                    Path.GetFullPath(input),
                    Path.GetFullPath(parse.GetValue(output)!),
                    parse.GetValue(chunkSize) ?? JobSpec.AutoChunkSize,
                    parse.GetValue(maxWorkers),
                    parse.GetValue(idColumn),
                    CommonOptions.SplitColumns(parse.GetValue(textColumns)),
                    CommonOptions.SplitColumns(parse.GetValue(keepColumns)),
                    processorSpec,
                    MaxFailedFraction: parse.GetValue(maxFailedFraction))
                : null;
            var limits = new InputLimits(parse.GetValue(maxFieldBytes), parse.GetValue(maxRowBytes));
            spec = spec is null ? null : spec with
            {
                ConversationColumn = parse.GetValue(conversationColumn),
                OrderColumn = parse.GetValue(orderColumn),
                BudgetUsd = parse.GetValue(budget),
                TimeLimitHours = parse.GetValue(timeLimit),
                // The defaults are left out, so that a job submitted without the options matches one submitted with them.
                Limits = limits == InputLimits.Default ? null : limits,
                AllowFormulas = parse.GetValue(allowFormulas),
                ReviewBelow = parse.GetValue(reviewBelow),
            };
            return RunAsync(spec, request, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// The categorizer and model file of the local processor: <c>--model</c> means the model categorizer, and is
    /// refused beside another categorizer or processor rather than silently ignored.
    /// </summary>

    /// <param name="Budget">A new budget for the job resumed (or found unfinished); null keeps its own.</param>
    /// <param name="Tls">TLS to the cluster's gateways; null for plain TCP (or <see cref="ClusterTls.TrustVariable"/>).</param>
    internal sealed record RunRequest(
        string? ResumeJobId, string? JobId, int Workers, ClusterAddress? Cluster, DatabaseTarget Storage, bool Json, bool Verbose,
        string[] Plugins, AutoScalerSettings Scaling, decimal? Budget = null, ClusterTls? Tls = null);

    internal static async Task<int> RunAsync(JobSpec? spec, RunRequest request, CancellationToken cancellationToken)
    {
        if (spec is not null && Check(spec) is { } error)
        {
            Console.Error.WriteLine($"error: {error}");
            return ExitCodes.BadInput;
        }

        if (request.ResumeJobId is { } resumeId && ClusterSession.NoStateToRead(request.Cluster, request.Storage, resumeId) is { } nothing)
        {
            Console.Error.WriteLine($"error: {nothing}");
            return ExitCodes.BadInput;
        }

        if (request.Cluster is not null && request.Plugins.Length > 0)
        {
            Console.Error.WriteLine("error: --plugin is for the embedded silo; a cluster's silos load plug-ins with 'scale silo --plugin'");
            return ExitCodes.BadInput;
        }

        // The embedded silo works only on this command's job, even when its state holds other unfinished ones.
        string? current = null;
        // The embedded silo reads and writes where this command's user said, and nowhere else; a resumed job's paths
        // were given by the same user in the same state.
        var dataRoots = spec is null ? null : new[] { spec.InputPath, spec.OutputPath, spec.EffectiveProcessor.PluginPath }
            .OfType<string>()
            .Select(path => Path.GetDirectoryName(ResolvedPath.Of(path))!)
            .ToArray();
        var opened = await ClusterSession.TryOpenAsync(
            request.Cluster, request.Storage, request.Workers, id => id == current, request.Verbose, cancellationToken, request.Plugins, request.Scaling,
            request.Tls, dataRoots);
        if (opened.Session is not { } session)
        {
            return opened.ExitCode;
        }

        await using var _ = session;
        var client = new ScalabilityClient(session.Client);

        var (jobId, refused) = await StartOrResumeAsync(client, spec, request, session, chosen => current = chosen);
        if (jobId is null)
        {
            return refused;
        }

        JobProgress finished;
        try
        {
            finished = await ProgressDisplay.WatchAsync(client, jobId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine(session.Embedded
                ? $"interrupted: job {jobId} is saved in {session.Where}; run the same command again, or 'scale run --resume {jobId}', to continue"
                : $"stopped watching: job {jobId} keeps running on {session.Where}; 'scale status {jobId} --cluster …' shows it");
            return ExitCodes.Interrupted;
        }

        if (finished.Status == JobStatus.Paused)
        {
            Console.Error.WriteLine($"job {jobId} {finished.Notice ?? "is paused"}");
            if (request.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(finished, ScaleJson.Options));
            }

            return ExitCodes.JobFailed;
        }

        var summary = await client.GetSummaryAsync(jobId);
        if (summary is null)
        {
            Console.Error.WriteLine($"error: job {jobId} ended as {finished.Status} without a summary");
            return ExitCodes.JobFailed;
        }

        if (summary.BadInput)
        {
            // Found by the planning scan (a conversation that is not together): bad input like a missing column, said
            // the same way (the summary file beside the output has the details).
            Console.Error.WriteLine($"error: {summary.Error}");
            return ExitCodes.BadInput;
        }

        Console.Out.WriteLine(request.Json ? JsonSerializer.Serialize(summary, ScaleJson.Options) : Describe(summary));
        if (!request.Json && summary.Quality is { } quality)
        {
            Console.Out.WriteLine(string.Join(Environment.NewLine, QualityText.Lines(quality)));
        }

        if (summary.Rejected > 0 && summary.RejectsPath is not null)
        {
            Console.Error.WriteLine($"{summary.Rejected:N0} malformed record(s) were not processed: see {summary.RejectsPath}");
        }

        return summary.Status == JobStatus.Completed ? ExitCodes.Success : ExitCodes.JobFailed;
    }

    /// <summary>
    /// The job to watch: the one named by --resume, the unfinished job this same command started before, or a new
    /// one; a paused one is resumed (with the new budget, when given). A null id (after saying why, with the exit code)
    /// when there is none to watch.
    /// </summary>
    private static async Task<(string? JobId, int ExitCode)> StartOrResumeAsync(
        ScalabilityClient client, JobSpec? spec, RunRequest request, ClusterSession session, Action<string> choose)
    {
        if (request.ResumeJobId is { } resumeId)
        {
            var progress = await client.GetProgressAsync(resumeId);
            if (progress.Status == JobStatus.None)
            {
                Console.Error.WriteLine($"error: there is no job '{resumeId}' in {session.Where}");
                return (null, ExitCodes.BadInput);
            }

            choose(resumeId);
            Console.Error.WriteLine(DescribeResume(progress, session));
            return await UnpauseAsync(client, progress, request.Budget, ExitCodes.BadInput);
        }

        if (await client.FindUnfinishedJobAsync(spec!) is { } unfinished && (request.JobId is null || request.JobId == unfinished))
        {
            choose(unfinished);
            var progress = await client.GetProgressAsync(unfinished);
            Console.Error.WriteLine(DescribeResume(progress, session));
            // Run again with other limits: the job takes them (a larger budget lifts a pause at the budget).
            progress = await client.SubmitAsync(unfinished, spec!);
            return await UnpauseAsync(client, progress, budget: null, ExitCodes.JobFailed);
        }

        var jobId = request.JobId ?? ScalabilityClient.NewJobId();
        choose(jobId);
        try
        {
            await client.SubmitAsync(jobId, spec!);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return (null, ExitCodes.BadInput);
        }

        Console.Error.WriteLine($"job {jobId} started on {(session.Embedded ? "an embedded silo" : session.Where)}");
        return (jobId, ExitCodes.Success);
    }

    /// <summary>
    /// Resumes a paused job, or gives a running one its new budget; says why not, with <paramref name="refusedCode"/>,
    /// when its budget does not cover the next chunk.
    /// </summary>
    private static async Task<(string? JobId, int ExitCode)> UnpauseAsync(
        ScalabilityClient client, JobProgress progress, decimal? budget, int refusedCode)
    {
        if (progress.Status.IsFinished() || (progress.Status != JobStatus.Paused && budget is null))
        {
            return (progress.JobId, ExitCodes.Success);
        }

        try
        {
            var resumed = await client.ResumeAsync(progress.JobId, budget);
            if (progress.Status == JobStatus.Paused)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"job {progress.JobId} resumed{(resumed.BudgetUsd is { } usd ? $" with a budget of ${usd:0.00####}" : "")}"));
            }

            return (progress.JobId, ExitCodes.Success);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: job {progress.JobId} stays paused: {e.Message}");
            return (null, refusedCode);
        }
    }

    private static string DescribeResume(JobProgress progress, ClusterSession session) => progress.Status.IsFinished()
        ? $"job {progress.JobId} in {session.Where} has already {progress.Status.ToString().ToLowerInvariant()}"
        : $"resuming job {progress.JobId} from {session.Where}: {progress.Status.ToString().ToLowerInvariant()}, " +
          $"{progress.ChunksDone} of {progress.ChunksTotal} chunks already committed";

    /// <summary>Usage and input checks before anything starts; a message when the run cannot go ahead.</summary>
    private static string? Check(JobSpec spec)
    {
        if (Validate(spec) is { } usage)
        {
            return usage;
        }

        try
        {
            var mapping = InputPreflight.Check(spec.InputPath, spec.IdColumn, spec.TextColumns, spec.KeepColumns,
                spec.ConversationColumn, spec.OrderColumn, spec.Limits);
            Console.Error.WriteLine(DescribeColumns(mapping));
            return null;
        }
        catch (InputException e)
        {
            return e.Message;
        }
    }

    private static string? Validate(JobSpec spec)
    {
        if (spec.MaxWorkers < 0)
        {
            return $"--max-workers cannot be negative (got {spec.MaxWorkers})";
        }

        if (spec.EffectiveProcessor.SummaryMaxChars < 1)
        {
            return $"--summary-max-chars must be at least 1 (got {spec.EffectiveProcessor.SummaryMaxChars})";
        }

        if (string.Equals(spec.InputPath, spec.OutputPath, StringComparison.Ordinal))
        {
            return $"--out would overwrite the input file {spec.InputPath}";
        }

        try
        {
            // A plug-in's path is the silos' to load: on a cluster it need not exist here. The job checks it on submission.
            JobSpecs.Validate(spec, loadPlugin: false);
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }

        return null;
    }

    /// <summary>The columns a job reads and why, with a line for each column of free text it does not read.</summary>
    private static string DescribeColumns(ColumnMapping mapping)
    {
        var id = mapping.IdColumn is null
            ? "none found: rows are numbered in a 'row' column"
            : mapping.IsConversation || mapping.IdChoice is null
                ? $"'{mapping.IdColumn}'{(mapping.IdDetected ? " (detected)" : "")}"
                : ColumnText.Choice(mapping.IdChoice);
        if (mapping.IsConversation)
        {
            id += mapping.OrderColumn is null
                ? ", one ticket per conversation, messages in input order"
                : $", one ticket per conversation, messages ordered by '{mapping.OrderColumn}'";
        }

        // A mapping saved before choices carried their reasons says only whether it was detected.
        var text = mapping.TextChoices is { Length: > 0 } choices
            ? ColumnText.Choices(choices)
            : string.Join(", ", mapping.TextColumns.Select(c => $"'{c}'")) + (mapping.TextDetected ? " (detected)" : "");
        return string.Join(Environment.NewLine, [$"columns: id = {id}; text = {text}", .. ColumnText.NotRead(mapping.NotRead, "  ")]);
    }

    private static string Describe(JobSummary summary)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"job {summary.JobId} {summary.Status.ToString().ToLowerInvariant()} in {Format.Duration(summary.DurationSeconds)} ({summary.TicketsPerSecond:N0} tickets/s)"),
            $"  input      {summary.InputPath} ({summary.InputRows:N0} rows)",
            RowLines(summary),
            $"  output     {summary.OutputPath ?? "-"}",
            $"  rejects    {summary.RejectsPath ?? "-"}",
        };
        if (summary.Categories.Count > 0)
        {
            lines.Add("  categories " + string.Join(" · ",
                summary.Categories.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => $"{c.Key} {c.Value:N0}")));
        }

        if (summary.Failures.Count > 0)
        {
            lines.Add("  failures   " + string.Join(" · ", summary.Failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} {f.Value:N0}")));
        }

        if (summary.TokensIn + summary.TokensOut > 0 || summary.CostUsd > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  usage      {summary.TokensIn:N0} tokens in · {summary.TokensOut:N0} out · ${summary.CostUsd:0.00####} · {summary.Requests:N0} requests, {summary.RateLimitedResponses:N0} rate limited"));
        }

        if (summary.EstimatedCostUsd is { } estimate)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  estimate   ${estimate:0.00####} before the run{(summary.EstimateErrorPercent is { } error ? $" ({error:+0.#;-0.#;0}% off)" : "")}"));
        }

        if (summary.BudgetUsd is { } budget)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  budget     ${budget:0.00####}"));
        }

        if (summary.Error is not null)
        {
            lines.Add($"  error      {summary.Error}");
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>
    /// The row counts: ok, failed and rejected rows, or, when each output row is a conversation, the input's rows
    /// (messages and rejected records) apart from the conversations they made.
    /// </summary>
    private static string RowLines(JobSummary summary) => summary.Conversations is { } conversations
        ? $"  rows       messages {summary.Messages:N0} · rejected {summary.Rejected:N0}{Environment.NewLine}" +
          $"  results    {conversations:N0} conversations: ok {summary.Ok:N0} · failed {summary.Failed:N0}"
        : $"  rows       ok {summary.Ok:N0} · failed {summary.Failed:N0} · rejected {summary.Rejected:N0}";
}
