using Scalability.Grains.Processing.Llm;

namespace Scalability.Tests.Llm;

public sealed class LlmResilienceTests
{
    private static readonly TimeSpan Asked = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(100);

    [Theory]
    [InlineData(0.0, 200)]
    [InlineData(0.5, 300)]
    [InlineData(0.999, 399.8)]
    public void A_429_is_never_retried_before_the_time_it_names_and_the_waits_are_spread(double spread, double expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), LlmResilience.RateLimitedWait(Asked, Base, attempt: 0, spread, jitter: 0.5));
    }

    [Fact]
    public void A_ticket_turned_away_again_and_again_backs_off_past_the_named_time()
    {
        // Attempt 4: 100 ms × 2⁴ × (0.5 + 0.5) = 1.6 s, longer than the 200–400 ms the endpoint asks for.
        Assert.Equal(TimeSpan.FromMilliseconds(1600), LlmResilience.RateLimitedWait(Asked, Base, attempt: 4, spread: 0.9, jitter: 0.5));
        Assert.Equal(LlmResilience.MaxRetryAfter, LlmResilience.RateLimitedWait(Asked, Base, attempt: 30, spread: 0, jitter: 0.9));
    }
}
