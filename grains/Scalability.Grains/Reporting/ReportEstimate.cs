using System.Globalization;

namespace Scalability.Grains.Reporting;

/// <summary>A job's estimate before it ran: duration, cost and workers, and where those figures came from.</summary>
/// <param name="Source">Where the estimate came from, in words, as the report shows it.</param>
public sealed record ReportEstimate(string Source, string Profile, long Rows, double DurationSeconds, decimal CostUsd, int Workers)
{
    /// <summary>
    /// The reference resource profile for <paramref name="rows"/> rows (the seed's table in
    /// <c>resource-profiles.json</c>, as <c>scale analyze</c> recommends it): its duration and workers as they stand,
    /// its cost per ticket times the rows.
    /// </summary>
    public static ReportEstimate FromProfile(ResourceProfile profile, long rows)
    {
        // Plain ASCII without quotes: ScaleJson escapes everything else, which scripts reading the JSON would see.
        var range = profile.MaxRows is { } max
            ? string.Create(CultureInfo.InvariantCulture, $"{profile.MinRows:N0} to {max:N0} rows")
            : string.Create(CultureInfo.InvariantCulture, $"{profile.MinRows:N0} rows or more");
        var source = string.Create(CultureInfo.InvariantCulture,
            $"the reference resource profile {profile.Name} ({range}) of resource-profiles.json, as scale analyze recommends it: " +
            $"{profile.EstimatedDurationMinutes:0.##} minutes with {profile.Workers} workers, " +
            $"${profile.CostPerTicketUsd:0.####} per ticket times {rows:N0} rows");
        return new ReportEstimate(source, profile.Name, rows, profile.EstimatedDurationMinutes * 60,
            profile.CostPerTicketUsd * rows, profile.Workers);
    }
}
