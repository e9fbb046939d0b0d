using Scalability.Grains.Costing;

namespace Scalability.Grains.Reporting;

/// <summary>Reads what a report needs from the job's grain and the AutoScaler, and builds it.</summary>
public static class ScalingReports
{
    /// <summary>The report of job <paramref name="jobId"/> as of now; null when there is no such job.</summary>
    public static async Task<ScalingReport?> LoadAsync(IGrainFactory grains, string jobId, ResourceProfiles? profiles = null)
    {
        var job = grains.GetGrain<IJobGrain>(jobId);
        if (await job.GetDetails() is not { } details)
        {
            return null;
        }

        var progress = await job.GetProgress();
        var summary = await job.GetSummary();
        var timeline = await job.GetTimeline();
        var decisions = await grains.GetGrain<IAutoScalerGrain>(IAutoScalerGrain.Key).GetDecisions(details.SubmittedUtc);
        var rows = summary?.InputRows ?? progress.InputRows;
        var reference = rows > 0 ? ReferenceProfiles.For((profiles ?? ResourceProfiles.Default).For(rows), rows, details.Spec.EffectiveProcessor) : null;
        return ScalingReportBuilder.Build(details, progress, summary, timeline, decisions, ReportEstimate.OfJob(details, rows), DateTime.UtcNow, reference);
    }
}
