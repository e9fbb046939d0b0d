namespace Scalability.LlmSimulation;

/// <summary>A token bucket that starts full. Not thread-safe: the caller holds a lock.</summary>
internal sealed class TokenBucket
{
    private readonly TimeProvider _clock;
    private double _tokens;
    private long _lastTimestamp;

    public TokenBucket(double capacity, double refillPerSecond, TimeProvider clock)
    {
        Capacity = capacity;
        RefillPerSecond = refillPerSecond;
        _clock = clock;
        _tokens = capacity;
        _lastTimestamp = clock.GetTimestamp();
    }

    public double Capacity { get; }

    public double RefillPerSecond { get; }

    /// <summary>Refills for the time elapsed, then tells how long until <paramref name="cost"/> tokens are there (zero if they are).</summary>
    public TimeSpan WaitFor(double cost)
    {
        Refill();
        cost = Math.Min(cost, Capacity);
        return _tokens >= cost ? TimeSpan.Zero : TimeSpan.FromSeconds((cost - _tokens) / RefillPerSecond);
    }

    /// <summary>Takes tokens that <see cref="WaitFor"/> said are there.</summary>
    public void Take(double cost) => _tokens -= Math.Min(cost, Capacity);

    private void Refill()
    {
        var now = _clock.GetTimestamp();
        var elapsed = _clock.GetElapsedTime(_lastTimestamp, now);
        _lastTimestamp = now;
        if (elapsed > TimeSpan.Zero)
        {
            _tokens = Math.Min(Capacity, _tokens + (elapsed.TotalSeconds * RefillPerSecond));
        }
    }
}
