using Orleans.TestingHost;
using Scalability.Client;

namespace Scalability.Tests.Cluster;

/// <summary>What the fault tests need to strike a running job: a point in its progress, and the silo to kill there.</summary>
internal static class MidJob
{
    /// <summary>The job's progress once at least <paramref name="chunks"/> chunks are committed while it still runs.</summary>
    public static async Task<JobProgress> WaitForCommittedChunksAsync(ScalabilityClient client, string jobId, int chunks, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await foreach (var progress in client.WatchAsync(jobId, TimeSpan.FromMilliseconds(50), timeout.Token))
        {
            if (progress.Status == JobStatus.Running && progress.ChunksDone >= chunks)
            {
                return progress;
            }

            Assert.False(progress.Status.IsFinished(), $"the job finished before {chunks} chunks were committed");
        }

        throw new InvalidOperationException("unreachable: the watch ends only when the job does");
    }

    /// <summary>The silo that hosts the job's grain, or one that does not.</summary>
    public static async Task<InProcessSiloHandle> PickVictimAsync(InProcessTestCluster cluster, string jobId, bool jobSilo)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var jobHost = await management.GetActivationAddress(cluster.Client.GetGrain<IJobGrain>(jobId));
        var silos = cluster.GetActiveSilos().ToList();
        return jobSilo ? silos.Single(s => s.SiloAddress.Equals(jobHost)) : silos.First(s => !s.SiloAddress.Equals(jobHost));
    }
}
