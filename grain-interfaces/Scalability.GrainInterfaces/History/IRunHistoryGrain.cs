using Orleans.Concurrency;
using Scalability.GrainInterfaces.Costing;

namespace Scalability.GrainInterfaces.History;

/// <summary>
/// The cluster's record of completed jobs (the seed's resource allocator with historical learning), keyed
/// <see cref="Key"/>: every completed job adds what it measured, and later estimates for the same processor rest on it.
/// </summary>
[Alias("IRunHistoryGrain")]
public interface IRunHistoryGrain : IGrainWithStringKey
{
    public const string Key = "cluster";

    [Alias("Record")]
    Task Record(RunRecord run);

    /// <summary>The runs of a processor (its key, as in <see cref="RunRecord.Processor"/>), oldest first.</summary>
    [Alias("GetRuns"), AlwaysInterleave]
    Task<RunRecord[]> GetRuns(string processor);

    /// <summary>The averages of a processor's runs, to plan from; null before its first completed run.</summary>
    [Alias("GetProfile"), AlwaysInterleave]
    Task<MeasuredProfile?> GetProfile(string processor);

    /// <summary>The averages of a processor's runs weighted towards those most like a dataset of these rows and bytes
    /// (see <c>RunHistory.Profile</c>); null before its first completed run.</summary>
    [Alias("GetProfileFor"), AlwaysInterleave]
    Task<MeasuredProfile?> GetProfileFor(string processor, long rows, long bytes);

    /// <summary>Every processor's runs, by key, oldest first: what the plans rest on.</summary>
    [Alias("GetAllRuns"), AlwaysInterleave]
    Task<Dictionary<string, RunRecord[]>> GetAllRuns();

    /// <summary>Forgets a processor's runs, so that it is planned afresh; the number of runs forgotten (0 for a key with none).</summary>
    [Alias("Forget")]
    Task<int> Forget(string processor);
}
