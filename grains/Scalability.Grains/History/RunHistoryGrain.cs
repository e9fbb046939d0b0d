using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.History;

namespace Scalability.Grains.History;

[GenerateSerializer, Alias("RunHistoryState")]
public sealed class RunHistoryState
{
    /// <summary>Completed runs by processor key, oldest first, at most <see cref="RunHistoryGrain.RunsKept"/> each.</summary>
    [Id(0)] public Dictionary<string, List<RunRecord>> Runs { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The cluster's completed runs; see <see cref="IRunHistoryGrain"/>.</summary>
public sealed class RunHistoryGrain(
    [PersistentState("run-history", StorageNames.Jobs)] IPersistentState<RunHistoryState> state) : Grain, IRunHistoryGrain
{
    public const int RunsKept = 100;

    public async Task Record(RunRecord run)
    {
        var runs = state.State.Runs.TryGetValue(run.Processor, out var known) ? known : state.State.Runs[run.Processor] = [];
        if (runs.Any(r => r.JobId == run.JobId))
        {
            return; // A job that finishes again after a restart is recorded once.
        }

        runs.Add(run);
        if (runs.Count > RunsKept)
        {
            runs.RemoveRange(0, runs.Count - RunsKept);
        }

        await state.WriteStateAsync();
    }

    public Task<RunRecord[]> GetRuns(string processor) =>
        Task.FromResult(state.State.Runs.TryGetValue(processor, out var runs) ? runs.ToArray() : []);

    public Task<MeasuredProfile?> GetProfile(string processor) =>
        Task.FromResult(state.State.Runs.TryGetValue(processor, out var runs) ? RunHistory.Profile(runs) : null);

    public Task<MeasuredProfile?> GetProfileFor(string processor, long rows, long bytes) =>
        Task.FromResult(state.State.Runs.TryGetValue(processor, out var runs) ? RunHistory.Profile(runs, rows, bytes) : null);

    public Task<Dictionary<string, RunRecord[]>> GetAllRuns() =>
        Task.FromResult(state.State.Runs.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));

    public async Task<int> Forget(string processor)
    {
        if (!state.State.Runs.Remove(processor, out var runs))
        {
            return 0;
        }

        await state.WriteStateAsync();
        return runs.Count;
    }
}
