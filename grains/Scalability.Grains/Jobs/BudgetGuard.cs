using System.Globalization;
using static System.FormattableString;

namespace Scalability.Grains.Jobs;

/// <summary>
/// The budget of <see cref="JobSpec.BudgetUsd"/>: a chunk is leased only while the spend so far, plus the worst case
/// of every chunk in flight and of the new one, stays within the budget. What a chunk really costs is known only when
/// it commits, so holding its worst case in reserve until then is what makes "never above the budget" hold whatever the
/// chunks in flight turn out to cost.
/// </summary>
public static class BudgetGuard
{
    /// <summary>How many of <paramref name="wanted"/> chunks may be leased now.</summary>
    public static int Allowed(decimal? budgetUsd, decimal spentUsd, int inFlight, decimal worstPerChunkUsd, int wanted)
    {
        if (budgetUsd is not { } budget || worstPerChunkUsd <= 0 || wanted <= 0)
        {
            return Math.Max(0, wanted);
        }

        var free = budget - spentUsd - (inFlight * worstPerChunkUsd);
        return free < worstPerChunkUsd ? 0 : (int)Math.Min(wanted, decimal.Floor(free / worstPerChunkUsd));
    }

    /// <summary>What the spend is expected to be at the end: the rows still to do at the cost per row so far.</summary>
    /// <returns>Null before any row is done and without an estimate.</returns>
    public static decimal? Projected(decimal spentUsd, long rowsDone, long rowsTotal, decimal? estimatedUsd)
    {
        if (rowsDone <= 0)
        {
            return estimatedUsd;
        }

        var remaining = Math.Max(0, rowsTotal - rowsDone);
        return spentUsd + (spentUsd / rowsDone * remaining);
    }

    /// <summary>Why the job pauses, with the figures a user needs to pick a new budget.</summary>
    public static string PauseReason(string jobId, decimal budgetUsd, decimal spentUsd, int inFlight, decimal worstPerChunkUsd,
        long rowsRemaining, decimal? projectedUsd)
    {
        var projected = projectedUsd is { } usd ? Invariant($", and the whole job is projected to cost {Usd(usd)}") : "";
        return Invariant($"paused at the budget of {Usd(budgetUsd)}: {Usd(spentUsd)} spent, {Usd(inFlight * worstPerChunkUsd)} held for the {inFlight} chunk(s) in flight, and the next chunk could cost up to {Usd(worstPerChunkUsd)}; {rowsRemaining} rows remain{projected}. Continue with a larger budget: scale resume {jobId} --budget <USD>");
    }

    /// <summary>Why a resume with this budget is refused.</summary>
    public static string TooSmall(decimal budgetUsd, decimal spentUsd, int inFlight, decimal worstPerChunkUsd) =>
        string.Create(CultureInfo.InvariantCulture,
            $"a budget of {Usd(budgetUsd)} does not cover the next chunk: {Usd(spentUsd)} is spent, {Usd(inFlight * worstPerChunkUsd)} is held for the chunks in flight, and a chunk could cost up to {Usd(worstPerChunkUsd)}; give at least {Usd(spentUsd + ((inFlight + 1) * worstPerChunkUsd))}");

    public static void Validate(decimal? budgetUsd)
    {
        if (budgetUsd is { } budget && budget <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--budget must be more than 0 USD (got {budget})"));
        }
    }

    private static string Usd(decimal amount) => string.Create(CultureInfo.InvariantCulture, $"${amount:0.00####}");
}
