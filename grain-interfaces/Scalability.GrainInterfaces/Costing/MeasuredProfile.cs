namespace Scalability.GrainInterfaces.Costing;

/// <summary>
/// What a processor was measured to do, to plan from instead of the reference profiles: the finished runs of the
/// history (<see cref="Runs"/> of them, weighted towards those most like the dataset planned), or a calibration run of
/// the real chunk path on a sample of the input (<see cref="Basis"/> <see cref="FromCalibration"/>, no runs).
/// </summary>
/// <param name="TicketsPerSecondPerWorker">Tickets per second that one busy worker processed.</param>
/// <param name="MemoryMbPerWorker">Peak working memory per busy worker, in MB.</param>
/// <param name="ProcessorCostPerTicketUsd">What the processor itself cost per ticket (tokens for the llm processor,
/// retries and repairs included), without compute and memory; null when not measured.</param>
/// <param name="Runs">How many runs the figures rest on; the projection's range narrows as they grow.</param>
/// <param name="PlanBytesPerSecond">The planning scan's rate over the input, in bytes per second; 0 when not measured.</param>
/// <param name="EndRowsPerSecond">What follows the last commit (joining the parts, proposing categories, the summary),
/// in rows of the job per second; 0 when not measured.</param>
/// <param name="PeakMemoryMb">The silo's working set while the rows ran, in MB; 0 when not measured.</param>
/// <param name="Basis"><see cref="FromHistory"/> or <see cref="FromCalibration"/>.</param>
/// <param name="SampleRows">The rows a calibration ran; 0 for the history.</param>
/// <param name="BusyShare">The share of its workers a run kept busy while its chunks ran (the AutoScaler's ramp and
/// the last chunks' tail leave some idle): the runs' mean busy workers over the workers that kept them busy; 1 when not measured.</param>
/// <param name="MeanBusyWorkers">The workers busy on average in the runs (a calibration: the workers it ran); 0 when not measured.</param>
[GenerateSerializer, Immutable, Alias("MeasuredProfile")]
public sealed record MeasuredProfile(
    [property: Id(0)] double TicketsPerSecondPerWorker,
    [property: Id(1)] int MemoryMbPerWorker,
    [property: Id(2)] decimal? ProcessorCostPerTicketUsd,
    [property: Id(3)] int Runs,
    [property: Id(4)] double PlanBytesPerSecond = 0,
    [property: Id(5)] double EndRowsPerSecond = 0,
    [property: Id(6)] double PeakMemoryMb = 0,
    [property: Id(7)] string Basis = MeasuredProfile.FromHistory,
    [property: Id(8)] long SampleRows = 0,
    [property: Id(9)] double BusyShare = 1,
    [property: Id(10)] double MeanBusyWorkers = 0)
{
    public const string FromHistory = "history";
    public const string FromCalibration = "calibration";

    /// <summary>Whether the figures come from a calibration run rather than finished jobs.</summary>
    public bool IsCalibration => Basis == FromCalibration;

    /// <summary>Whether the job's phases were measured (planning and the end), so that a duration follows from the
    /// rates alone, as a job estimates its own.</summary>
    public bool HasPhaseRates => PlanBytesPerSecond > 0 && EndRowsPerSecond > 0;
}
