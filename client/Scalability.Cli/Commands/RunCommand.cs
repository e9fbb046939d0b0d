using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Scalability.Client;
using Scalability.GrainInterfaces;
using Scalability.GrainInterfaces.Datasets;
using Scalability.GrainInterfaces.Jobs;
using Scalability.GrainInterfaces.Processing;
using Scalability.Grains.Ingest;
using Scalability.Silo;

namespace Scalability.Cli.Commands;

/// <summary><c>scale run</c>: processes a CSV end to end on an embedded silo, with live progress.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var csv = CommonOptions.Csv();
        var output = new Option<string>("--out") { Description = "The results CSV to write.", Required = true };
        var chunkSize = CommonOptions.ChunkSize();
        var maxWorkers = new Option<int>("--max-workers")
        {
            Description = "Chunks processed at once (default: the number of processor cores).",
        };
        var idColumn = CommonOptions.IdColumn();
        var textColumns = CommonOptions.Columns("--text-columns", "The columns to read as ticket text (detected when left out).");
        var keepColumns = CommonOptions.Columns("--keep-columns", "The input columns to copy to the results (default: all).");
        var summaryMaxChars = new Option<int>("--summary-max-chars")
        {
            Description = "Longest summary, in characters.",
            DefaultValueFactory = _ => ProcessorSpec.DefaultSummaryMaxChars,
        };
        var jobId = new Option<string?>("--job-id") { Description = "The job's id (default: a new one)." };
        var json = CommonOptions.Json();
        var verbose = new Option<bool>("--verbose") { Description = "Log the silo's work on stderr." };
        var command = new Command("run", "Categorize and summarize every ticket of a CSV and write the results.")
        {
            csv, output, chunkSize, maxWorkers, idColumn, textColumns, keepColumns, summaryMaxChars, jobId, json, verbose,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            if (CommonOptions.CheckChunkSize(parse.GetValue(chunkSize)) is { } usage)
            {
                Console.Error.WriteLine($"error: {usage}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var spec = new JobSpec(
                Path.GetFullPath(parse.GetValue(csv)!),
                Path.GetFullPath(parse.GetValue(output)!),
                parse.GetValue(chunkSize) ?? JobSpec.AutoChunkSize,
                parse.GetValue(maxWorkers),
                parse.GetValue(idColumn),
                CommonOptions.SplitColumns(parse.GetValue(textColumns)),
                CommonOptions.SplitColumns(parse.GetValue(keepColumns)),
                new ProcessorSpec(ProcessorSpec.LocalKind, parse.GetValue(summaryMaxChars)));
            return RunAsync(spec, parse.GetValue(jobId) ?? ScalabilityClient.NewJobId(), parse.GetValue(json), parse.GetValue(verbose), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(JobSpec spec, string jobId, bool json, bool verbose, CancellationToken cancellationToken)
    {
        if (Validate(spec) is { } usage)
        {
            Console.Error.WriteLine($"error: {usage}");
            return ExitCodes.BadInput;
        }

        ColumnMapping mapping;
        try
        {
            mapping = InputPreflight.Check(spec.InputPath, spec.IdColumn, spec.TextColumns, spec.KeepColumns);
        }
        catch (InputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        Console.Error.WriteLine(DescribeColumns(mapping));
        await using var silo = await EmbeddedSilo.StartAsync(verbose ? LogLevel.Information : LogLevel.Warning, cancellationToken: cancellationToken);
        var client = new ScalabilityClient(silo.Client);
        await client.SubmitAsync(jobId, spec);
        Console.Error.WriteLine($"job {jobId} started on an embedded silo");

        JobProgress finished;
        try
        {
            finished = await ProgressDisplay.WatchAsync(client, jobId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await client.CancelAsync(jobId);
            finished = await client.GetProgressAsync(jobId);
        }

        var summary = await client.GetSummaryAsync(jobId);
        if (summary is null)
        {
            Console.Error.WriteLine($"error: job {jobId} ended as {finished.Status} without a summary");
            return ExitCodes.JobFailed;
        }

        Console.Out.WriteLine(json ? JsonSerializer.Serialize(summary, ScaleJson.Options) : Describe(summary));
        if (summary.Rejected > 0 && summary.RejectsPath is not null)
        {
            Console.Error.WriteLine($"{summary.Rejected:N0} malformed record(s) were not processed: see {summary.RejectsPath}");
        }

        return summary.Status == JobStatus.Completed ? ExitCodes.Success : ExitCodes.JobFailed;
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

        return null;
    }

    private static string DescribeColumns(ColumnMapping mapping)
    {
        var id = mapping.IdColumn is null
            ? "none found: rows are numbered in a 'row' column"
            : $"'{mapping.IdColumn}'{(mapping.IdDetected ? " (detected)" : "")}";
        var text = string.Join(", ", mapping.TextColumns.Select(c => $"'{c}'")) + (mapping.TextDetected ? " (detected)" : "");
        return $"columns: id = {id}; text = {text}";
    }

    private static string Describe(JobSummary summary)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"job {summary.JobId} {summary.Status.ToString().ToLowerInvariant()} in {Format.Duration(summary.DurationSeconds)} ({summary.TicketsPerSecond:N0} tickets/s)"),
            $"  input      {summary.InputPath} ({summary.InputRows:N0} rows)",
            $"  rows       ok {summary.Ok:N0} · failed {summary.Failed:N0} · rejected {summary.Rejected:N0}",
            $"  output     {summary.OutputPath ?? "-"}",
            $"  rejects    {summary.RejectsPath ?? "-"}",
        };
        if (summary.Categories.Count > 0)
        {
            lines.Add("  categories " + string.Join(" · ",
                summary.Categories.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => $"{c.Key} {c.Value:N0}")));
        }

        if (summary.Error is not null)
        {
            lines.Add($"  error      {summary.Error}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
