using Scalability.Grains.Jobs;

namespace Scalability.Tests.Jobs;

public sealed class DeadlinePlannerTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_job_on_time_asks_for_nothing()
    {
        // 6,000 rows at 100/s: done in a minute, with two left.
        var plan = DeadlinePlanner.Plan(Now, Now.AddMinutes(2), 6_000, 100, 4)!;

        Assert.Equal((0, Now.AddMinutes(1)), (plan.Workers, plan.ProjectedFinishUtc));
    }

    [Fact]
    public void A_job_behind_asks_for_todays_workers_scaled_by_how_much_faster_it_must_go_with_a_tenth_more()
    {
        // 12,000 rows at 100/s take two minutes; one is left: twice the rate, 8 workers, 8.8 with the margin.
        var plan = DeadlinePlanner.Plan(Now, Now.AddMinutes(1), 12_000, 100, 4)!;

        Assert.Equal((9, Now.AddMinutes(2)), (plan.Workers, plan.ProjectedFinishUtc));
        Assert.Equal(
            "behind its time limit: projected to finish at 12:02:00 UTC, after the limit of 12:01:00 UTC; the AutoScaler was asked for 9 workers",
            DeadlinePlanner.Notice(plan, Now.AddMinutes(1), 9));
        Assert.Equal(
            "will not meet its time limit: projected to finish at 12:02:00 UTC, after the limit of 12:01:00 UTC; it needs about 9 workers and even the AutoScaler's maximum of 6 cannot make it",
            DeadlinePlanner.Notice(plan, Now.AddMinutes(1), 6));
        Assert.StartsWith("behind its time limit: projected to finish at 12:02:00 UTC, after the limit of 12:01:00 UTC, and the AutoScaler is off",
            DeadlinePlanner.Notice(plan, Now.AddMinutes(1), 0));
    }

    [Fact]
    public void Past_the_limit_it_asks_for_all_it_can_get_and_a_little_behind_still_asks_for_one_more()
    {
        var late = DeadlinePlanner.Plan(Now, Now.AddSeconds(-5), 1_000, 100, 4)!;
        var slightly = DeadlinePlanner.Plan(Now, Now.AddSeconds(9.99), 1_000, 100, 40)!;

        Assert.Equal(int.MaxValue, late.Workers);
        Assert.Contains("needs about unlimited (the limit has passed) workers", DeadlinePlanner.Notice(late, Now.AddSeconds(-5), 64));
        Assert.Equal(45, slightly.Workers);
        Assert.Equal(5, DeadlinePlanner.Plan(Now, Now.AddSeconds(9.999), 1_000, 100, 4)!.Workers);
    }

    [Theory]
    [InlineData(0, 100.0, 4)]
    [InlineData(1_000, 0.0, 4)]
    [InlineData(1_000, 100.0, 0)]
    public void Without_rows_a_rate_or_workers_there_is_nothing_to_project(long rows, double rate, int workers) =>
        Assert.Null(DeadlinePlanner.Plan(Now, Now.AddMinutes(1), rows, rate, workers));
}
