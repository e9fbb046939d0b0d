namespace Scalability.LlmSimulation;

/// <summary>
/// A consistent snapshot of what the simulator answered. <see cref="Ok"/> counts well-formed 200s and
/// <see cref="Malformed"/> the 200s with broken content; every request lands in exactly one counter, so
/// RequestsTotal = Ok + Malformed + RateLimited + ServerErrors + Unauthorized + BadRequests.
/// Billing rule: tokens are billed for every 200 reply (ok or malformed), never for a 429, 5xx, 401 or 400.
/// </summary>
public sealed record SimulatorStats(
    long RequestsTotal,
    long Ok,
    long RateLimited,
    long ServerErrors,
    long Malformed,
    long Unauthorized,
    long BadRequests,
    long PromptTokens,
    long CompletionTokens)
{
    public long TotalTokens => PromptTokens + CompletionTokens;
}

/// <summary>The simulator's counters; updated and read under one lock so that snapshots are consistent.</summary>
internal sealed class StatsCounter
{
    private readonly Lock _gate = new();
    private long _ok;
    private long _rateLimited;
    private long _serverErrors;
    private long _malformed;
    private long _unauthorized;
    private long _badRequests;
    private long _promptTokens;
    private long _completionTokens;

    public void Unauthorized() => Add(ref _unauthorized);

    public void BadRequest() => Add(ref _badRequests);

    public void RateLimited() => Add(ref _rateLimited);

    public void ServerError() => Add(ref _serverErrors);

    /// <summary>A 200 reply: counted as ok or malformed, and billed either way.</summary>
    public void Replied(bool malformed, int promptTokens, int completionTokens)
    {
        lock (_gate)
        {
            if (malformed)
            {
                _malformed++;
            }
            else
            {
                _ok++;
            }

            _promptTokens += promptTokens;
            _completionTokens += completionTokens;
        }
    }

    public SimulatorStats Snapshot()
    {
        lock (_gate)
        {
            return new SimulatorStats(
                _ok + _rateLimited + _serverErrors + _malformed + _unauthorized + _badRequests,
                _ok, _rateLimited, _serverErrors, _malformed, _unauthorized, _badRequests, _promptTokens, _completionTokens);
        }
    }

    private void Add(ref long counter)
    {
        lock (_gate)
        {
            counter++;
        }
    }
}
