using System.Globalization;

namespace Scalability.Grains.Jobs;

/// <summary>
/// The error budget of <see cref="JobSpec.MaxFailedFraction"/>. Failed rows are measured against the whole input, not
/// against the rows done so far, so that a few unlucky first chunks cannot end a job that would have stayed within
/// budget, while a processor that fails everything is stopped after the budget's share of the input.
/// </summary>
public static class ErrorBudget
{
    /// <summary>Why the job must stop, or null while it is within budget (or has none).</summary>
    /// <param name="unit">What the rows are, in the message: rows, or conversations in conversation mode.</param>
    public static string? Exceeded(long failedRows, long inputRows, double? maxFailedFraction, string unit = "rows")
    {
        if (maxFailedFraction is not { } fraction || inputRows <= 0 || failedRows <= fraction * inputRows)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"the error budget is spent: {failedRows} of {inputRows} {unit} failed ({100.0 * failedRows / inputRows:0.##}%), more than the {100 * fraction:0.##}% allowed by --max-failed-fraction {fraction}");
    }

    public static void Validate(double? maxFailedFraction)
    {
        if (maxFailedFraction is { } fraction && (double.IsNaN(fraction) || fraction < 0 || fraction > 1))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--max-failed-fraction must be between 0 and 1 (got {fraction})"));
        }
    }
}
