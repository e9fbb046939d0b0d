namespace Scalability.Grains.Jobs;

/// <summary>The directory's durable state: unfinished job ids and the fingerprints they were started with.</summary>
[GenerateSerializer, Alias("JobDirectoryState")]
public sealed class JobDirectoryState
{
    [Id(0)] public Dictionary<string, string> Unfinished { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The ids of the jobs that finished last, newest last (at most <see cref="JobDirectoryGrain.RecentKept"/>).</summary>
    [Id(1)] public List<string> RecentlyFinished { get; set; } = [];
}

/// <summary>The cluster's unfinished jobs; see <see cref="IJobDirectoryGrain"/>.</summary>
public sealed class JobDirectoryGrain(
    [PersistentState("job-directory", StorageNames.Jobs)] IPersistentState<JobDirectoryState> state) : Grain, IJobDirectoryGrain
{
    public const int RecentKept = 50;

    private string[]? _unfinished;

    public async Task Register(string jobId, string fingerprint)
    {
        if (state.State.Unfinished.TryGetValue(jobId, out var known) && known == fingerprint)
        {
            return;
        }

        state.State.Unfinished[jobId] = fingerprint;
        _unfinished = null;
        await state.WriteStateAsync();
    }

    public async Task Unregister(string jobId)
    {
        if (state.State.Unfinished.Remove(jobId))
        {
            _unfinished = null;
            var recent = state.State.RecentlyFinished;
            recent.Remove(jobId);
            recent.Add(jobId);
            if (recent.Count > RecentKept)
            {
                recent.RemoveRange(0, recent.Count - RecentKept);
            }

            await state.WriteStateAsync();
        }
    }

    public Task<string[]> GetRecentlyFinishedJobs() => Task.FromResult(state.State.RecentlyFinished.AsEnumerable().Reverse().ToArray());

    // Every worker pool asks this at every poll: answer from a cached array.
    public Task<string[]> GetUnfinishedJobs() =>
        Task.FromResult(_unfinished ??= state.State.Unfinished.Keys.Order(StringComparer.Ordinal).ToArray());

    public Task<string?> FindUnfinished(string fingerprint) =>
        Task.FromResult(state.State.Unfinished.Where(j => j.Value == fingerprint).Select(j => j.Key).Order(StringComparer.Ordinal).FirstOrDefault());
}
