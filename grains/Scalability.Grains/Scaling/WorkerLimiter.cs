namespace Scalability.Grains.Scaling;

/// <summary>
/// A silo's worker slots: how many chunks it runs at once. The limit can be changed at any time; lowering it never
/// stops running work, it only holds back new work until enough slots have been given back. (A SemaphoreSlim cannot
/// lower its count, hence this small class.)
/// </summary>
public sealed class WorkerLimiter
{
    private readonly Lock _gate = new();
    private int _limit;
    private int _inUse;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkerLimiter(int limit) => SetLimit(limit);

    public int Limit
    {
        get { lock (_gate) { return _limit; } }
    }

    public int InUse
    {
        get { lock (_gate) { return _inUse; } }
    }

    public int Free
    {
        get { lock (_gate) { return FreeLocked; } }
    }

    private int FreeLocked => Math.Max(0, _limit - _inUse);

    public void SetLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (_gate)
        {
            _limit = limit;
            SignalLocked();
        }
    }

    /// <summary>Takes as many free slots as are available, up to <paramref name="wanted"/>; returns how many it took.</summary>
    public int TryAcquire(int wanted)
    {
        lock (_gate)
        {
            var taken = Math.Clamp(wanted, 0, FreeLocked);
            _inUse += taken;
            return taken;
        }
    }

    public void Release(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            if (count > _inUse)
            {
                throw new InvalidOperationException($"releasing {count} worker slot(s) but only {_inUse} are in use");
            }

            _inUse -= count;
            SignalLocked();
        }
    }

    /// <summary>Completes when at least one slot is free.</summary>
    public Task WaitForFreeSlotAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return FreeLocked > 0 ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
        }
    }

    private void SignalLocked()
    {
        // Waiters re-check after waking: a change may not have freed a slot (the limit went down).
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
