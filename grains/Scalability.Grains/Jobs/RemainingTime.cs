namespace Scalability.Grains.Jobs;

/// <summary>
/// A running job's ETA: the time left at its measured rate, blended with what its own estimate leaves. Early on the
/// rate says little (few chunks have committed), so the estimate leads; its weight falls in proportion to the share of
/// rows done and is gone once a tenth of them is: from there on a steady job's ETA is its rate's. The rate is the
/// caller's (<see cref="Rate"/>). Pure, so that the blend is tested by itself.
/// </summary>
public static class RemainingTime
{
    /// <summary>The share of rows done from which the measured rate alone sets the ETA.</summary>
    public const double RateAloneFrom = 0.10;

    /// <summary>
    /// Rows a second since the rate's origin: the job's first commit in this activation, so that the start-up before it
    /// (the first chunks' compiling and opening, a tenth or more of a short job) does not slow the rate of the rest; the
    /// start of running until a second after that commit, and when there is none. 0 before any row.
    /// </summary>
    /// <param name="originSeconds">Seconds from the start of running to the first commit; null before it.</param>
    /// <param name="originRows">Rows processed at the first commit.</param>
    public static double Rate(long processedRows, double runningSeconds, double? originSeconds, long originRows)
    {
        if (originSeconds is { } origin && runningSeconds - origin >= 1 && processedRows > originRows)
        {
            return (processedRows - originRows) / (runningSeconds - origin);
        }

        return processedRows > 0 && runningSeconds > 0 ? processedRows / runningSeconds : 0;
    }

    /// <summary>Seconds left, or null when nothing says (no rate and no estimate, or no rows known).</summary>
    /// <param name="processedRows">Rows committed or in flight.</param>
    /// <param name="totalRows">The job's rows, once planned (0 before).</param>
    /// <param name="rowsPerSecond">The job's rate (<see cref="Rate"/>); 0 for none yet.</param>
    /// <param name="elapsedSeconds">Seconds since submission, the span the estimate covers.</param>
    /// <param name="estimatedDurationSeconds">The job's own estimate, submission to end; null when it has none.</param>
    /// <param name="endSeconds">What follows the last commit (joining the parts, the proposals, the summary), which the
    /// rate does not see: from the history (<see cref="History.RunHistory.EstimateEnd"/>), 0 without.</param>
    public static double? Seconds(
        long processedRows, long totalRows, double rowsPerSecond, double elapsedSeconds, double? estimatedDurationSeconds, double endSeconds = 0)
    {
        if (totalRows <= 0)
        {
            return null;
        }

        var left = Math.Max(0, totalRows - processedRows);
        double? byRate = processedRows > 0 && rowsPerSecond > 0 ? (left / rowsPerSecond) + endSeconds : null;
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
