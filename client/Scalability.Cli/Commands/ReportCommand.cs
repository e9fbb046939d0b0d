using System.CommandLine;
using System.Text;
using System.Text.Json;
using Scalability.GrainInterfaces;
using Scalability.Grains.Reporting;
using Scalability.Silo;
using Scalability.Silo.Storage;

namespace Scalability.Cli.Commands;

/// <summary>
/// <c>scale report</c>: a job's scaling report (timeline charts, every decision with its reason, per-silo totals,
/// estimates against actuals) as one self-contained HTML file or as JSON, from a cluster or the embedded state folder.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var jobId = new Argument<string>("job-id") { Description = "The job's id." };
        var format = new Option<string>("--format")
        {
            Description = "html (one self-contained file with charts) or json.",
            DefaultValueFactory = _ => "html",
        };
        format.AcceptOnlyFromAmong("html", "json");
        var output = new Option<string?>("--out") { Description = "The file to write (default: stdout)." };
        var cluster = CommonOptions.Cluster();
        var state = CommonOptions.StateFolder();
        var storage = CommonOptions.Storage();
        var command = new Command("report", "Write a job's scaling report: timeline charts, scaling decisions, per-silo totals, estimates against actuals.")
        {
            jobId, format, output, cluster, state, storage,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(jobId)!;
            var opened = await ClusterSession.OpenToReadAsync(parse.GetValue(cluster), parse.GetValue(storage), parse.GetValue(state)!, id, cancellationToken);
            if (opened.Session is not { } session)
            {
                return opened.ExitCode;
            }

            ScalingReport? report;
            await using (session)
            {
                report = await ScalingReports.LoadAsync(session.Client, id);
                if (report is null)
                {
                    Console.Error.WriteLine($"error: there is no job '{id}' in {session.Where}");
                    return ExitCodes.BadInput;
                }
            }

            var text = parse.GetValue(format) == "json"
                ? JsonSerializer.Serialize(report, ScaleJson.Options) + Environment.NewLine
                : ScalingReportHtml.Render(report);
            if (parse.GetValue(output) is not { } path)
            {
                await Console.Out.WriteAsync(text);
                return ExitCodes.Success;
            }

            try
            {
                await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot write the report to '{path}': {e.Message}");
                return ExitCodes.BadInput;
            }

            Console.Error.WriteLine($"report of job {id} ({report.Status.ToString().ToLowerInvariant()}, {report.Timeline.Count} samples, " +
                                    $"{report.Decisions.Count} decisions) written to {Path.GetFullPath(path)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
