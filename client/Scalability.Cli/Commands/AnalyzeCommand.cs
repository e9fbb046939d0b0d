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
        var workers = new Option<int?>("--workers") { Description = "Project this many workers (default: one per core for the local processor, else the reference profile's)." };
        var memoryPerWorker = new Option<int?>("--memory-per-worker") { Description = "Project this much memory per worker, in MB (default: the reference profile's)." };
        var mode = new Option<string>("--mode")
        {
            Description = "Project this AutoScaler mode: balanced, speed_optimized, memory_optimized or cost_optimized.",
            DefaultValueFactory = _ => "balanced",
        };
        var calibrate = new Option<bool?>("--calibrate")
        {
            Description = "Run the local processor's chunk path on a sample of the input (a few seconds) and plan from what it measured " +
                          "(default: when no earlier run of the processor can plan it; --calibrate false to plan from the reference instead).",
        };
        var planning = new PlanningOptions();
        var cluster = CommonOptions.Cluster();
        cluster.Description = "Ask a running cluster's cost model, which plans from the cluster's completed runs of the processor.";
        var state = CommonOptions.StateFolder();
        state.Description = "Plan from the completed runs kept in this embedded state folder (default: .scale, when it exists).";
        var command = new Command("analyze",
            "Count rows and columns, detect the id and text columns, recommend a resource profile, and project cost, time and memory.")
        {
            csv, json, chunkSize, idColumn, textColumns, workers, memoryPerWorker, mode, calibrate, cluster, state,
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
            parse.GetValue(calibrate),
            parse.GetValue(json),
            cancellationToken), cancellationToken));
        return command;
    }

    private static async Task<int> Run(
        ParseResult parse, PlanningOptions planning, (string? Cluster, string StateFolder) history, string path, int? chunkSize, string? idColumn, string[]? textColumns,
        (int? Workers, int? MemoryMb, string Mode) configured, bool? calibrate, bool json, CancellationToken cancellationToken)
    {
        if (CommonOptions.CheckChunkSize(chunkSize) is { } usage)
        {
            Console.Error.WriteLine($"error: {usage}");
            return ExitCodes.BadInput;
        }

        DatasetAnalysis analysis;
        CostAnalysis cost;
        PlanningRequest request;
        Calibration? calibration = null;
        ClusterSession? session = null;
        try
        {
            analysis = DatasetAnalyzer.Analyze(path, chunkSize ?? ChunkSizing.Auto, idColumn, textColumns, ResourceProfiles.Default, cancellationToken);
            var limits = planning.Limits(parse);
            request = planning.Request(parse, path, 0, idColumn, textColumns, cancellationToken) with { System = SystemProfiler.Current() };
            if (calibrate == true && !request.Workload.IsLocal)
            {
                throw new ArgumentException($"--calibrate runs the local processor; the {request.Workload.Processor} processor is planned from its own runs " +
                                            "(and the llm processor from its tokens and prices)");
            }

            var configuration = Configuration(analysis, configured, request);
            session = await OpenHistoryAsync(history, cancellationToken);
            var client = session is null ? null : new ScalabilityClient(session.Client);
            var measured = client is null
                ? null
                : await client.GetRunProfileAsync(Grains.History.RunHistory.ProcessorKey(request.Workload), request.Dataset.Rows, request.Dataset.Bytes);
            if (configured.Workers is null && request.Workload.IsLocal && measured is { MeanBusyWorkers: > 0 } runs)
            {
                // What a run does: as many workers as the AutoScaler kept busy in the runs.
                configuration = configuration with { Workers = Grains.History.RunHistory.WorkersKeptBusy(runs.MeanBusyWorkers) };
            }

            if (request.Workload.IsLocal && (calibrate == true || (calibrate is null && measured is null)))
            {
                var workers = Math.Max(1, Math.Min(configured.Workers ?? request.System!.Cores, analysis.Chunks));
                Console.Error.WriteLine(measured is null
                    ? $"calibrating: no earlier run of the {request.Workload.Processor} processor plans this input, so a sample of it runs through the chunk path on {CostProjector.Workers(workers)} (a few seconds; --calibrate false to skip)"
                    : $"calibrating: a sample of the input runs through the chunk path on {CostProjector.Workers(workers)} (a few seconds)");
                calibration = await CalibrationRun.MeasureAsync(
                    path, ColumnMapper.Map(path, ColumnSample.Read(path), idColumn, textColumns, keepColumns: null), GrainInterfaces.Processing.ProcessorSpec.Local,
                    workers, CalibrationRun.DefaultSampleRows, PlanningAssumptions.Default, cancellationToken);
                request = request with { Measured = calibration.Profile };
            }

            cost = client is not null
                ? await client.AnalyzeCostAsync(request, limits, configuration)
                : CostAnalyzer.Analyze(new CostProjector(Grains.Costing.PlanningInputs.Complete(request)), configuration, limits);
        }
        catch (Exception e) when (e is InputException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }

        if (json)
        {
            var node = JsonSerializer.SerializeToNode(analysis, ScaleJson.Options)!.AsObject();
            node["calibration"] = calibration is null ? null : JsonSerializer.SerializeToNode(calibration, ScaleJson.Options);
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
        var lines = new List<string> { text };
        if (calibration is { Profile: var calibrated })
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  calibration  {calibrated.SampleRows:N0} rows in {calibration.Chunks} chunks on {CostProjector.Workers(calibration.Workers)}, {calibration.Seconds:0.0} s: " +
                $"{calibrated.TicketsPerSecondPerWorker:N0} tickets/s per worker, scan {calibrated.PlanBytesPerSecond / 1e6:0.#} MB/s, peak {calibrated.PeakMemoryMb:N0} MB"));
        }

        lines.AddRange(
        [
            $"  cost analysis ({CostText.Workload(request)}; {CostText.Configuration(projection.Configuration)})",
            $"    cost range   {CostText.Usd(projection.CostLowUsd)}–{CostText.Usd(projection.CostHighUsd)}",
            $"    optimal      {CostText.PerTicket(cost.OptimalCostPerTicketUsd)} per ticket (the cheapest configuration this machine can run)",
        ]);
        lines.AddRange(CostText.Projection(projection, analysis.Rows, "    "));
        lines.AddRange(CostText.Assumptions(projection, "      "));
        lines.Add($"  recommendation ({CostText.Limits(cost.Recommendation.Limits, parse.GetResult(planning.MemoryLimit) is not null)})");
        lines.AddRange(CostText.Optimization(cost.Recommendation, analysis.Rows, "    "));
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
        return ExitCodes.Success;
    }

    /// <summary>
    /// A session on the cost model that knows completed runs: the cluster's, or an embedded silo's over the state folder
    /// when it holds job state. Null when there is neither, and the analysis is made here.
    /// </summary>
    private static async Task<ClusterSession?> OpenHistoryAsync((string? Cluster, string StateFolder) history, CancellationToken cancellationToken)
    {
        if (history.Cluster is null && !File.Exists(Silo.EmbeddedSiloOptions.StateDatabase(history.StateFolder).Path))
        {
            return null;
        }

        var opened = await ClusterSession.OpenToReadAsync(history.Cluster, null, history.StateFolder, "history", cancellationToken);
        return opened.Session ?? throw new ArgumentException("the cost model could not be reached (see above)");
    }

    /// <summary>
    /// The configuration to project: the options given, else what a run starts with: the local processor one worker
    /// per core (it is CPU-bound), the others the reference profile's workers; memory and the chunk size from the
    /// reference profile and the planner.
    /// </summary>
    private static RunConfiguration Configuration(DatasetAnalysis analysis, (int? Workers, int? MemoryMb, string Mode) configured, PlanningRequest request)
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
            configured.Workers ?? (request.Workload.IsLocal ? request.System?.Cores ?? Environment.ProcessorCount : analysis.Profile.Workers),
            configured.MemoryMb ?? analysis.Profile.MemoryMbPerWorker,
            mode,
            analysis.ChunkSize);
    }
}
