using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scalability.Grains.Scaling.Policy;

namespace Scalability.Grains.Scaling;

/// <summary>
/// The cluster's AutoScaler. Worker pools report every couple of seconds and are answered with their limit; a timer
/// runs the control loop over the silos' latest windows (<see cref="ScalingPolicy"/> decides the cluster's total,
/// <see cref="WorkerSplit"/> shares it by cores). A silo that joins is given workers at once; one that goes silent
/// has its share moved to the others. Every change is recorded with its reason and the figures behind it.
/// </summary>
public sealed class AutoScalerGrain(
    [PersistentState("autoscaler", StorageNames.Jobs)] IPersistentState<AutoScalerState> state,
    IOptions<AutoScalerOptions> options,
    IClusterMembershipService membership,
    ILogger<AutoScalerGrain> logger) : Grain, IAutoScalerGrain
{
    private readonly Dictionary<string, SiloMetrics> _silos = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _lastHeard = new(StringComparer.Ordinal);
    private ScalingPolicy? _policy;
    private IGrainTimer? _loop;
    private ClusterMetrics _lastSeen = ClusterMetrics.Empty;

    // Jobs behind their time limits: the workers each asked for (perhaps past the maximum), until when. Kept in memory: a job asks again every
    // few seconds while it is behind, so a restart loses nothing that matters for long.
    private readonly Dictionary<string, (int Workers, DateTime UntilUtc)> _deadlines = new(StringComparer.Ordinal);

    private AutoScalerState State => state.State;

    private AutoScalerSettings Settings => State.Settings ?? options.Value.Settings;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Silos known from before a restart that the membership no longer lists as live (an embedded silo's earlier
        // runs, a cluster's dead members) are forgotten at once, with their workers: they are not capacity the live
        // silos lost, and a silo that joins brings its own. The others get the usual time to report before they are
        // taken as gone.
        var members = Members();
        foreach (var silo in State.Cores.Keys.ToArray())
        {
            if (SiloLiveness.IsGone(silo, members, restored: true))
            {
                State.TotalWorkers = Math.Max(0, State.TotalWorkers - State.Targets.GetValueOrDefault(silo));
                State.Cores.Remove(silo);
                State.Targets.Remove(silo);
                continue;
            }

            _lastHeard[silo] = DateTime.UtcNow;
        }

        _loop = this.RegisterGrainTimer(ControlAsync, new GrainTimerCreationOptions(options.Value.ControlInterval, options.Value.ControlInterval)
        {
            KeepAlive = true,
        });
        return Task.CompletedTask;
    }

    public async Task<int> Report(SiloMetrics metrics)
    {
        _silos[metrics.Silo] = metrics;
        _lastHeard[metrics.Silo] = DateTime.UtcNow;
        if (State.Cores.TryAdd(metrics.Silo, metrics.Cores))
        {
            // A silo that joins brings its own workers: capacity rises at once, within the bounds.
            var total = ManualActive ? State.TotalWorkers : Bounded(State.TotalWorkers + metrics.Workers);
            await ApplyAsync(total, string.Create(CultureInfo.InvariantCulture,
                $"silo {metrics.Silo} joined with {metrics.Workers} workers"), manual: false, force: true);
        }

        return State.Targets.TryGetValue(metrics.Silo, out var target) ? target : metrics.Workers;
    }

    public async Task<ScalingDecision> ManualScale(int workers, string reason, TimeSpan holdFor)
    {
        if (workers < 0)
        {
            throw new ArgumentException($"the workers must be 0 or more (got {workers})");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("a manual scale needs a reason, for the decision log");
        }

        if (holdFor <= TimeSpan.Zero)
        {
            throw new ArgumentException($"a manual scale must hold for some time (got {holdFor})");
        }

        State.ManualReason = reason;
        State.ManualUntilUtc = DateTime.UtcNow + holdFor;
        // A manual target is the operator's: it may leave the automatic bounds.
        return await ApplyAsync(workers, $"manual: {reason} (held until {State.ManualUntilUtc:HH:mm:ss} UTC)", manual: true, force: true);
    }

    public async Task ResumeAutomatic()
    {
        State.ManualReason = null;
        State.ManualUntilUtc = null;
        await state.WriteStateAsync();
    }

    public async Task Configure(AutoScalerSettings settings)
    {
        if (settings.MinWorkers < 0 || settings.MaxWorkers < Math.Max(1, settings.MinWorkers))
        {
            throw new ArgumentException(
                $"the bounds must satisfy 0 <= min_workers <= max_auto_scale_workers and max >= 1 (got {settings.MinWorkers} and {settings.MaxWorkers})");
        }

        State.Settings = settings;
        _policy = null;
        if (State.TotalWorkers != Bounded(State.TotalWorkers) && !ManualActive)
        {
            await ApplyAsync(Bounded(State.TotalWorkers),
                $"settings changed: workers bounded to [{settings.MinWorkers}, {settings.MaxWorkers}]", manual: false);
        }
        else
        {
            await state.WriteStateAsync();
        }
    }

    public Task<int> RequestWorkersForDeadline(string jobId, int workers, TimeSpan holdFor)
    {
        if (!Settings.Enabled || ManualActive || workers <= 0)
        {
            _deadlines.Remove(jobId);
            return Task.FromResult(0);
        }

        _deadlines[jobId] = (workers, DateTime.UtcNow + holdFor);
        return Task.FromResult(Math.Min(workers, Settings.MaxWorkers));
    }

    public Task<AutoScalerSettings> GetSettings() => Task.FromResult(Settings);

    public Task<ScalingDecision[]> GetDecisions(DateTime sinceUtc) =>
        Task.FromResult(State.Decisions.Where(d => d.TimeUtc >= sinceUtc).ToArray());

    public Task<SiloMetrics[]> GetSilos() => Task.FromResult(_silos.Values.OrderBy(s => s.Silo, StringComparer.Ordinal).ToArray());

    public Task<DashboardSnapshot> GetDashboard()
    {
        var seen = ClusterMetricsAggregator.Aggregate(_silos.Values, _lastSeen.Backlog, Settings.MemoryLimitBytes);
        return Task.FromResult(new DashboardSnapshot(
            DateTime.UtcNow,
            State.TotalWorkers,
            new SortedDictionary<string, int>(State.Targets, StringComparer.Ordinal),
            seen.TicketsPerSecond * 60,
            seen.ErrorRate * 100,
            seen.RateLimitedRate * 100,
            seen.TicketLatencyP50Ms,
            seen.TicketLatencyP95Ms,
            seen.CpuUtilization * 100,
            seen.MemoryUtilization * 100,
            seen.Backlog,
            Settings,
            ManualActive ? State.ManualReason : null,
            ManualActive ? State.ManualUntilUtc : null,
            State.Decisions.Count > 0 ? State.Decisions[^1] : null));
    }

    private bool ManualActive => State.ManualUntilUtc is { } until && until > DateTime.UtcNow;

    private Dictionary<SiloAddress, SiloStatus> Members() =>
        membership.CurrentSnapshot.Members.ToDictionary(member => member.Key, member => member.Value.Status);

    private int Bounded(int workers) => Math.Clamp(workers, Settings.MinWorkers, Math.Max(Settings.MinWorkers, Settings.MaxWorkers));

    /// <summary>One turn of the control loop.</summary>
    private async Task ControlAsync()
    {
        // Gone: declared dead (or restarted) by the membership, which says so sooner, or silent for too long.
        var members = Members();
        var left = _lastHeard.Keys.Where(silo => SiloLiveness.IsGone(silo, members, restored: false)).Order(StringComparer.Ordinal).ToList();
        var silent = _lastHeard.Where(h => !left.Contains(h.Key) && DateTime.UtcNow - h.Value > options.Value.SiloSilentAfter)
            .Select(h => h.Key).Order(StringComparer.Ordinal).ToList();
        foreach (var silo in left.Concat(silent))
        {
            _silos.Remove(silo);
            _lastHeard.Remove(silo);
            State.Cores.Remove(silo);
        }

        if (left.Count > 0)
        {
            await ApplyAsync(State.TotalWorkers, $"silo {string.Join(", ", left)} left the cluster: its workers move to the other silos",
                manual: false, force: true);
        }

        if (silent.Count > 0)
        {
            await ApplyAsync(State.TotalWorkers, $"silo {string.Join(", ", silent)} stopped reporting: its workers move to the other silos",
                manual: false, force: true);
        }

        if (_silos.Count == 0)
        {
            return;
        }

        if (State.ManualUntilUtc is { } until && until <= DateTime.UtcNow)
        {
            logger.LogInformation("AutoScaler: the manual override ({Reason}) has ended", State.ManualReason);
            State.ManualReason = null;
            State.ManualUntilUtc = null;
        }

        _lastSeen = ClusterMetricsAggregator.Aggregate(_silos.Values, await BacklogAsync(), Settings.MemoryLimitBytes);
        if (ManualActive || !Settings.Enabled)
        {
            return;
        }

        _policy ??= new ScalingPolicy(Settings.Mode, new ScalingLimits(Settings.MinWorkers, Settings.MaxWorkers));
        var step = _policy.Decide(new ScalingObservation(
            State.TotalWorkers, (int)Math.Round(_lastSeen.BusyWorkers), _lastSeen.TicketsPerSecond,
            _lastSeen.TicketLatencyP50Ms, _lastSeen.TicketLatencyP95Ms, _lastSeen.ErrorRate, _lastSeen.RateLimitedRate,
            _lastSeen.CpuUtilization, _lastSeen.MemoryUtilization, _lastSeen.Backlog, _lastSeen.Cores));
        var (workers, reason) = AtLeastForDeadlines(step);
        if (workers != State.TotalWorkers)
        {
            await ApplyAsync(workers, reason, manual: false);
        }
    }

    /// <summary>
    /// The policy's step, raised to what jobs behind their time limits asked for, unless the cluster is being cut for
    /// 429s, errors or memory: more workers would only make those worse.
    /// </summary>
    private (int Workers, string Reason) AtLeastForDeadlines(ScalingStep step)
    {
        var now = DateTime.UtcNow;
        foreach (var expired in _deadlines.Where(d => d.Value.UntilUtc <= now).Select(d => d.Key).ToList())
        {
            _deadlines.Remove(expired);
        }

        if (_deadlines.Count == 0)
        {
            return (step.Workers, step.Reason);
        }

        var (job, asked) = _deadlines.MaxBy(d => d.Value.Workers);
        var floor = Math.Min(asked.Workers, Settings.MaxWorkers);
        var hardSignal = _lastSeen.RateLimitedRate > ScalingPolicyOptions.Default.RateLimitThreshold ||
                         _lastSeen.ErrorRate > ScalingPolicyOptions.Default.ErrorRateThreshold;
        if (step.Workers >= floor || hardSignal)
        {
            return (step.Workers, step.Reason);
        }

        return (floor, string.Create(CultureInfo.InvariantCulture,
            $"job {job} is behind its time limit and asked for {asked.Workers} workers: {State.TotalWorkers} → {floor} (the loop alone would have: {step.Reason})"));
    }

    /// <summary>Chunks waiting for a lease across the unfinished jobs.</summary>
    private async Task<long> BacklogAsync()
    {
        try
        {
            var jobs = await GrainFactory.GetGrain<IJobDirectoryGrain>(IJobDirectoryGrain.Key).GetUnfinishedJobs();
            var progress = await Task.WhenAll(jobs.Select(job => GrainFactory.GetGrain<IJobGrain>(job).GetProgress()));
            return progress.Sum(p => (long)Math.Max(0, p.ChunksTotal - p.ChunksDone - p.ChunksRunning));
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "AutoScaler: could not read the backlog");
            return _lastSeen.Backlog;
        }
    }

    /// <summary>Sets the cluster's total, shares it over the reporting silos, and records the decision.</summary>
    private async Task<ScalingDecision> ApplyAsync(int total, string reason, bool manual, bool force = false)
    {
        var targets = WorkerSplit.Split(total, State.Cores);
        var decision = new ScalingDecision(DateTime.UtcNow, State.TotalWorkers, total, targets, reason, manual,
            _silos.Count > 0 ? ClusterMetricsAggregator.Aggregate(_silos.Values, _lastSeen.Backlog, Settings.MemoryLimitBytes) : _lastSeen);
        if (!force && total == State.TotalWorkers && targets.SequenceEqual(State.Targets.OrderBy(t => t.Key, StringComparer.Ordinal)))
        {
            return decision;
        }

        logger.LogInformation("AutoScaler: {From} → {To} workers: {Reason}", State.TotalWorkers, total, reason);
        State.TotalWorkers = total;
        State.Targets = new Dictionary<string, int>(targets, StringComparer.Ordinal);
        State.Decisions.Add(decision);
        if (State.Decisions.Count > options.Value.DecisionsKept)
        {
            State.Decisions.RemoveRange(0, State.Decisions.Count - options.Value.DecisionsKept);
        }

        await state.WriteStateAsync();
        return decision;
    }
}
