using System.Diagnostics;
using Scalability.GrainInterfaces.Jobs;

namespace Scalability.Benchmarks;

/// <summary>
/// Times how long a job spends in each status, from successive progress snapshots. A status change is dated when it
/// is first seen, so each boundary is late by at most one poll interval.
/// </summary>
internal sealed class PhaseClock(Stopwatch clock)
{
    private readonly Dictionary<JobStatus, TimeSpan> _spent = [];
    private JobStatus _current = JobStatus.Planning;
    private TimeSpan _since = clock.Elapsed;

    public void Observe(JobStatus status)
    {
        if (status == _current)
        {
            return;
        }

        var now = clock.Elapsed;
        _spent[_current] = _spent.GetValueOrDefault(_current) + (now - _since);
        (_current, _since) = (status, now);
    }

    public double SecondsIn(JobStatus status) => Math.Round(_spent.GetValueOrDefault(status).TotalSeconds, 3);
}
