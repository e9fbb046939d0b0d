namespace Scalability.Benchmarks;

/// <summary>Everything one benchmark run found: per size, both modes side by side; the machine; the promises.</summary>
/// <param name="RssRatioLargestToSmallest">The pipeline's peak RSS at the largest size over that at the smallest.</param>
/// <param name="ThroughputRatioAtLargest">The pipeline's tickets/s over the baseline's, at the largest size.</param>
internal sealed record BenchmarkReport(
    IReadOnlyList<SizeRun> Runs,
    MachineInfo Machine,
    BenchmarkSettings Settings,
    double? RssRatioLargestToSmallest,
    double? ThroughputRatioAtLargest,
    Promises Promises);

/// <summary>
/// Both modes on one input size. Tickets/s and seconds are from each mode's fastest run; peak RSS is the largest of
/// its runs, since the promise about it is an upper bound.
/// </summary>
/// <param name="Ratio">Pipeline tickets/s over baseline tickets/s.</param>
/// <param name="OutputsIdentical">Whether the two outputs have the same bytes (they should: same processor and layout).</param>
/// <param name="Pipeline">The pipeline's fastest run, as its process reported it.</param>
/// <param name="Baseline">The baseline's fastest run, as its process reported it.</param>
/// <param name="Chunks">With <c>--diagnose</c>: the fastest run of the product's chunk path without Orleans.</param>
internal sealed record SizeRun(
    long Rows,
    double InputMb,
    double PipelineTicketsPerSecond,
    double BaselineTicketsPerSecond,
    double PipelinePeakRssMb,
    double BaselinePeakRssMb,
    double Ratio,
    double PipelineSeconds,
    double BaselineSeconds,
    double PipelineWallSeconds,
    double BaselineWallSeconds,
    long OutputRows,
    bool OutputsIdentical,
    IReadOnlyList<double> PipelineTicketsPerSecondAllRuns,
    IReadOnlyList<double> BaselineTicketsPerSecondAllRuns,
    ChildResult Pipeline,
    ChildResult Baseline,
    double? ChunksTicketsPerSecond,
    double? ChunksPeakRssMb,
    bool? ChunksOutputIdentical,
    ChildResult? Chunks);

internal sealed record BenchmarkSettings(
    IReadOnlyList<long> Rows,
    int Seed,
    int Repeat,
    int ChunkSize,
    int Workers,
    string WorkDirectory,
    string PipelineState);

/// <summary>The product's two scalability promises, and whether this run kept them.</summary>
internal sealed record Promises(
    double MaxRssRatio,
    double MinThroughputRatio,
    bool? RssKept,
    bool? ThroughputKept)
{
    public const double RssRatioLimit = 1.2;
    public const double ThroughputRatioMinimum = 0.8;

    public static Promises Check(double? rssRatio, double? throughputRatio) => new(
        RssRatioLimit,
        ThroughputRatioMinimum,
        rssRatio is { } rss ? rss <= RssRatioLimit : null,
        throughputRatio is { } throughput ? throughput >= ThroughputRatioMinimum : null);
}
