using System.Globalization;
using Scalability.GrainInterfaces.Costing;

namespace Scalability.Grains.Costing;

/// <summary>
/// How many tickets per second a number of busy workers process, and where that figure comes from.
/// <para>
/// The model: each busy worker processes <see cref="PerWorker"/> tickets/s, and the total never passes
/// <see cref="Ceiling"/>. The local processor is CPU-bound: a worker is a thread that needs a core, so busy workers past
/// the silos' cores only share them and the ceiling is cores × the rate of one core. The llm processor is latency-bound:
/// a worker spends nearly all its time waiting for the endpoint, so workers add throughput in proportion until the
/// endpoint's rate limit (requests or tokens per minute, when given) is the ceiling; the silos' CPU is far from the
/// limit there (docs/benchmarks.md: 64 workers at one-second replies keep 0.08 of a core busy). A plug-in is planned
/// like the reference profiles, without a ceiling, as nothing is known of it.
/// </para>
/// </summary>
public sealed record ThroughputModel(double PerWorker, double Ceiling, double Uncertainty, string Source, string? CeilingReason)
{
    /// <summary>Whether the rate was measured (history or calibration) rather than taken from a reference.</summary>
    public bool IsMeasured { get; init; }

    /// <summary>Tickets/s of <paramref name="busyWorkers"/> busy workers.</summary>
    public double Throughput(int busyWorkers, double scale = 1) => Math.Min(busyWorkers * PerWorker, Ceiling) * scale;

    /// <summary>The fewest busy workers that reach the ceiling: more add nothing. int.MaxValue without a ceiling.</summary>
    public int UsefulWorkers =>
        double.IsPositiveInfinity(Ceiling) ? int.MaxValue : (int)Math.Min(int.MaxValue, Math.Max(1, Math.Ceiling(Ceiling / PerWorker - 1e-9)));

    public static ThroughputModel For(PlanningRequest request, ResourceProfiles profiles, PlanningAssumptions assumptions, SystemProfile system)
    {
        var workload = request.Workload;
        var measured = request.Measured is { TicketsPerSecondPerWorker: > 0 } m && (m.Runs > 0 || m.IsCalibration) ? m : null;
        double perWorker;
        double uncertainty;
        string source;
        if (measured is not null)
        {
            perWorker = measured.TicketsPerSecondPerWorker;
            uncertainty = measured.IsCalibration ? assumptions.CalibrationUncertainty : assumptions.MeasuredUncertainty(measured.Runs);
            source = measured.IsCalibration
                ? $"{Rate(perWorker)} tickets/s per worker, measured by a calibration run of the {workload.Processor} processor on {measured.SampleRows:N0} rows of this input"
                : $"{Rate(perWorker)} tickets/s per worker, measured over {Runs(measured.Runs)} of the {workload.Processor} processor";
        }
        else if (workload.IsLocal)
        {
            perWorker = assumptions.LocalTicketsPerSecondPerCore;
            uncertainty = assumptions.ReferenceUncertainty;
            source = $"{Rate(perWorker)} tickets/s per busy core for the local processor, from the pipeline benchmark (docs/benchmarks.md)";
        }
        else
        {
            var profile = profiles.For(request.Dataset.Rows);
            perWorker = ReferenceRate(profile);
            uncertainty = assumptions.ReferenceUncertainty;
            var rows = profile.MaxRows ?? profile.MinRows;
            source = $"{Rate(perWorker)} tickets/s per worker, from the reference profile '{profile.Name}' " +
                     $"({profile.Workers} workers process {rows:N0} rows in {profile.EstimatedDurationMinutes:0} minutes)";
        }

        var ceiling = double.PositiveInfinity;
        string? reason = null;
        if (workload.IsLocal)
        {
            // A rate measured with more workers than cores is a share of a core: as many workers as were measured
            // reach the measured total, and more add nothing.
            var measuredWorkers = measured is { MeanBusyWorkers: > 0 } ? History.RunHistory.WorkersKeptBusy(measured.MeanBusyWorkers) : 0;
            var useful = Math.Max(system.Cores, measuredWorkers);
            ceiling = useful * perWorker;
            reason = useful > system.Cores
                ? $"the local processor is CPU-bound: the {useful} workers measured shared the silos' {system.Cores} cores, and more add nothing"
                : $"the local processor is CPU-bound: at most {system.Cores} busy workers (the silos' cores) add throughput";
        }
        else if (workload.IsLlm)
        {
            if (workload.RequestsPerMinute is > 0 and var rpm && rpm / 60 < ceiling)
            {
                ceiling = rpm / 60;
                reason = $"the endpoint's limit of {rpm:N0} requests/min caps throughput at {Rate(ceiling)} tickets/s";
            }

            var tokensPerTicket = request.Tokens is { } t ? t.InputTokensMean + t.OutputTokensMean : 0;
            if (workload.TokensPerMinute is > 0 and var tpm && tokensPerTicket > 0 && tpm / 60 / tokensPerTicket < ceiling)
            {
                ceiling = tpm / 60 / tokensPerTicket;
                reason = $"the endpoint's limit of {tpm:N0} tokens/min caps throughput at {Rate(ceiling)} tickets/s";
            }

            reason ??= "the llm processor is latency-bound: throughput grows with workers (no rate limit given)";
        }

        return new ThroughputModel(perWorker, ceiling, uncertainty, source, reason) { IsMeasured = measured is not null };
    }

    /// <summary>
    /// A reference profile promises its duration for every dataset in its size range, so it must hold at the top of
    /// the range; an open-ended range only covers its lower end for sure.
    /// </summary>
    public static double ReferenceRate(GrainInterfaces.Datasets.ResourceProfile profile) =>
        (profile.MaxRows ?? profile.MinRows) / (profile.Workers * profile.EstimatedDurationMinutes * 60);

    private static string Rate(double value) => value.ToString(value >= 100 ? "N0" : "0.###", CultureInfo.InvariantCulture);

    private static string Runs(int runs) => runs == 1 ? "1 run" : $"{runs} runs";
}
