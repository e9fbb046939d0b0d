using Scalability.GrainInterfaces.Processing;

namespace Scalability.Grains.Ingest;

/// <summary>
/// Chooses a chunk size from a dataset's row count when the user names none. Chunks must be small enough to spread
/// over many workers and to make a retry cheap, and few enough that what a chunk costs beside its rows (its lease and
/// commit, each a save of the job's chunk table, a grain, its part files) stays small against its rows: at least
/// <see cref="MinRows"/> rows, and at most about <see cref="TargetMaxChunks"/> chunks, or
/// <see cref="TargetMaxLocalChunks"/> for the local processor.
/// </summary>
public static class ChunkSizing
{
    /// <summary>A chunk size of 0 in a spec means "choose one".</summary>
    public const int Auto = 0;

    public const int MinRows = 1000;

    /// <summary>
    /// For processors that take a second or more a ticket (a language model, a plug-in that calls a service), whose
    /// many workers each need chunks of their own, and for whom a chunk redone after a fault is a cost.
    /// </summary>
    public const int TargetMaxChunks = 256;

    /// <summary>
    /// For the local processor, which takes microseconds a ticket: a chunk of 2,000 rows took 10 ms on a worker and
    /// about 5 ms of CPU beside it (its commit's save of the chunk table above all), a third of the job's CPU at
    /// 500,000 rows; chunks of 8,000 or more keep that under a tenth, and a retry still costs a fraction of a second.
    /// </summary>
    public const int TargetMaxLocalChunks = 64;

    /// <summary>The planning scan notes a boundary every this many records, then merges them into chunks.</summary>
    public const int Granularity = 250;

    public static int For(long rows) => For(rows, TargetMaxChunks);

    /// <param name="targetMaxChunks">About how many chunks the dataset may be split into, at most.</param>
    public static int For(long rows, int targetMaxChunks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetMaxChunks, 1);
        var perChunk = (rows + targetMaxChunks - 1) / targetMaxChunks;
        var rounded = (perChunk + Granularity - 1) / Granularity * Granularity;
        return (int)Math.Clamp(rounded, MinRows, int.MaxValue / 2);
    }

    /// <summary>How many chunks, at most, a job run by <paramref name="processor"/> is split into when it names no chunk size.</summary>
    public static int TargetChunksFor(ProcessorSpec processor) =>
        processor.Kind == ProcessorSpec.LocalKind ? TargetMaxLocalChunks : TargetMaxChunks;
}
