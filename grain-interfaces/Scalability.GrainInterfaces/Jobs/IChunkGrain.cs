namespace Scalability.GrainInterfaces.Jobs;

/// <summary>
/// Processes one chunk of a job, keyed <c>{jobId}/{index}</c>. <see cref="Start"/> returns as soon as the work is
/// under way; the outcome reaches the job through <see cref="IJobGrain.ChunkCommitted"/> or
/// <see cref="IJobGrain.ChunkFailed"/>.
/// </summary>
[Alias("IChunkGrain")]
public interface IChunkGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task Start(ChunkWorkOrder order);

    public static string KeyFor(string jobId, int index) => $"{jobId}/{index}";
}
