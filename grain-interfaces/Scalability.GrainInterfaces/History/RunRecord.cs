namespace Scalability.GrainInterfaces.History;

/// <summary>
/// What one completed job measured, for the estimates of the jobs after it. Its phases: planning (submission to the
/// first lease), processing (to the last commit), and joining the parts.
/// </summary>
/// <param name="Processor">The processor's key: <c>local</c>, <c>llm:&lt;model&gt;</c>, <c>plugin:&lt;file&gt;</c> or a plug-in's kind.</param>
/// <param name="BusyWorkerSeconds">The committed chunks' processing time added up: the worker-seconds the rows took.</param>
/// <param name="MemoryMbPerWorker">The silos' working set over their workers when the job finished, in MB.</param>
/// <param name="ProcessorCostUsd">What the processor billed for the committed chunks.</param>
/// <param name="EstimatedCostUsd">The cost estimated before the run, when one was made.</param>
/// <param name="EstimatedDurationSeconds">The duration estimated before the run, when one was made.</param>
/// <param name="WorkingSetMb">The silos' working set when the job finished, in MB; 0 in runs recorded before it was kept.</param>
[GenerateSerializer, Immutable, Alias("RunRecord")]
public sealed record RunRecord(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Processor,
    [property: Id(2)] DateTime FinishedUtc,
    [property: Id(3)] long Rows,
    [property: Id(4)] long Bytes,
    [property: Id(5)] double PlanSeconds,
    [property: Id(6)] double ProcessSeconds,
    [property: Id(7)] double AssembleSeconds,
    [property: Id(8)] double BusyWorkerSeconds,
    [property: Id(9)] int MemoryMbPerWorker,
    [property: Id(10)] decimal ProcessorCostUsd,
    [property: Id(11)] decimal? EstimatedCostUsd,
    [property: Id(12)] double? EstimatedDurationSeconds,
    [property: Id(13)] double WorkingSetMb = 0)
{
    public double DurationSeconds => PlanSeconds + ProcessSeconds + AssembleSeconds;

    /// <summary>Tickets per second of one busy worker.</summary>
    public double TicketsPerSecondPerWorker => BusyWorkerSeconds > 0 ? Rows / BusyWorkerSeconds : 0;

    /// <summary>Bytes of input per row.</summary>
    public double BytesPerRow => Rows > 0 ? (double)Bytes / Rows : 0;

    /// <summary>Workers busy on average while the chunks ran.</summary>
    public double MeanBusyWorkers => ProcessSeconds > 0 ? BusyWorkerSeconds / ProcessSeconds : 0;
}
