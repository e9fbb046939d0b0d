using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scalability.Client;
using Scalability.GrainInterfaces;
using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.Datasets;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Costing;
using Scalability.Grains.Ingest;
using Scalability.Grains.Scaling.Policy;

namespace Scalability.Cli.Commands;

/// <summary>
/// <c>scale analyze</c>: what a dataset holds and what running it takes, before running it: the planning scan, the
/// reference profile, and the comprehensive cost analysis (the projection of a configuration with its cost range and
/// assumptions, the optimal cost per ticket, and a recommended configuration), planned on this machine's resources.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var csv = CommonOptions.Csv();
        var json = CommonOptions.Json();
        var chunkSize = CommonOptions.ChunkSize();
        var idColumn = CommonOptions.IdColumn();
        var textColumns = CommonOptions.Columns("--text-columns", "The columns to read as ticket text (detected when left out).");
        var workers = new Option<int?>("--workers") { Description = "Project this many workers (default: the reference profile's)." };
        var memoryPerWorker = new Option<int?>("--memory-per-worker") { Description = "Project this much memory per worker, in MB (default: the reference profile's)." };
        var mode = new Option<string>("--mode")
        {
            Description = "Project this AutoScaler mode: balanced, speed_optimized, memory_optimized or cost_optimized.",
            DefaultValueFactory = _ => "balanced",
        };
        var planning = new PlanningOptions();
        var cluster = CommonOptions.Cluster();
        cluster.Description = "Ask a running cluster's cost model, which plans from the cluster's completed runs of the processor.";
        var state = CommonOptions.StateFolder();
        state.Description = "Plan from the completed runs kept in this embedded state folder (default: .scale, when it exists).";
        var command = new Command("analyze",
            "Count rows and columns, detect the id and text columns, recommend a resource profile, and project cost, time and memory.")
        {
            csv, json, chunkSize, idColumn, textColumns, workers, memoryPerWorker, mode, cluster, state,
        };
        foreach (var option in planning.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => Task.Run(() => Run(
            parse,
            planning,
            (parse.GetValue(cluster), parse.GetValue(state)!),
            Path.GetFullPath(parse.GetValue(csv)!),
            parse.GetValue(chunkSize),
            parse.GetValue(idColumn),
            CommonOptions.SplitColumns(parse.GetValue(textColumns)),
            (parse.GetValue(workers), parse.GetValue(memoryPerWorker), parse.GetValue(mode)!),
            parse.GetValue(json),
            cancellationToken), cancellationToken));
        return command;
    }

    private static async Task<int> Run(
        ParseResult parse, PlanningOptions planning, (string? Cluster, string StateFolder) history, string path, int? chunkSize, string? idColumn, string[]? textColumns,
        (int? Workers, int? MemoryMb, string Mode) configured, bool json, CancellationToken cancellationToken)
    {
        if (CommonOptions.CheckChunkSize(chunkSize) is { } usage)
        {
            Console.Error.WriteLine($"error: {usage}");
            return ExitCodes.BadInput;
        }

        DatasetAnalysis analysis;
        CostAnalysis cost;
        PlanningRequest request;
        try
        {
            analysis = DatasetAnalyzer.Analyze(path, chunkSize ?? ChunkSizing.Auto, idColumn, textColumns, ResourceProfiles.Default, cancellationToken);
            var limits = planning.Limits(parse);
            request = planning.Request(parse, path, 0, idColumn, textColumns, cancellationToken) with { System = SystemProfiler.Current() };
            cost = await AnalyzeCostAsync(request, Configuration(analysis, configured), limits, history, cancellationToken)
                   ?? CostAnalyzer.Analyze(new CostProjector(request), Configuration(analysis, configured), limits);
        }
        catch (Exception e) when (e is InputException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (json)
        {
            var node = JsonSerializer.SerializeToNode(analysis, ScaleJson.Options)!.AsObject();
            node["costAnalysis"] = JsonSerializer.SerializeToNode(cost, ScaleJson.Options);
            node["tokens"] = request.Tokens is null ? null : JsonSerializer.SerializeToNode(request.Tokens, ScaleJson.Options);
            Console.Out.WriteLine(node.ToJsonString(ScaleJson.Options));
            return ExitCodes.Success;
        }

        var profile = analysis.Profile;
        var range = profile.MaxRows is null ? $"{profile.MinRows:N0}+ rows" : $"{profile.MinRows:N0}–{profile.MaxRows:N0} rows";
        var text = string.Join(Environment.NewLine, [
            analysis.Path,
            $"  rows         {analysis.Rows:N0}",
            $"  size         {Format.Bytes(analysis.Bytes)}",
            $"  columns      {analysis.Columns.Length}: {string.Join(", ", analysis.Columns)}",
            $"  id column    {(analysis.IdChoice is { } idChoice ? ColumnText.Choice(idChoice, quoted: false) : analysis.IdColumn ?? "(none: rows are numbered)")}",
            $"  text columns {(analysis.TextChoices is { Length: > 0 } textChoices ? ColumnText.Choices(textChoices, quoted: false) : string.Join(", ", analysis.TextColumns))}",
            .. ColumnText.NotRead(analysis.NotRead, "  not read     ", quoted: false),
            $"  column kinds (from the first {analysis.SampledRecords:N0} records)",
            .. (analysis.ColumnKinds ?? []).Select(c => $"    {c.Column}: {c.Description}"),
            $"  chunks       {analysis.Chunks:N0} of up to {analysis.ChunkSize:N0} rows",
            // The seed's table, labelled as what it is: the projection below, not this, is the estimate of a run.
            $"  reference profile (for LLM-class processing; not an estimate of a run, which the cost analysis below is)",
            $"    profile    {profile.Name} ({range}): {profile.Workers} workers × {profile.MemoryMbPerWorker} MB, " +
            $"${profile.CostPerTicketUsd.ToString("0.000", CultureInfo.InvariantCulture)}/ticket, ~{Format.Minutes(profile.EstimatedDurationMinutes)}",
            $"    its cost   ${analysis.EstimatedCostUsd.ToString("N2", CultureInfo.InvariantCulture)} (its cost per ticket times the rows)",
        ]);
        var projection = cost.Projection;
        var lines = new List<string>
        {
            text,
            $"  cost analysis ({CostText.Workload(request)}; {CostText.Configuration(projection.Configuration)})",
            $"    cost range   {CostText.Usd(projection.CostLowUsd)}–{CostText.Usd(projection.CostHighUsd)}",
            $"    optimal      {CostText.PerTicket(cost.OptimalCostPerTicketUsd)} per ticket (the cheapest configuration this machine can run)",
        };
        lines.AddRange(CostText.Projection(projection, analysis.Rows, "    "));
        lines.AddRange(CostText.Assumptions(projection, "      "));
        lines.Add($"  recommendation ({CostText.Limits(cost.Recommendation.Limits, parse.GetResult(planning.MemoryLimit) is not null)})");
        lines.AddRange(CostText.Optimization(cost.Recommendation, analysis.Rows, "    "));
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
        return ExitCodes.Success;
    }

    /// <summary>The configuration to project: the options given, the rest from the reference profile and the planner.</summary>
    /// <summary>
    /// The cost analysis by a cost model that knows completed runs: the cluster's, or an embedded silo's over the state
    /// folder when it holds job state. Null when there is neither, and the analysis is made here from the references.
    /// </summary>
    private static async Task<CostAnalysis?> AnalyzeCostAsync(
        PlanningRequest request, RunConfiguration configuration, PlanningLimits limits, (string? Cluster, string StateFolder) history,
        CancellationToken cancellationToken)
    {
        if (history.Cluster is null && !File.Exists(Silo.EmbeddedSiloOptions.StateDatabase(history.StateFolder).Path))
        {
            return null;
        }

        var opened = await ClusterSession.OpenToReadAsync(history.Cluster, null, history.StateFolder, "history", cancellationToken);
        if (opened.Session is not { } session)
        {
            throw new ArgumentException("the cost model could not be reached (see above)");
        }

        await using (session)
        {
            return await new ScalabilityClient(session.Client).AnalyzeCostAsync(request, limits, configuration);
        }
    }

    private static RunConfiguration Configuration(DatasetAnalysis analysis, (int? Workers, int? MemoryMb, string Mode) configured)
    {
        if (!TargetModes.TryParse(configured.Mode, out var mode))
        {
            throw new ArgumentException($"--mode: '{configured.Mode}' is not one of balanced, speed_optimized, memory_optimized, cost_optimized");
        }

        if (configured.Workers is < 1 || configured.MemoryMb is < 1)
        {
            throw new ArgumentException("--workers and --memory-per-worker must be at least 1");
        }

        return new RunConfiguration(
            configured.Workers ?? analysis.Profile.Workers,
            configured.MemoryMb ?? analysis.Profile.MemoryMbPerWorker,
            mode,
            analysis.ChunkSize);
    }
}
