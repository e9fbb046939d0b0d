using System.Globalization;

namespace Scalability.Grains.Reporting;

/// <summary>A job's own estimate before it ran, as its details carry it, and where it came from.</summary>
/// <param name="Source">Where the estimate came from, in words, as the report shows it.</param>
public sealed record ReportEstimate(string Source, long Rows, double DurationSeconds, decimal CostUsd)
{
    /// <summary>The job's own estimate, made once it was planned; null before, or when none could be made.</summary>
    public static ReportEstimate? OfJob(JobDetails details, long rows) =>
        details.EstimatedDurationSeconds is { } seconds && rows > 0
            ? new ReportEstimate(
                "the job's own estimate, made once it was planned (from the earlier runs of its processor when there are any), as its summary carries it",
                rows, seconds, details.EstimatedCostUsd ?? 0m)
            : null;
}

/// <summary>The seed's resource profiles as the report shows them: a reference, beside the job's own estimate.</summary>
public static class ReferenceProfiles
{
    /// <summary>
    /// The reference resource profile for <paramref name="rows"/> rows (the seed's table in <c>resource-profiles.json</c>):
    /// its duration, workers and memory as they stand, its cost per ticket times the rows.
    /// </summary>
    public static ReferenceProfile For(ResourceProfile profile, long rows, ProcessorSpec processor)
    {
        // Plain ASCII without quotes: ScaleJson escapes everything else, which scripts reading the JSON would see.
        var range = profile.MaxRows is { } max
            ? string.Create(CultureInfo.InvariantCulture, $"{profile.MinRows:N0} to {max:N0} rows")
            : string.Create(CultureInfo.InvariantCulture, $"{profile.MinRows:N0} rows or more");
        const string Reference = "the seed's reference for LLM-class processing of this many rows";
        var note = processor.Kind switch
        {
            ProcessorSpec.LlmKind => Reference + "; the job's estimate rests on its own prices, tokens and runs",
            ProcessorSpec.LocalKind => Reference + ": not an estimate of this job, whose processor bills nothing and takes microseconds a ticket",
            _ => Reference + ": not an estimate of this job, whose processor is planned from its own runs",
        };
        return new ReferenceProfile(profile.Name, range, rows, profile.EstimatedDurationMinutes * 60, profile.CostPerTicketUsd * rows,
            profile.Workers, profile.MemoryMbPerWorker, note);
    }
}
