using System.Globalization;
using Scalability.GrainInterfaces.Costing;
using Scalability.Grains.Scaling.Policy;

namespace Scalability.Grains.Costing;

/// <summary>
/// Projects what a configuration costs and takes for a dataset: the comprehensive analysis of one configuration. Built
/// once per request (the throughput model and the processor's cost per ticket depend only on it), then asked about
/// any number of configurations, which is what the optimizer does.
/// <para>
/// The model, per configuration: the busy workers are the configured ones, but no more than the chunks (a worker runs
/// one chunk at a time) nor than the throughput model's useful number. The run takes the start-up and the planning
/// scan, the ramp of the AutoScaler, the tickets at the busy workers' throughput, the commits of the chunks, and half
/// a chunk's time at the end while the last chunks finish. Workers and their memory are paid for the whole run (a
/// mode that releases idle workers does not pay for the end); the processor's own cost (tokens) is per ticket.
/// </para>
/// </summary>
public sealed class CostProjector
{
    private readonly PlanningRequest _request;
    private readonly PriceTable _prices;
    private readonly PlanningAssumptions _assumptions;
    private readonly double _controlIntervalSeconds;
    private readonly (decimal Mean, decimal Low, decimal High) _processorCostPerTicket;
    private readonly string? _processorAssumption;
    private readonly double _sentShare;

    public CostProjector(
        PlanningRequest request, PriceTable? prices = null, ResourceProfiles? profiles = null, PlanningAssumptions? assumptions = null,
        double controlIntervalSeconds = 2)
    {
        if (request.Dataset.Rows < 0 || request.Dataset.Bytes < 0)
        {
            throw new ArgumentException($"the dataset's rows and bytes must not be negative (got {request.Dataset.Rows} and {request.Dataset.Bytes})");
        }

        _request = request;
        _prices = WithOverrides(prices ?? PriceTable.Default, request);
        _assumptions = assumptions ?? PlanningAssumptions.Default;
        _controlIntervalSeconds = controlIntervalSeconds;
        System = request.System ?? SystemProfiler.Current();
        Profiles = profiles ?? ResourceProfiles.Default;
        Throughput = ThroughputModel.For(request, Profiles, _assumptions, System);
        (_processorCostPerTicket, _processorAssumption, _sentShare) = ProcessorCost(request, _prices);
    }

    public SystemProfile System { get; }

    public ResourceProfiles Profiles { get; }

    public ThroughputModel Throughput { get; }

    public PlanningRequest Request => _request;

    /// <summary>The reference profile's configuration for the dataset, in the balanced mode with the planner's chunk size.</summary>
    public RunConfiguration ReferenceConfiguration()
    {
        var profile = Profiles.For(_request.Dataset.Rows);
        return new RunConfiguration(profile.Workers, profile.MemoryMbPerWorker, GrainInterfaces.Scaling.TargetMode.Balanced,
            Ingest.ChunkSizing.For(Math.Max(1, _request.Dataset.Rows)));
    }

    /// <exception cref="ArgumentException">A configuration with no workers, memory or chunk size.</exception>
    public CostProjection Project(RunConfiguration configuration)
    {
        if (configuration.Workers < 1 || configuration.MemoryMbPerWorker < 1 || configuration.ChunkSize < 1)
        {
            throw new ArgumentException(
                $"a configuration needs at least one worker, 1 MB per worker and 1 row per chunk (got {configuration.Workers}, " +
                $"{configuration.MemoryMbPerWorker} MB and {configuration.ChunkSize})");
        }

        var dataset = _request.Dataset;
        var mode = ModeBehaviour.For(configuration.Mode, ScalingPolicyOptions.Default);
        var chunks = (int)Math.Min(int.MaxValue, (dataset.Rows + configuration.ChunkSize - 1) / configuration.ChunkSize);
        var busy = Math.Max(1, Math.Min(configuration.Workers, Math.Min(Throughput.UsefulWorkers, Math.Max(1, chunks))));
        var running = mode.HoldsAllWorkers ? configuration.Workers : busy;
        // Measured phases (the history, or a calibration run) plan a run as a job plans itself: the planning scan at
        // its measured rate, the rows at the busy workers' measured rate, and the end at its measured rate; start-up,
        // commits, the ramp and the tail are inside those rates. Without them, the reference model's figures.
        var phases = _request.Measured is { HasPhaseRates: true } m && Throughput.IsMeasured ? m : null;
        var fixedSeconds = phases is not null
            ? dataset.Bytes / phases.PlanBytesPerSecond
            : _assumptions.StartupSeconds + dataset.Bytes / _assumptions.ScanBytesPerSecond;

        var expected = Run(1);
        var fast = Run(1 + Throughput.Uncertainty);
        var slow = Run(Math.Max(0.05, 1 - Throughput.Uncertainty));
        var tickets = dataset.Rows * _sentShare;
        var processor = (decimal)tickets * _processorCostPerTicket.Mean;
        var total = expected.Compute + expected.Memory + processor;
        var low = fast.Compute + fast.Memory + (decimal)tickets * _processorCostPerTicket.Low;
        var high = slow.Compute + slow.Memory + (decimal)tickets * _processorCostPerTicket.High;
        var neededMb = MemoryNeededMb(configuration.ChunkSize);
        // A worker streams its chunk, a batch at a time: what it holds is what it needs, whatever it is given. A
        // measured peak (the silos' working set in the runs, or the calibration's) is the figure when there is one.
        var peakMb = _request.Measured is { PeakMemoryMb: > 0 } measuredMemory && Throughput.IsMeasured
            ? measuredMemory.PeakMemoryMb
            : _assumptions.SiloBaseMb + running * Math.Min(neededMb, configuration.MemoryMbPerWorker);

        return new CostProjection(
            configuration,
            running,
            Round(expected.Compute),
            Round(expected.Memory),
            Round(processor),
            Round(total),
            Round(Math.Min(low, total)),
            Round(Math.Max(high, total)),
            dataset.Rows == 0 ? 0 : Math.Round(total / dataset.Rows, 6, MidpointRounding.AwayFromZero),
            expected.Seconds / 3600,
            Math.Max(expected.Seconds, slow.Seconds) / 3600,
            peakMb / 1024,
            Assumptions(configuration, mode, busy, running, chunks, neededMb, phases, peakMb),
            Math.Ceiling(neededMb));

        (double Seconds, decimal Compute, decimal Memory) Run(double rateScale)
        {
            // Measured workers were busy the share of the time the runs kept them busy.
            var throughput = Throughput.Throughput(busy, rateScale) * (phases?.BusyShare ?? 1);
            var work = dataset.Rows == 0 ? 0 : dataset.Rows / throughput;
            double seconds, tail;
            if (phases is not null)
            {
                // The measured rates hold the commits of the product's own chunking; smaller chunks commit more often.
                var ownSize = Ingest.ChunkSizing.For(Math.Max(1, dataset.Rows),
                    _request.Workload.IsLocal ? Ingest.ChunkSizing.TargetMaxLocalChunks : Ingest.ChunkSizing.TargetMaxChunks);
                var ownChunks = (dataset.Rows + ownSize - 1) / ownSize;
                var extraCommits = Math.Max(0, chunks - ownChunks) * _assumptions.ChunkCommitSeconds / busy;
                tail = 0;
                seconds = fixedSeconds + work + extraCommits + dataset.Rows / (phases.EndRowsPerSecond * rateScale);
            }
            else
            {
                var chunkSeconds = Math.Min(configuration.ChunkSize, dataset.Rows) / (throughput / busy);
                tail = chunks > busy ? chunkSeconds / 2 : 0;
                var commits = chunks * _assumptions.ChunkCommitSeconds / busy;
                var ramp = mode.RampSeconds(busy, _controlIntervalSeconds);
                seconds = fixedSeconds + ramp + work + tail + commits;
            }

            var paidSeconds = mode.ReleasesIdleWorkers ? seconds - tail : seconds;
            var workerHours = running * paidSeconds / 3600;
            var gbHours = (running * (double)configuration.MemoryMbPerWorker * paidSeconds + _assumptions.SiloBaseMb * seconds) / 1024 / 3600;
            var (compute, memory) = _prices.Compute.Cost(workerHours, gbHours);
            return (seconds, compute, memory);
        }
    }

    /// <summary>What one worker needs for a chunk of <paramref name="chunkSize"/> rows (at least what past runs measured).</summary>
    public double MemoryNeededMb(int chunkSize)
    {
        var rows = (int)Math.Min(chunkSize, Math.Max(1, _request.Dataset.Rows));
        var needed = _assumptions.WorkerMemoryNeededMb(rows, _request.Dataset.BytesPerRow);
        return _request.Measured is { MemoryMbPerWorker: > 0 } measured && Throughput.IsMeasured ? Math.Max(needed, measured.MemoryMbPerWorker) : needed;
    }

    private string[] Assumptions(
        RunConfiguration configuration, ModeBehaviour mode, int busy, int running, int chunks, double neededMb, MeasuredProfile? phases, double peakMb)
    {
        var compute = _prices.Compute;
        var list = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"throughput: {Throughput.Source} (±{Throughput.Uncertainty * 100:0}% for the range)"),
        };
        if (Throughput.CeilingReason is { } ceiling)
        {
            list.Add(ceiling);
        }

        if (phases is not null)
        {
            var basis = phases.IsCalibration ? "the calibration run" : "the runs";
            list.Add(string.Create(CultureInfo.InvariantCulture,
                $"phases as {basis} measured them: the planning scan at {phases.PlanBytesPerSecond / 1e6:0.#} MB/s, the end (joining the parts, proposals, summary) at {phases.EndRowsPerSecond:N0} rows/s"));
        }

        list.Add($"{busy} busy {Workers(busy)[2..]} of {configuration.Workers} configured over {chunks:N0} chunk{(chunks == 1 ? "" : "s")} of up to {configuration.ChunkSize:N0} rows" +
                 (running > busy ? $"; {configuration.Mode.ToSeedName()} holds all {running} to the end and pays for the idle ones" : ""));
        list.Add(mode.ReleasesIdleWorkers
            ? $"{configuration.Mode.ToSeedName()} grows workers ×{mode.GrowthFactor:0.##} per step and releases those left idle while the last chunks finish"
            : $"{configuration.Mode.ToSeedName()} grows workers ×{mode.GrowthFactor:0.##} per step");
        if (_processorAssumption is not null)
        {
            list.Add(_processorAssumption);
        }

        list.Add(string.Create(CultureInfo.InvariantCulture,
            $"prices: ${compute.ComputeUsdPerWorkerHour:0.####} per worker-hour, ${compute.MemoryUsdPerGbHour:0.####} per GB-hour, paid for the whole run"));
        if (_request.Measured is { PeakMemoryMb: > 0 } memory && Throughput.IsMeasured)
        {
            list.Add(string.Create(CultureInfo.InvariantCulture,
                $"peak memory: {peakMb:N0} MB, the silo's working set {(memory.IsCalibration ? "the calibration run measured" : "in the runs")} (a worker streams its chunk, so memory does not grow with the rows)"));
        }

        list.Add(configuration.MemoryMbPerWorker >= neededMb
            ? $"a worker needs about {Math.Ceiling(neededMb):N0} MB for its chunk; it is given {configuration.MemoryMbPerWorker:N0} MB"
            : $"too little memory: a worker needs about {Math.Ceiling(neededMb):N0} MB for a chunk of {configuration.ChunkSize:N0} rows, and is given {configuration.MemoryMbPerWorker:N0} MB");
        return [.. list];
    }

    /// <summary>The processor's own cost per ticket sent (mean, low, high), what it rests on, and the share of tickets sent.</summary>
    private static ((decimal Mean, decimal Low, decimal High) Cost, string? Assumption, double SentShare) ProcessorCost(PlanningRequest request, PriceTable prices)
    {
        if (!request.Workload.IsLlm)
        {
            return ((0, 0, 0), null, 1);
        }

        if (request.Measured is { Runs: > 0, ProcessorCostPerTicketUsd: { } measured })
        {
            return ((measured, measured * 0.9m, measured * 1.1m),
                string.Create(CultureInfo.InvariantCulture, $"llm: ${measured:0.######} per ticket, measured over {request.Measured.Runs} run(s) (±10% for the range)"), 1);
        }

        var model = request.Workload.Model ?? throw new ArgumentException("an llm projection needs the model");
        var tokens = request.Tokens ?? throw new ArgumentException("an llm projection needs a token estimate or a measured cost per ticket");
        var price = prices.Models.Resolve(model, request.Workload.InputUsdPerMillion, request.Workload.OutputUsdPerMillion);
        decimal Cost(double tokensIn, double tokensOut) => ((decimal)tokensIn * price.InputUsdPerMillion + (decimal)tokensOut * price.OutputUsdPerMillion) / 1_000_000m;
        var blanks = tokens.BlankShare > 0 ? string.Create(CultureInfo.InvariantCulture, $", {tokens.BlankShare * 100:0.#}% blank and never sent") : "";
        var assumption = string.Create(CultureInfo.InvariantCulture,
            $"llm: {tokens.InputTokensMean:0} prompt and {tokens.OutputTokensMean:0} completion tokens per ticket (range {tokens.InputTokensLow:0}–{tokens.InputTokensHigh:0} and {tokens.OutputTokensLow:0}–{tokens.OutputTokensHigh:0}; {tokens.Encoding}, {tokens.SampleSize:N0} tickets sampled from {tokens.SampledFrom}{blanks}) at ${price.InputUsdPerMillion:0.####}/${price.OutputUsdPerMillion:0.####} per million ({model})");
        return ((Cost(tokens.InputTokensMean, tokens.OutputTokensMean), Cost(tokens.InputTokensLow, tokens.OutputTokensLow),
            Cost(tokens.InputTokensHigh, tokens.OutputTokensHigh)), assumption, 1 - tokens.BlankShare);
    }

    private static PriceTable WithOverrides(PriceTable table, PlanningRequest request) =>
        request.ComputeUsdPerWorkerHour is null && request.MemoryUsdPerGbHour is null
            ? table
            : new PriceTable(
                new ComputePrices(
                    request.ComputeUsdPerWorkerHour ?? table.Compute.ComputeUsdPerWorkerHour,
                    request.MemoryUsdPerGbHour ?? table.Compute.MemoryUsdPerGbHour),
                table.Models);

    /// <summary>"1 worker", "2 workers".</summary>
    public static string Workers(int count) => count == 1 ? "1 worker" : $"{count} workers";

    /// <summary>Dollars to the cent, or to the hundredth of a cent below one cent.</summary>
    public static string Usd(decimal usd) => usd.ToString(usd is > 0 and < 0.01m ? "$0.0000" : "$#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>To the hundredth of a cent: finer than any price here, coarse enough to read.</summary>
    private static decimal Round(decimal usd) => Math.Round(usd, 4, MidpointRounding.AwayFromZero);
}
