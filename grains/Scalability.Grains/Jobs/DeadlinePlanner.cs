using static System.FormattableString;

namespace Scalability.Grains.Jobs;

/// <summary>What a job behind its time limit needs: the workers to ask for, and what to tell the user.</summary>
/// <param name="Workers">The workers to ask the AutoScaler for; 0 when the job is on time.</param>
/// <param name="ProjectedFinishUtc">When the job finishes at the current rate.</param>
public sealed record DeadlinePlan(int Workers, DateTime ProjectedFinishUtc);

/// <summary>
/// The time limit of <see cref="JobSpec.TimeLimitHours"/>. Throughput is taken to grow with workers (true of the
/// latency-bound work a time limit is usually set for; a rate-limited endpoint or saturated cores will not follow,
/// and then the projection keeps saying so), so the workers needed are today's scaled by how much faster the rest must
/// go, with a tenth more for the ramp.
/// </summary>
public static class DeadlinePlanner
{
    public const double Margin = 1.1;

    /// <returns>Null when there is nothing to project yet (no rate, no rows left, no workers known).</returns>
    public static DeadlinePlan? Plan(DateTime nowUtc, DateTime deadlineUtc, long rowsRemaining, double ticketsPerSecond, int workers)
    {
        if (rowsRemaining <= 0 || ticketsPerSecond <= 0 || workers <= 0)
        {
            return null;
        }

        var finish = nowUtc + TimeSpan.FromSeconds(rowsRemaining / ticketsPerSecond);
        if (finish <= deadlineUtc)
        {
            return new DeadlinePlan(0, finish);
        }

        var secondsLeft = (deadlineUtc - nowUtc).TotalSeconds;
        var needed = secondsLeft <= 0
            ? int.MaxValue
            : (int)Math.Min(int.MaxValue, Math.Ceiling(workers * (rowsRemaining / ticketsPerSecond) / secondsLeft * Margin));
        return new DeadlinePlan(Math.Max(workers + 1, needed), finish);
    }

    /// <summary>The job's notice for a plan and the workers the AutoScaler granted.</summary>
    public static string Notice(DeadlinePlan plan, DateTime deadlineUtc, int granted) =>
        granted <= 0
            ? Invariant($"behind its time limit: projected to finish at {plan.ProjectedFinishUtc:HH:mm:ss} UTC, after the limit of {deadlineUtc:HH:mm:ss} UTC, and the AutoScaler is off or held by a manual scale")
            : granted < plan.Workers
                ? Invariant($"will not meet its time limit: projected to finish at {plan.ProjectedFinishUtc:HH:mm:ss} UTC, after the limit of {deadlineUtc:HH:mm:ss} UTC; it needs about {Describe(plan.Workers)} workers and even the AutoScaler's maximum of {granted} cannot make it")
                : Invariant($"behind its time limit: projected to finish at {plan.ProjectedFinishUtc:HH:mm:ss} UTC, after the limit of {deadlineUtc:HH:mm:ss} UTC; the AutoScaler was asked for {plan.Workers} workers");

    private static string Describe(int workers) => workers == int.MaxValue ? "unlimited (the limit has passed)" : workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
