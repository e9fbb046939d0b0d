namespace Scalability.Tests.Llm;

/// <summary>A clock that never moves, so rate-limit buckets do not refill between the requests of a test.</summary>
internal sealed class FrozenClock : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public override long GetTimestamp() => 0;
}
