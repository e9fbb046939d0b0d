using Scalability.Grains.Jobs;

namespace Scalability.Tests.Jobs;

public sealed class BudgetGuardTests
{
    [Theory]
    [InlineData(null, 0.0, 0, 1.0, 4, 4)]      // no budget
    [InlineData(10.0, 0.0, 0, 0.0, 4, 4)]        // nothing billed per chunk
    [InlineData(10.0, 0.0, 0, 1.0, 4, 4)]        // room for ten
    [InlineData(10.0, 7.0, 0, 1.0, 4, 3)]        // 3 left: three chunks
    [InlineData(10.0, 7.0, 2, 1.0, 4, 1)]        // two in flight hold 2
    [InlineData(10.0, 7.0, 3, 1.0, 4, 0)]        // the in-flight chunks hold the rest
    [InlineData(10.0, 9.5, 0, 1.0, 4, 0)]      // less than one chunk's worst case left
    [InlineData(10.0, 9.0, 0, 1.0, 4, 1)]        // exactly one
    [InlineData(10.0, 0.0, 0, 1.0, 0, 0)]        // none wanted
    public void A_chunk_is_leased_only_when_its_worst_case_fits_beside_the_spend_and_the_chunks_in_flight(
        double? budget, double spent, int inFlight, double worst, int wanted, int allowed) =>
        Assert.Equal(allowed, BudgetGuard.Allowed((decimal?)budget, (decimal)spent, inFlight, (decimal)worst, wanted));

    [Fact]
    public void The_projection_is_the_cost_per_row_so_far_over_all_rows_and_the_estimate_before_any()
    {
        Assert.Equal(10m, BudgetGuard.Projected(2.5m, 250, 1_000, estimatedUsd: 7m));
        Assert.Equal(7m, BudgetGuard.Projected(0m, 0, 1_000, estimatedUsd: 7m));
        Assert.Null(BudgetGuard.Projected(0m, 0, 1_000, estimatedUsd: null));
        Assert.Equal(3m, BudgetGuard.Projected(3m, 1_000, 1_000, estimatedUsd: 7m));
    }

    [Fact]
    public void The_messages_give_the_figures_and_the_way_on()
    {
        Assert.Equal(
            "paused at the budget of $0.50: $0.4321 spent, $0.00 held for the 0 chunk(s) in flight, and the next chunk could cost up to $0.12; " +
            "600 rows remain, and the whole job is projected to cost $1.08025. Continue with a larger budget: scale resume job-1 --budget <USD>",
            BudgetGuard.PauseReason("job-1", 0.5m, 0.4321m, 0, 0.12m, 600, 1.08025m));
        Assert.Equal(
            "a budget of $0.60 does not cover the next chunk: $0.4321 is spent, $0.24 is held for the chunks in flight, and a chunk could cost up to $0.12; give at least $0.7921",
            BudgetGuard.TooSmall(0.6m, 0.4321m, 2, 0.12m));
        Assert.Equal("--budget must be more than 0 USD (got 0)", Assert.Throws<ArgumentException>(() => BudgetGuard.Validate(0m)).Message);
        BudgetGuard.Validate(null);
    }
}
