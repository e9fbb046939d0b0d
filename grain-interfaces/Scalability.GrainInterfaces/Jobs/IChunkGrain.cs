namespace Scalability.GrainInterfaces.Jobs;

/// <summary>
/// Runs one attempt at a chunk, keyed <c>{jobId}/{index}/{attempt}</c> so that every attempt is a fresh activation on
/// the silo that leased it. <see cref="Start"/> returns as soon as the work is under way; the outcome reaches the job
/// through <see cref="IJobGrain.ChunkCommitted"/>, <see cref="IJobGrain.ChunkFailed"/> or
/// <see cref="IJobGrain.ChunkReleased"/>.
/// </summary>
[Alias("IChunkGrain")]
public interface IChunkGrain : IGrainWithStringKey
{
    /// <summary>Starts the attempt; refused when this activation is not on the silo that holds the lease.</summary>
    [Alias("Start")]
    Task Start(ChunkWorkOrder order);

    public static string KeyFor(ChunkAssignment assignment) => $"{assignment.JobId}/{assignment.Index}/{assignment.Attempt}";
}
