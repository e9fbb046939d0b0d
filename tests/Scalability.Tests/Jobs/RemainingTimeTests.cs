using Scalability.Grains.Jobs;

namespace Scalability.Tests.Jobs;

/// <summary>The ETA's blend: the job's estimate leads at first, its measured rate alone from a tenth of the rows done.</summary>
public sealed class RemainingTimeTests
{
    [Fact]
    public void Before_any_row_is_done_the_estimate_says_what_is_left_and_without_one_nothing_does()
    {
        Assert.Equal(90.0, RemainingTime.Seconds(0, 10_000, rowsPerSecond: 0, elapsedSeconds: 10, estimatedDurationSeconds: 100));
        Assert.Equal(0.0, RemainingTime.Seconds(0, 10_000, 0, elapsedSeconds: 130, estimatedDurationSeconds: 100));
        Assert.Null(RemainingTime.Seconds(0, 10_000, 0, 10, estimatedDurationSeconds: null));
        Assert.Null(RemainingTime.Seconds(0, 0, 0, 1, 100));
    }

    [Fact]
    public void From_a_tenth_done_the_measured_rate_alone_sets_it()
    {
        // 1,000 of 10,000 rows done at 100 rows/s: 90 s left at that rate, whatever the estimate said.
        Assert.Equal(90.0, RemainingTime.Seconds(1_000, 10_000, 100, 12, estimatedDurationSeconds: 500));
        Assert.Equal(30.0, RemainingTime.Seconds(7_500, 10_000, 7_500 / 90.0, 92, estimatedDurationSeconds: 20)!.Value, 9);
        Assert.Equal(90.0, RemainingTime.Seconds(1_000, 10_000, 100, 12, estimatedDurationSeconds: null));
    }

    [Fact]
    public void Before_a_tenth_the_two_are_blended_by_the_share_done()
    {
        // 500 of 10,000 (half of a tenth) in 5 s: the rate leaves 95 s, the estimate 200 - 7 = 193 s; halfway between.
        Assert.Equal(144.0, RemainingTime.Seconds(500, 10_000, 100, 7, estimatedDurationSeconds: 200)!.Value, 6);
    }

    [Fact]
    public void A_job_run_at_a_steady_rate_has_an_eta_within_a_tenth_of_the_time_left_from_a_tenth_done_even_with_a_poor_estimate()
    {
        // 100,000 rows at 1,000 a second after 3 s of planning, estimated at half or twice its real 103 s.
        foreach (var estimate in new[] { 51.5, 206.0 })
        {
            for (var done = 10_000; done < 100_000; done += 5_000)
            {
                var running = done / 1_000.0;
                var eta = RemainingTime.Seconds(done, 100_000, RemainingTime.Rate(done, running, null, 0), running + 3, estimate)!.Value;
                var left = (100_000 - done) / 1_000.0;
                Assert.InRange(eta, left * 0.9, left * 1.1);
            }
        }
    }

    [Fact]
    public void The_rate_counts_from_the_first_commit_once_a_second_has_passed_since()
    {
        // Running for 5 s; the first commit came at 2 s with 8,000 rows (the start-up before it), 38,000 rows now.
        Assert.Equal(10_000.0, RemainingTime.Rate(38_000, 5, originSeconds: 2, originRows: 8_000));
        // Too soon after the first commit, and without one: rows over the time running.
        Assert.Equal(9_000 / 2.5, RemainingTime.Rate(9_000, 2.5, originSeconds: 2, originRows: 8_000));
        Assert.Equal(7_600.0, RemainingTime.Rate(38_000, 5, originSeconds: null, originRows: 0));
        Assert.Equal(0.0, RemainingTime.Rate(0, 0, null, 0));
    }

    [Fact]
    public void What_follows_the_last_commit_is_added_to_the_time_left_at_the_rate_not_to_the_estimates()
    {
        // 90 s of rows left at 100 rows/s, and 5 s to join the parts and finish.
        Assert.Equal(95.0, RemainingTime.Seconds(1_000, 10_000, 100, 12, estimatedDurationSeconds: 500, endSeconds: 5));
        // Halfway to a tenth: (95 + 5) / 2 from the rate, 193 / 2 from the estimate, which covers the end already.
        Assert.Equal(146.5, RemainingTime.Seconds(500, 10_000, 100, 7, estimatedDurationSeconds: 200, endSeconds: 5)!.Value, 6);
    }
}
