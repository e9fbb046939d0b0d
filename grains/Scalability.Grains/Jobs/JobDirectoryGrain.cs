using Microsoft.Extensions.Options;

namespace Scalability.Grains.Jobs;

/// <summary>The directory's durable state: unfinished job ids and the fingerprints they were started with.</summary>
[GenerateSerializer, Alias("JobDirectoryState")]
public sealed class JobDirectoryState
{
    [Id(0)] public Dictionary<string, string> Unfinished { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The ids of the jobs that finished last, newest last (at most <see cref="JobDirectoryGrain.RecentKept"/>).</summary>
    [Id(1)] public List<string> RecentlyFinished { get; set; } = [];

    /// <summary>The job limit set on the directory; null to follow the silos' setting.</summary>
    [Id(2)] public int? JobLimit { get; set; }
}

/// <summary>The cluster's unfinished jobs; see <see cref="IJobDirectoryGrain"/>.</summary>
public sealed class JobDirectoryGrain(
    [PersistentState("job-directory", StorageNames.Jobs)] IPersistentState<JobDirectoryState> state,
    IOptions<JobOptions> options) : Grain, IJobDirectoryGrain
{
    public const int RecentKept = 50;

    /// <summary>Unfinished jobs named in a refusal; the rest are counted.</summary>
    private const int NamedInRefusal = 10;

    private string[]? _unfinished;

    private int JobLimit => state.State.JobLimit ?? options.Value.MaxConcurrentJobs;

    public async Task Register(string jobId, string fingerprint)
    {
        var listed = state.State.Unfinished.TryGetValue(jobId, out var known);
        if (listed && known == fingerprint)
        {
            return;
        }

        if (!listed && JobLimit > 0 && state.State.Unfinished.Count >= JobLimit)
        {
            throw new ArgumentException(Refusal(jobId));
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

    public async Task SetJobLimit(int? limit)
    {
        if (limit < 0)
        {
            throw new ArgumentException($"the job limit cannot be negative (got {limit}); 0 means no limit");
        }

        state.State.JobLimit = limit;
        await state.WriteStateAsync();
    }

    public Task<int> GetJobLimit() => Task.FromResult(JobLimit);

    private string Refusal(string jobId)
    {
        var unfinished = state.State.Unfinished.Keys.Order(StringComparer.Ordinal).ToArray();
        var named = string.Join(", ", unfinished.Take(NamedInRefusal));
        var more = unfinished.Length > NamedInRefusal ? $" and {unfinished.Length - NamedInRefusal} more" : "";
        return $"job '{jobId}' refused: the cluster takes at most {JobLimit} unfinished job(s) at once (its job limit), " +
               $"and {unfinished.Length} are unfinished: {named}{more}. Wait for one to finish, cancel one, or raise the limit";
    }

    public Task<string[]> GetRecentlyFinishedJobs() => Task.FromResult(state.State.RecentlyFinished.AsEnumerable().Reverse().ToArray());

    // Every worker pool asks this at every poll: answer from a cached array.
    public Task<string[]> GetUnfinishedJobs() =>
        Task.FromResult(_unfinished ??= state.State.Unfinished.Keys.Order(StringComparer.Ordinal).ToArray());

    public Task<string?> FindUnfinished(string fingerprint) =>
        Task.FromResult(state.State.Unfinished.Where(j => j.Value == fingerprint).Select(j => j.Key).Order(StringComparer.Ordinal).FirstOrDefault());
}
