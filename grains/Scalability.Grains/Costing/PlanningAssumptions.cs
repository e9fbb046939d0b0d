namespace Scalability.Grains.Costing;

/// <summary>
/// The fixed figures of the projection model, named so that each appears once and is documented in docs/cost-model.md.
/// Measured where the project has measured them (docs/benchmarks.md); otherwise deliberately round.
/// </summary>
public sealed record PlanningAssumptions
{
    public static PlanningAssumptions Default { get; } = new();

    /// <summary>
    /// The local processor's tickets per second on one busy core. The pipeline benchmark processes 80,000–87,000
    /// tickets/s on this project's 2-core machine at 500,000 rows; half of the lower figure, for a core shared with
    /// the silo's own work.
    /// </summary>
    public double LocalTicketsPerSecondPerCore { get; init; } = 40_000;

    /// <summary>Starting the silo and the job before the first chunk runs.</summary>
    public double StartupSeconds { get; init; } = 5;

    /// <summary>The planning scan reads the whole input once, at about this rate.</summary>
    public double ScanBytesPerSecond { get; init; } = 100_000_000;

    /// <summary>Committing one chunk: renaming its part file and saving the chunk table.</summary>
    public double ChunkCommitSeconds { get; init; } = 0.05;

    /// <summary>A silo's own memory, apart from its workers'.</summary>
    public double SiloBaseMb { get; init; } = 256;

    /// <summary>
    /// What a silo's process holds beyond the chunk path a calibration run measures in the planning command's own
    /// process: the Orleans runtime, the job's state store and the dashboard's endpoints. Measured: an embedded
    /// <c>scale run</c> of 200,000 synthetic tickets peaked at 199 MB where the calibration's process peaked at 72 MB.
    /// </summary>
    public double SiloOverheadMb { get; init; } = 125;

    /// <summary>What a worker needs apart from its chunk: the processor and its buffers.</summary>
    public double WorkerBaseMb { get; init; } = 64;

    /// <summary>
    /// Memory a chunk takes per byte of its CSV while it is processed: the records as .NET strings (two bytes a
    /// character) plus the results written behind them.
    /// </summary>
    public double ChunkBytesInMemoryPerCsvByte { get; init; } = 3;

    /// <summary>How far throughput per worker may be off when it comes from a reference (±30%).</summary>
    public double ReferenceUncertainty { get; init; } = 0.30;

    /// <summary>
    /// How far throughput per worker may be off when a calibration run measured it (±20%): a few thousand rows of the
    /// input itself, but without the job's grains, commits and AutoScaler.
    /// </summary>
    public double CalibrationUncertainty { get; init; } = 0.20;

    /// <summary>The least uncertainty claimed, however many runs a measured profile rests on (±5%).</summary>
    public double MinimumUncertainty { get; init; } = 0.05;

    /// <summary>The uncertainty of a throughput measured in <paramref name="runs"/> runs: the reference's, shrinking as 1/√(runs + 1).</summary>
    public double MeasuredUncertainty(int runs) => Math.Max(MinimumUncertainty, ReferenceUncertainty / Math.Sqrt(Math.Max(0, runs) + 1));

    /// <summary>The memory a worker needs to hold a chunk of <paramref name="chunkSize"/> rows of <paramref name="bytesPerRow"/>.</summary>
    public double WorkerMemoryNeededMb(int chunkSize, double bytesPerRow) =>
        WorkerBaseMb + chunkSize * bytesPerRow * ChunkBytesInMemoryPerCsvByte / (1024 * 1024);
}
