namespace Scalability.Grains.Costing;

/// <summary>
/// The one sign of every estimate error the product shows (the job's summary, the scaling report): (estimate − actual)
/// ÷ actual, in percent, positive when the estimate was too high.
/// </summary>
public static class EstimateError
{
    /// <returns>Null for an actual of 0: there is nothing to be off from.</returns>
    public static double? Percent(double estimated, double actual, int decimals) =>
        actual == 0 ? null : Math.Round((estimated - actual) / actual * 100, decimals, MidpointRounding.AwayFromZero);
}
