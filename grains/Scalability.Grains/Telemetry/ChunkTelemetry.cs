using System.Diagnostics;

namespace Scalability.Grains.Telemetry;

/// <summary>
/// Telemetry of the chunk attempts run on this silo: one call per outcome records the span, the <c>Scalability</c>
/// meter and the dashboard's counters alike.
/// </summary>
public sealed class ChunkTelemetry(DashboardCounters dashboard)
{
    /// <summary>Starts the span of an attempt, a child of its job's trace; dispose it when the attempt is over.</summary>
    public ChunkAttemptTelemetry Start(ChunkWorkOrder order) => new(order, dashboard);
}

/// <summary>One chunk attempt's span and measurements; exactly one outcome is recorded.</summary>
public sealed class ChunkAttemptTelemetry : IDisposable
{
    public const string ActivityName = "scalability.chunk";

    private readonly ChunkWorkOrder _order;
    private readonly DashboardCounters _dashboard;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private bool _recorded;

    internal ChunkAttemptTelemetry(ChunkWorkOrder order, DashboardCounters dashboard)
    {
        _order = order;
        _dashboard = dashboard;
        var assignment = order.Assignment;
        // The job's trace was started on whichever silo took the submission, maybe long ago: its context travels in
        // the work order. An order without one (a job submitted when nothing listened) starts from the current span.
        var parent = ActivityContext.TryParse(order.TraceParent, null, isRemote: true, out var context) ? context : default;
        _activity = ScalabilityTelemetry.ActivitySource.StartActivity(ActivityName, ActivityKind.Internal, parent);
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(TelemetryTags.JobId, assignment.JobId);
            activity.SetTag(TelemetryTags.ChunkIndex, assignment.Index);
            activity.SetTag(TelemetryTags.ChunkAttempt, assignment.Attempt);
            activity.SetTag(TelemetryTags.ChunkSilo, assignment.Silo);
            activity.SetTag(TelemetryTags.ProcessorKind, Processor);
        }
    }

    private string Processor => _order.Processor.Kind;

    /// <summary>The job accepted the attempt's output.</summary>
    public void Committed(ChunkReport report)
    {
        if (!Record("committed"))
        {
            return;
        }

        var counts = report.Counts;
        var tickets = counts.Ok + counts.Failed;
        var cost = (double)report.Usage.CostUsd;
        ScalabilityTelemetry.ChunksCommitted.Add(1, Tag(TelemetryTags.Processor, Processor));
        if (counts.Ok > 0)
        {
            ScalabilityTelemetry.TicketsProcessed.Add(counts.Ok, Tag(TelemetryTags.Processor, Processor), Tag(TelemetryTags.Status, "ok"));
        }

        if (counts.Failed > 0)
        {
            ScalabilityTelemetry.TicketsProcessed.Add(counts.Failed, Tag(TelemetryTags.Processor, Processor), Tag(TelemetryTags.Status, "failed"));
        }

        foreach (var (kind, count) in report.Failures)
        {
            ScalabilityTelemetry.TicketsFailed.Add(count, Tag(TelemetryTags.Processor, Processor), Tag(TelemetryTags.Kind, kind));
        }

        if (counts.Rejected > 0)
        {
            ScalabilityTelemetry.RecordsRejected.Add(counts.Rejected, Tag(TelemetryTags.Processor, Processor));
        }

        if (cost > 0)
        {
            ScalabilityTelemetry.Spend.Add(cost, Tag(TelemetryTags.Processor, Processor));
        }

        _dashboard.ChunksCommitted.Add(1);
        _dashboard.TicketsProcessed.Add(tickets);
        _dashboard.TicketsFailed.Add(counts.Failed);
        _dashboard.SpendMicroUsd.Add((long)Math.Round(report.Usage.CostUsd * 1_000_000m));
        _dashboard.RateLimited.Add(report.Usage.RateLimited);

        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(TelemetryTags.RowsOk, counts.Ok);
            activity.SetTag(TelemetryTags.RowsFailed, counts.Failed);
            activity.SetTag(TelemetryTags.RowsRejected, counts.Rejected);
            activity.SetTag(TelemetryTags.TokensIn, report.Usage.TokensIn);
            activity.SetTag(TelemetryTags.TokensOut, report.Usage.TokensOut);
            activity.SetTag(TelemetryTags.CostUsd, cost);
        }

        _activity?.SetStatus(ActivityStatusCode.Ok);
    }

    /// <summary>The attempt failed; it counts against the chunk's attempts.</summary>
    public void Failed(string error)
    {
        if (!Record("failed"))
        {
            return;
        }

        ScalabilityTelemetry.ChunksFailed.Add(1, Tag(TelemetryTags.Processor, Processor));
        _activity?.SetStatus(ActivityStatusCode.Error, error);
    }

    /// <summary>The attempt stopped before its end and the chunk goes back to the queue, without counting an attempt.</summary>
    public void Requeued(string reason)
    {
        if (!Record("requeued"))
        {
            return;
        }

        ScalabilityTelemetry.ChunksRequeued.Add(1, Tag(TelemetryTags.Processor, Processor));
        _activity?.AddEvent(new ActivityEvent("requeued", tags: new ActivityTagsCollection { ["reason"] = reason }));
    }

    public void Dispose() => _activity?.Dispose();

    private bool Record(string outcome)
    {
        if (_recorded)
        {
            return false;
        }

        _recorded = true;
        ScalabilityTelemetry.ChunkDuration.Record(
            Stopwatch.GetElapsedTime(_started).TotalSeconds, Tag(TelemetryTags.Processor, Processor), Tag(TelemetryTags.Outcome, outcome));
        _activity?.SetTag(TelemetryTags.ChunkOutcome, outcome);
        return true;
    }

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
