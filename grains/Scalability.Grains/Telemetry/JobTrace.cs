using System.Diagnostics;

namespace Scalability.Grains.Telemetry;

/// <summary>
/// A job's trace: an activity from submission to the job's end, whose context is kept in the job's state so that
/// the spans of its chunks, which run later and on any silo, join it (see <see cref="ChunkAttemptTelemetry"/>).
/// Held by the job's activation; a job resumed by another activation reports its end on a span of the same trace.
/// </summary>
public sealed class JobTrace
{
    public const string ActivityName = "scalability.job";
    public const string ResumedFinishActivityName = "scalability.job.finish";

    private Activity? _activity;

    /// <summary>
    /// Starts the job's trace, a new one whatever the submitting call belonged to (linked to it), and returns its
    /// W3C <c>traceparent</c>; null when nothing listens to the <c>Scalability</c> source.
    /// </summary>
    public string? Start(string jobId, JobSpec spec)
    {
        var caller = Activity.Current;
        Activity.Current = null;
        try
        {
            _activity?.Dispose();
            _activity = ScalabilityTelemetry.ActivitySource.StartActivity(
                ActivityKind.Internal,
                parentContext: default,
                tags:
                [
                    new(TelemetryTags.JobId, jobId),
                    new(TelemetryTags.JobInput, spec.InputPath),
                    new(TelemetryTags.ProcessorKind, spec.EffectiveProcessor.Kind),
                ],
                links: caller is null ? null : [new ActivityLink(caller.Context)],
                name: ActivityName);
        }
        finally
        {
            // The job's span is not the submitting call's: what else that call does stays in the caller's trace.
            Activity.Current = caller;
        }

        return _activity?.Id;
    }

    /// <summary>Ends the job's trace with its outcome.</summary>
    public void Finish(string? traceParent, JobSummary summary)
    {
        // Starting and stopping an activity sets the ambient one; the calling turn keeps its own.
        var current = Activity.Current;
        try
        {
            End(traceParent, summary);
        }
        finally
        {
            Activity.Current = current;
        }
    }

    private void End(string? traceParent, JobSummary summary)
    {
        var activity = _activity;
        _activity = null;
        if (activity is null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context))
        {
            // Started by an earlier activation (the job was resumed after a restart): that span is gone with it.
            activity = ScalabilityTelemetry.ActivitySource.StartActivity(ResumedFinishActivityName, ActivityKind.Internal, context);
            activity?.SetTag(TelemetryTags.JobId, summary.JobId);
        }

        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(TelemetryTags.JobStatus, summary.Status.ToString());
            activity.SetTag(TelemetryTags.RowsOk, summary.Ok);
            activity.SetTag(TelemetryTags.RowsFailed, summary.Failed);
            activity.SetTag(TelemetryTags.RowsRejected, summary.Rejected);
            activity.SetTag(TelemetryTags.JobChunks, summary.Chunks);
            activity.SetTag(TelemetryTags.JobChunkRetries, summary.ChunkRetries);
            activity.SetTag(TelemetryTags.TokensIn, summary.TokensIn);
            activity.SetTag(TelemetryTags.TokensOut, summary.TokensOut);
            activity.SetTag(TelemetryTags.CostUsd, (double)summary.CostUsd);
        }

        if (summary.Status == JobStatus.Failed)
        {
            activity.SetStatus(ActivityStatusCode.Error, summary.Error);
        }
        else if (summary.Status == JobStatus.Completed)
        {
            activity.SetStatus(ActivityStatusCode.Ok);
        }

        activity.Stop();
    }
}
