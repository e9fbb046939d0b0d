using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Scalability.Grains.Processing.Llm;

/// <summary>
/// How the llm processor rides out a busy or flaky endpoint: each request gets its own time limit, and a request that
/// timed out, was rate limited (429), or failed on the server's side (5xx, a dropped connection) is retried with
/// exponential back-off and jitter. A 429 that says when to come back (<c>retry-after-ms</c> or <c>Retry-After</c>) is
/// never retried earlier, since that only earns another 429; but not exactly then either: every worker turned away in
/// the same moment is told the same time, and if they all came back together only one would get through. So the wait
/// is the longer of the endpoint's time spread by up to as much again, and the back-off of this attempt.
/// </summary>
public static class LlmResilience
{
    /// <summary>The longest wait a <c>Retry-After</c> can ask for; past it the back-off's own cap applies.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    public static ResiliencePipeline Create(int maxAttempts, TimeSpan requestTimeout, TimeSpan baseDelay, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System };
        if (maxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is ClientResultException { Status: 429 } e && RetryAfter(e.GetRawResponse()) is { } asked
                        ? RateLimitedWait(asked, baseDelay, args.AttemptNumber, Random.Shared.NextDouble(), Random.Shared.NextDouble())
                        : (TimeSpan?)null),
            });
        }

        return builder.AddTimeout(requestTimeout).Build();
    }

    /// <summary>
    /// The wait after a 429 that named one: at least <paramref name="asked"/>, spread by up to as much again, and no
    /// shorter than the exponential back-off for <paramref name="attempt"/> (0-based), so that a ticket turned away again
    /// and again backs off like any other failure. <paramref name="spread"/> and <paramref name="jitter"/> are uniform in
    /// [0, 1).
    /// </summary>
    public static TimeSpan RateLimitedWait(TimeSpan asked, TimeSpan baseDelay, int attempt, double spread, double jitter)
    {
        var backoff = baseDelay * Math.Pow(2, Math.Min(attempt, 16)) * (0.5 + jitter);
        var wait = asked * (1 + spread);
        var longer = wait > backoff ? wait : backoff;
        return longer > MaxRetryAfter ? MaxRetryAfter : longer;
    }

    /// <summary>Worth another try: the same request may well succeed later.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        TimeoutRejectedException => true,
        HttpRequestException => true,
        // Status 0: no response at all (the connection failed), which System.ClientModel reports this way.
        ClientResultException c => c.Status is 0 or 408 or 409 or 429 or >= 500,
        _ => false,
    };

    /// <summary>The wait a 429 asks for, from <c>retry-after-ms</c> or <c>Retry-After</c> (seconds or a date).</summary>
    public static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) &&
            double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return Cap(TimeSpan.FromMilliseconds(milliseconds));
        }

        if (response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return Cap(TimeSpan.FromSeconds(seconds));
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            {
                var wait = when - DateTimeOffset.UtcNow;
                return Cap(wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
            }
        }

        return null;
    }

    private static TimeSpan Cap(TimeSpan wait) => wait > MaxRetryAfter ? MaxRetryAfter : wait;
}
