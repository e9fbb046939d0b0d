using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Ingest;

namespace Scalability.Grains.Costing;

/// <summary>The configurations the optimizer chooses among: workers, memory per worker, mode and chunk size.</summary>
public sealed record SearchSpace(int[] Workers, int[] MemoryMbPerWorker, TargetMode[] Modes, int[] ChunkSizes)
{
    /// <summary>Memory per worker on offer, in MB: the sizes machines and containers are commonly cut into.</summary>
    public static readonly int[] MemoryOptions = [128, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096];

    private static readonly int[] WorkerSteps = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512];

    private static readonly int[] ChunkSteps = [250, 500, 1000, 2000, 5000, 10_000, 20_000];

    public int Size => Workers.Length * MemoryMbPerWorker.Length * Modes.Length * ChunkSizes.Length;

    /// <summary>
    /// Roughly doubling worker counts up to <paramref name="maxWorkers"/> (itself included), every memory option and
    /// mode, and chunk sizes from 250 rows up to the first that holds the whole dataset, with the planner's own choice.
    /// </summary>
    public static SearchSpace For(long rows, int maxWorkers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWorkers, 1);
        var workers = WorkerSteps.Where(w => w < maxWorkers).Append(maxWorkers).ToArray();
        var chunks = ChunkSteps.Append(ChunkSizing.For(Math.Max(1, rows))).Distinct().Order().ToList();
        var whole = chunks.FirstOrDefault(c => c >= rows);
        chunks = [.. chunks.Where(c => c < rows), .. whole > 0 ? [whole] : Array.Empty<int>()];
        return new SearchSpace(workers, MemoryOptions, [.. ModeBehaviour.All], [.. chunks]);
    }
}
