namespace Scalability.Grains.Jobs;

/// <summary>
/// A running job's ETA: the time left at the rate it has kept since it started running, blended with what its own
/// estimate leaves. Early on the rate says little (the first chunks include starting up, and few have committed), so
/// the estimate leads; its weight falls in proportion to the share of rows done and is gone once a tenth of them is:
/// from there on a steady job's ETA is its rate's. Pure, so that the blend is tested by itself.
/// </summary>
public static class RemainingTime
{
    /// <summary>The share of rows done from which the measured rate alone sets the ETA.</summary>
    public const double RateAloneFrom = 0.10;

    /// <summary>Seconds left, or null when nothing says (no rate and no estimate, or no rows known).</summary>
    /// <param name="processedRows">Rows committed or in flight.</param>
    /// <param name="totalRows">The job's rows, once planned (0 before).</param>
    /// <param name="runningSeconds">Seconds since chunks could first be leased.</param>
    /// <param name="elapsedSeconds">Seconds since submission, the span the estimate covers.</param>
    /// <param name="estimatedDurationSeconds">The job's own estimate, submission to end; null when it has none.</param>
    public static double? Seconds(long processedRows, long totalRows, double runningSeconds, double elapsedSeconds, double? estimatedDurationSeconds)
    {
        if (totalRows <= 0)
        {
            return null;
        }

        var left = Math.Max(0, totalRows - processedRows);
        double? byRate = processedRows > 0 && runningSeconds > 0 ? left / (processedRows / runningSeconds) : null;
        double? byEstimate = estimatedDurationSeconds is { } estimate ? Math.Max(0, estimate - elapsedSeconds) : null;
        if (byRate is not { } rate)
        {
            return byEstimate;
        }

        if (byEstimate is not { } planned)
        {
            return rate;
        }

        var rateWeight = Math.Clamp((double)processedRows / totalRows / RateAloneFrom, 0, 1);
        return (rateWeight * rate) + ((1 - rateWeight) * planned);
    }
}
