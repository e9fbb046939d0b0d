namespace Scalability.Grains.Ingest;

/// <summary>
/// Chooses a chunk size from a dataset's row count when the user names none. Chunks must be small enough to spread
/// over many workers and to make a retry cheap, and few enough that the job's chunk table, saved at every commit,
/// stays small: at least <see cref="MinRows"/> rows, and at most about <see cref="TargetMaxChunks"/> chunks.
/// </summary>
public static class ChunkSizing
{
    /// <summary>A chunk size of 0 in a spec means "choose one".</summary>
    public const int Auto = 0;

    public const int MinRows = 1000;

    public const int TargetMaxChunks = 256;

    /// <summary>The planning scan notes a boundary every this many records, then merges them into chunks.</summary>
    public const int Granularity = 250;

    public static int For(long rows)
    {
        var perChunk = (rows + TargetMaxChunks - 1) / TargetMaxChunks;
        var rounded = (perChunk + Granularity - 1) / Granularity * Granularity;
        return (int)Math.Clamp(rounded, MinRows, int.MaxValue / 2);
    }
}
