using System.CommandLine;
using System.Text.Json;
using Scalability.Client;
using Scalability.GrainInterfaces;
using Scalability.GrainInterfaces.Costing;
using Scalability.Grains.Costing;
using Scalability.Grains.Ingest;

namespace Scalability.Cli.Commands;

/// <summary>
/// <c>scale optimize</c>: the cheapest configuration (workers, memory per worker, mode, chunk size) that meets a budget,
/// a time limit and a memory limit, for a CSV or a number of tickets. Planned here on this machine's resources, like
/// <c>scale analyze</c>; with <c>--cluster</c>, by the cluster's cost model on its silo's resources.
/// Exit codes: 0 a configuration fits, 3 none does (the answer says what to change), 2 bad usage or input.
/// </summary>
internal static class OptimizeCommand
{
    public static Command Create()
    {
        var tickets = new Option<long?>("--tickets") { Description = "Plan for this many tickets like the synthetic generator's, without an input." };
        var input = new Option<string?>("--input") { Description = "Plan for this CSV of tickets (sampled with the job's own reader)." };
        var idColumn = CommonOptions.IdColumn();
        var textColumns = CommonOptions.Columns("--text-columns", "The columns to read as ticket text (detected when left out).");
        var cluster = CommonOptions.Cluster();
        var json = CommonOptions.Json();
        var planning = new PlanningOptions();
        var command = new Command("optimize",
            "Find the cheapest configuration that meets --budget, --time-limit and --memory-limit, or say which limits to change.")
        {
            tickets, input, idColumn, textColumns, cluster, json,
        };
        foreach (var option in planning.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(tickets);
            var path = parse.GetValue(input);
            if ((count is null) == (path is null) || count is < 1)
            {
                Console.Error.WriteLine(count is < 1
                    ? $"error: --tickets must be at least 1 (got {count})"
                    : "error: give either --tickets <count> or --input <csv>");
                return ExitCodes.BadInput;
            }

            PlanningRequest request;
            PlanningLimits limits;
            try
            {
                limits = planning.Limits(parse);
                request = await Task.Run(() => planning.Request(parse, path is null ? null : Path.GetFullPath(path), count ?? 0,
                    parse.GetValue(idColumn), CommonOptions.SplitColumns(parse.GetValue(textColumns)), cancellationToken), cancellationToken);
            }
            catch (Exception e) when (e is ArgumentException or InputException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }

            OptimizationResult result;
            var address = parse.GetValue(cluster);
            if (address is null)
            {
                result = await Task.Run(() => new CostOptimizer(new CostProjector(request with { System = SystemProfiler.Current() })).Optimize(limits), cancellationToken);
            }
            else
            {
                await using var connection = await ScaleCommand.ConnectAsync(address, cancellationToken);
                if (connection is null)
                {
                    return ExitCodes.BadInput;
                }

                result = await new ScalabilityClient(connection.Client).OptimizeAsync(request, limits);
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { request.Dataset, request.Workload, request.Tokens, result }, ScaleJson.Options));
            }
            else
            {
                var heading = $"optimize {request.Dataset.Rows:N0} tickets ({CostText.Workload(request)}) within {CostText.Limits(result.Limits, limits.MemoryLimitGb is not null)}";
                var lines = CostText.Optimization(result, request.Dataset.Rows, "  ").Prepend(heading);
                if (result.Best is { } best)
                {
                    lines = lines.Concat(CostText.Assumptions(best, "    "));
                }

                Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
            }

            return result.Feasible ? ExitCodes.Success : ExitCodes.Infeasible;
        });
        return command;
    }
}
