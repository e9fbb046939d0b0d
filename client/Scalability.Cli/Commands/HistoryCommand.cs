using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Scalability.Client;
using Scalability.GrainInterfaces.History;
using Scalability.Grains.History;
using Scalability.GrainInterfaces;
using Scalability.Silo;
using Scalability.Silo.Storage;

namespace Scalability.Cli.Commands;

/// <summary>
/// <c>scale history</c>: the completed runs that the estimates of later jobs rest on, by processor, and
/// <c>--forget &lt;processor&gt;</c> to plan a processor afresh (after an upgrade, or a run that was not typical).
/// </summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var forget = new Option<string?>("--forget")
        {
            Description = "Forget the runs of this processor (its key as listed: local, llm:<model>, plugin:<file>, …).",
        };
        var cluster = CommonOptions.Cluster();
        var state = CommonOptions.StateFolder();
        var storage = CommonOptions.Storage();
        var json = CommonOptions.Json();
        var command = new Command("history", "List the completed runs that estimates are planned from, or forget a processor's.")
        {
            forget, cluster, state, storage, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            ClusterAddress? address;
            DatabaseTarget database;
            try
            {
                address = CommonOptions.ParseCluster(parse.GetValue(cluster));
                database = CommonOptions.ParseStorage(parse.GetValue(storage), parse.GetValue(state)!);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }

            var processor = parse.GetValue(forget);
            if (address is null && database is SqliteDatabase sqlite && !File.Exists(sqlite.Path))
            {
                // Opening a state file that is not there would create it, to say that nothing was run.
                return Print(Path.GetFullPath(sqlite.Path), new Dictionary<string, RunRecord[]>(), processor, parse.GetValue(json));
            }

            var (session, exitCode) = await ClusterSession.TryOpenAsync(address, database, workers: 1, acceptsJob: _ => false, verbose: false, cancellationToken);
            if (session is null)
            {
                return exitCode;
            }

            await using (session)
            {
                var client = new ScalabilityClient(session.Client);
                var runs = await client.GetRunHistoryAsync();
                if (processor is not null && runs.ContainsKey(processor))
                {
                    var forgotten = await client.ForgetRunHistoryAsync(processor);
                    Console.Out.WriteLine(parse.GetValue(json)
                        ? JsonSerializer.Serialize(new { where = session.Where, processor, forgottenRuns = forgotten }, ScaleJson.Options)
                        : string.Create(CultureInfo.InvariantCulture, $"forgot {forgotten:N0} run{(forgotten == 1 ? "" : "s")} of '{processor}' in {session.Where}; its next jobs are planned afresh"));
                    return ExitCodes.Success;
                }

                return Print(session.Where, runs, processor, parse.GetValue(json));
            }
        });
        return command;
    }

    /// <summary>The listing, or for a processor to forget that has no runs, the refusal that names those that have.</summary>
    private static int Print(string where, Dictionary<string, RunRecord[]> runs, string? forget, bool json)
    {
        if (forget is not null)
        {
            var known = runs.Count == 0 ? "there are none" : "those with runs: " + string.Join(", ", runs.Keys.Order(StringComparer.Ordinal));
            Console.Error.WriteLine($"error: --forget '{forget}': there are no runs of that processor in {where}; {known}");
            return ExitCodes.BadInput;
        }

        var listed = runs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Describe(p.Key, p.Value)).ToArray();
        Console.Out.WriteLine(json
            ? JsonSerializer.Serialize(new { where, processors = listed }, ScaleJson.Options)
            : Text(where, listed));
        return ExitCodes.Success;
    }

    /// <summary>What a processor's runs give the planner.</summary>
    private sealed record ProcessorHistory(
        string Processor, bool LocalEndpoint, int PlannedFrom, double? TicketsPerSecondPerWorker, int? MemoryMbPerWorker,
        decimal? CostPerTicketUsd, string? Note, RunRecord[] Runs);

    private static ProcessorHistory Describe(string processor, RunRecord[] runs)
    {
        var used = RunHistory.Used(runs);
        var profile = RunHistory.Profile(runs);
        var note = used.Count > 0 ? null
            : runs.Length == 0 ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"not planned from: no run of the latest {RunHistory.RunsUsed} has {RunHistory.MinRowsToPlanAlone:N0} tickets and {RunHistory.MinSecondsToPlanAlone:0} s or more, and smaller runs count only beside one that has");
        return new ProcessorHistory(
            processor, processor.EndsWith(RunHistory.LocalEndpointTag, StringComparison.Ordinal), used.Count,
            profile is null ? null : Math.Round(profile.TicketsPerSecondPerWorker, 1), profile?.MemoryMbPerWorker, profile?.ProcessorCostPerTicketUsd,
            note, runs);
    }

    private static string Text(string where, IReadOnlyList<ProcessorHistory> processors)
    {
        if (processors.Count == 0)
        {
            return $"no completed runs in {where}: the next jobs are planned without history";
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"completed runs in {where}, which the estimates of later jobs rest on:");
        foreach (var p in processors)
        {
            var last = p.Runs[^1];
            text.AppendLine().AppendLine()
                .Append(CultureInfo.InvariantCulture, $"  {p.Processor}: {p.Runs.Length:N0} run{(p.Runs.Length == 1 ? "" : "s")}, the latest {last.FinishedUtc:yyyy-MM-dd HH:mm} UTC ({last.Rows:N0} tickets in {last.DurationSeconds:0.#} s)");
            if (p.LocalEndpoint)
            {
                text.AppendLine().Append("    an endpoint on this machine (a simulator or a local model server): never used to plan a provider's endpoint");
            }

            text.AppendLine().Append(p.Note is { } note
                ? $"    {note}"
                : string.Create(CultureInfo.InvariantCulture, $"    planned from the latest {p.PlannedFrom:N0}: {p.TicketsPerSecondPerWorker:N1} tickets/s a busy worker, {p.MemoryMbPerWorker:N0} MB a worker{(p.CostPerTicketUsd is { } cost ? $", ${cost:0.########} a ticket" : "")}"));
        }

        return text.AppendLine().AppendLine().Append("forget a processor's runs with: scale history --forget <processor>").ToString();
    }
}
