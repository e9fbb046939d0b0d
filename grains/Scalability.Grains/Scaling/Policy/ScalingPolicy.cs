using static System.FormattableString;

namespace Scalability.Grains.Scaling.Policy;

/// <summary>
/// The autoscaler's control policy: given what the cluster did over the last window, the cluster's new total worker
/// count and why. One instance per control loop; it keeps the history it needs between calls. It has no clock and no
/// randomness: time is the number of <see cref="Decide"/> calls, one per control interval (about 2 s, each
/// observation covering the interval since the previous one).
/// </summary>
/// <remarks>
/// <para>
/// <b>The algorithm.</b> Two production ideas, each used where its signal is reliable.
/// </para>
/// <para>
/// <i>AIMD, as in TCP congestion control, for the hard signals.</i> TCP grows its window gently and cuts it by half
/// on a loss; additive increase with multiplicative decrease is what lets senders converge on a shared limit and stay
/// stable when feedback comes late. Here the losses are 429 answers above 1% of requests, errors above 5% and memory
/// above the high-water mark: each cuts the worker count multiplicatively at once, in every mode, and the two windows
/// after a cut do not cut again (they still show the old level). Plain AIMD's sawtooth averages about three quarters
/// of the limit, too little when the limit is an endpoint's rate limit and the goal is 90% of the best fixed setting,
/// so the 429 rule is refined three ways. The cut is sized from what the endpoint accepted rather than always halving:
/// by Little's law, the tickets it served per second over what a worker gets through in clean windows is the number of
/// workers that would have asked for exactly that much (or, before any clean window, busy × (1 − refused share), aimed 10%
/// under; the refused share under-counts the excess when a Retry-After makes refused workers wait). That
/// level is remembered as a ceiling (TCP's ssthresh): growth closes the gap to just under it in halving steps, holds
/// there, and only after a quiet period (30 windows, doubled after every probe that draws 429s, up to 120) probes one
/// worker above; a probe that runs clean forgets the ceiling, and growth past it is then one worker a step (TCP's
/// congestion avoidance). And 429s under the cut threshold but above 0.25% stop growth and step down one worker after
/// a few windows: with a Retry-After the refused workers wait instead of asking again, so being a few workers over
/// the limit shows as well under 1% of 429s and would otherwise never be corrected.
/// </para>
/// <para>
/// <i>Gradient / Vegas-style control, as in Netflix's concurrency-limits, for the soft signals.</i> That library
/// treats concurrency as the quantity to control: by Little's law throughput = concurrency ÷ latency, so while latency
/// stays at its no-load value more concurrency is pure gain, and once latency climbs above the lowest recently seen
/// the extra concurrency is only queueing (Vegas estimates that queue as limit × (1 − minRTT ÷ RTT); the gradient
/// limiter scales the limit by minRTT ÷ RTT). Our loop is slower and coarser (whole chunks, 2 s windows), but it
/// measures throughput directly, so it climbs on the measured gain: every step up is judged on its first settled
/// window by the share of the proportional gain it returned (+50% workers bringing +10% tickets/s returned 0.2). A step
/// that returns less than the mode asks, or that pushes p50 past the mode's tolerance over the lowest p50 of the last
/// two minutes (the gradient), is withdrawn and the level it came from becomes a knee. That is how CPU-bound work
/// settles near the core count while an endpoint with a fixed latency grows to the maximum. Growth is multiplicative
/// while nothing limits it (×1.5 in balanced mode), and an eighth of the workers a step once a knee was found or the
/// process CPU nears the cores. A knee is re-probed after the same quiet period, in case capacity changed (a silo
/// joined, the endpoint got faster); a change in the cluster's cores forgets it at once.
/// </para>
/// <para>
/// <i>Damping.</i> Up is fast; down for slack is slow and hysteretic: one worker at a time after
/// <see cref="ScalingPolicyOptions.HysteresisWindows"/> consecutive windows arguing for it (p50 past the tolerance,
/// too few tickets per worker in cost mode, idle workers once no chunk waits), never in speed mode while chunks wait.
/// Idle (no backlog, nobody busy) drifts down a tenth per window after a few windows, not in one jump, and forgets
/// what was learned: the next job may be different work. The window after any change is never used to judge it.
/// </para>
/// <para>
/// <i>Modes.</i> Speed grows ×2 and keeps a step while it returns 10% of its proportional gain; it never gives back
/// workers for slack while chunks wait (it still withdraws a step that bought nothing, which costs no speed).
/// Balanced grows ×1.5 while a step returns 20% (a ×1.5 step must add 10% tickets/s). Cost grows ×1.25 while a step
/// returns 80% and tickets/s per worker stay within 80% of the best recently seen, and steps down when they fall
/// below. Memory grows ×1.25 with lower memory marks (60%/70% instead of 75%/85%). In every mode growth is capped to
/// what memory allows, estimating memory per worker as the current share ÷ workers (an over-estimate when part of the
/// memory is fixed, so the cap errs low and is re-estimated each window).
/// </para>
/// </remarks>
public sealed class ScalingPolicy
{
    private const double Epsilon = 1e-9;

    private readonly ScalingLimits _limits;
    private readonly ScalingPolicyOptions _options;
    private readonly ModeTuning _tuning;
    private readonly RollingWindow _p50;
    private readonly RollingWindow _ratePerWorker;

    // Tickets/s per busy worker in working windows without 429s: what a worker gets through when nothing waits for
    // the endpoint, its own overhead between tickets included (which a ticket's p50 leaves out). The median, so that
    // one odd window does not move a Little's-law estimate.
    private readonly RollingWindow _cleanRatePerWorker;

    private int? _lastDecision;
    private int _settle;
    private int _cooldown;
    private int _cores;

    // The current level's smoothed tickets/s over its settled, working windows.
    private double? _levelRate;

    // The step up being judged: the level it left and that level's tickets/s.
    private (int Workers, double Rate)? _base;
    private bool _probing;
    private int? _probedTo;

    private int? _knee;
    private int? _ceiling;
    private int? _lastClean;
    private bool _rateLimited;
    private bool _nearLimit;
    private int _heldWindows;
    private int _reprobeWait;
    private int _slackWindows;
    private int _limitedWindows;
    private int _cleanAtCeiling;
    private int _idleWindows;

    public ScalingPolicy(TargetMode mode, ScalingLimits limits, ScalingPolicyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        Mode = mode;
        _limits = limits;
        _options = options ?? ScalingPolicyOptions.Default;
        _tuning = _options.For(mode);
        _p50 = new RollingWindow(_options.BaselineWindows);
        _ratePerWorker = new RollingWindow(_options.BaselineWindows);
        _cleanRatePerWorker = new RollingWindow(_options.BaselineWindows);
        _reprobeWait = InitialReprobeWait;
    }

    public TargetMode Mode { get; }

    public ScalingLimits Limits => _limits;

    /// <summary>Decisions taken so far (the policy's clock).</summary>
    public int Windows { get; private set; }

    /// <summary>The worker count from which 429s are expected, or null when none is known.</summary>
    public int? RateLimitCeiling => _ceiling;

    /// <summary>The worker count above which more workers did not pay, or null when none is known.</summary>
    public int? Knee => _knee;

    private int InitialReprobeWait => Math.Max(1, _options.ReprobeWindows);

    public ScalingStep Decide(ScalingObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        Windows++;
        var o = Sanitize(observation);
        var w = o.Workers;
        var floor = Floor(o);

        if (_lastDecision is { } last && last != w)
        {
            // Someone else set the count (a manual override, a silo joining or leaving): nothing is judged across it.
            ForgetLevel();
            _base = null;
            _probing = false;
            _probedTo = null;
            _settle = Math.Max(_settle, _options.SettleWindows);
        }

        if (_cores != 0 && o.Cores != _cores)
        {
            ForgetKnee();
        }

        _cores = o.Cores;

        if (w < floor || w > _limits.MaxWorkers)
        {
            var bounded = Math.Clamp(w, floor, _limits.MaxWorkers);
            return Change(w, bounded, w < floor && floor > _limits.MinWorkers
                ? Invariant($"{w} workers with {o.Backlog} chunks waiting: raised to {bounded}")
                : Invariant($"{w} workers is outside the bounds [{_limits.MinWorkers}, {_limits.MaxWorkers}]: set to {bounded}"));
        }

        var mixed = _settle > 0;
        if (mixed)
        {
            _settle--;
        }

        var coolingDown = _cooldown > 0;
        if (coolingDown)
        {
            _cooldown--;
        }

        var busy = o.BusyWorkers;
        var working = o.Backlog > 0 && o.TicketsPerSecond > 0 && busy >= _options.BusyFractionForGrowth * w;
        if (!mixed && working)
        {
            if (o.TicketLatencyP50Ms > 0)
            {
                _p50.Add(o.TicketLatencyP50Ms);
            }

            _ratePerWorker.Add(o.TicketsPerSecond / Math.Max(1, busy));
            if (o.RateLimitedRate <= _options.RateLimitQuietThreshold)
            {
                _lastClean = w;
                _cleanRatePerWorker.Add(o.TicketsPerSecond / Math.Max(1, busy));
            }

            _levelRate = _levelRate is { } rate
                ? rate + (_options.LevelSmoothing * (o.TicketsPerSecond - rate))
                : o.TicketsPerSecond;
        }

        // Hard signals first, in every mode.
        if (Cut(o, floor, _lastClean) is { } cut)
        {
            if (coolingDown)
            {
                return Hold(w, Invariant($"{cut.Causes}: holding at {w} for a window while the last cut takes effect"));
            }

            if (cut.Target >= w)
            {
                return Hold(w, Invariant($"{cut.Causes}: already at the minimum of {w} workers"));
            }

            if (cut.Ceiling is { } ceiling)
            {
                _ceiling = ceiling;
                _rateLimited = true;
                _nearLimit = true;
                _heldWindows = 0;
                _reprobeWait = _probedTo == w ? Math.Min(MaxReprobeWait, _reprobeWait * 2) : _reprobeWait;
            }

            _base = null;
            _probing = false;
            _cooldown = _options.CutCooldownWindows;
            var step = Change(w, cut.Target, Invariant($"{cut.Causes}: cut {w} → {cut.Target} (×{(double)cut.Target / w:0.##})"));
            return cut.Ceiling is { } remembered
                ? step with { Reason = step.Reason + Invariant($"; 429s expected from about {remembered} workers, staying under that") }
                : step;
        }

        if (o.Backlog == 0 && busy == 0)
        {
            return Idle(w, floor);
        }

        _idleWindows = 0;

        if (mixed)
        {
            return Hold(w, Invariant($"holding at {w} for a window while the last change shows in the figures ({o.TicketsPerSecond:0.#} tickets/s)"));
        }

        if (o.Backlog == 0)
        {
            return Draining(o, floor);
        }

        if (busy < _options.BusyFractionForGrowth * w || o.TicketsPerSecond <= 0)
        {
            return Hold(w, Invariant($"{busy} of {w} workers busy with {o.Backlog} chunks waiting: more workers would not be used"));
        }

        var latencyRatio = LatencyRatio(o);
        var workerShare = WorkerShare(o);

        string? judged = null;
        if (_base is { } from)
        {
            _base = null;
            var probing = _probing;
            _probing = false;
            // A step back toward a level the endpoint accepted without 429s is not judged on throughput: the 429
            // estimate justified it, and a one-worker step is within the noise of a window.
            if (w > from.Workers && from.Workers > 0 && !(_ceiling is { } accepted && w < accepted))
            {
                var (failure, note) = Judge(o, from, latencyRatio, workerShare);
                if (failure is not null)
                {
                    _knee = from.Workers;
                    _nearLimit = true;
                    _heldWindows = 0;
                    _reprobeWait = probing ? Math.Min(MaxReprobeWait, _reprobeWait * 2) : InitialReprobeWait;
                    return Change(w, Math.Max(floor, from.Workers), Invariant($"{failure}: back to {from.Workers}"));
                }

                judged = note;
            }
        }

        if (o.RateLimitedRate > _options.RateLimitQuietThreshold)
        {
            // 429s under the share that cuts: too few to cut for, too many to settle on. This is what an endpoint
            // whose 429s carry a Retry-After looks like past its limit (the refused workers wait instead of asking
            // again), so the level they start at becomes the ceiling and the count steps down slowly until they stop.
            _rateLimited = true;
            _nearLimit = true;
            var band = Invariant($"429s at {o.RateLimitedRate:0.0#%} of requests (above {_options.RateLimitQuietThreshold:0.0#%}, under the {_options.RateLimitThreshold:0.#%} that cuts)");
            if (_probedTo == w && w > floor)
            {
                // A probe above a level that ran clean: go back at once, and wait longer before the next probe.
                _ceiling = w;
                _reprobeWait = Math.Min(MaxReprobeWait, _reprobeWait * 2);
                return Change(w, w - 1, Invariant($"{band} again at {w} workers: back to {w - 1}"));
            }

            if (_ceiling is not { } known || known > w)
            {
                _ceiling = w;
            }

            _limitedWindows++;
            if (_limitedWindows >= _options.HysteresisWindows && w > floor)
            {
                var lower = w - 1;
                return Change(w, lower, Invariant($"{band} for {_limitedWindows} windows: down {w} → {lower}"));
            }

            return Hold(w, Invariant($"{band}: not growing ({_limitedWindows} of {_options.HysteresisWindows} windows before stepping down)"));
        }

        // A clean window counts against the 429 windows rather than forgetting them: a level just over an endpoint's
        // limit with a Retry-After draws a few 429s in most windows, not in every one.
        _limitedWindows = Math.Max(0, _limitedWindows - 1);
        if (judged is not null && _knee is { } knee && w > knee)
        {
            // More workers paid past the knee, without 429s: it has moved.
            _knee = null;
            _reprobeWait = InitialReprobeWait;
        }

        if (_ceiling is { } passed && w >= passed)
        {
            // Running clean at the remembered 429 level for as long as it takes to step down for 429s: the limit
            // has moved up. One clean window there proves nothing.
            _cleanAtCeiling++;
            if (_cleanAtCeiling >= _options.HysteresisWindows)
            {
                _ceiling = null;
                _cleanAtCeiling = 0;
                _reprobeWait = InitialReprobeWait;
            }
        }
        else
        {
            _cleanAtCeiling = 0;
        }

        if (Overloaded(o, latencyRatio, workerShare) is { } overload)
        {
            _slackWindows++;
            if (_tuning.HoldWhileBacklog)
            {
                return Hold(w, Invariant($"{overload}: not growing (speed mode keeps its workers while {o.Backlog} chunks wait)"));
            }

            if (_slackWindows >= _options.HysteresisWindows && w > floor)
            {
                var lower = w - 1;
                _knee = lower;
                _nearLimit = true;
                _heldWindows = 0;
                return Change(w, lower, Invariant($"{overload} for {_slackWindows} windows: down {w} → {lower}"));
            }

            return Hold(w, Invariant($"{overload}: not growing ({_slackWindows} of {_options.HysteresisWindows} windows before stepping down)"));
        }

        _slackWindows = 0;
        return Grow(o, latencyRatio, judged);
    }

    private ScalingStep Grow(ScalingObservation o, double latencyRatio, string? judged)
    {
        var w = o.Workers;
        var seen = Invariant($"{o.TicketsPerSecond:0.#} tickets/s at {w} workers, p50 {o.TicketLatencyP50Ms:0.#} ms ({latencyRatio:0.0#}× the lowest recent)");
        if (judged is not null)
        {
            seen = judged + "; " + seen;
        }

        if (w >= _limits.MaxWorkers)
        {
            return Hold(w, Invariant($"{seen}: at the maximum of {_limits.MaxWorkers} workers"));
        }

        var memory = o.MemoryUtilization;
        if (memory > _tuning.MemoryLowWater)
        {
            return Hold(w, Invariant($"{seen}; memory at {memory:0%} of the limit (above {_tuning.MemoryLowWater:0%}): not growing"));
        }

        // What each limit allows, lowest first; a probe may go past a knee or a 429 level, never past the others.
        var hardCap = _limits.MaxWorkers;
        var hardWhy = Invariant($"the maximum of {_limits.MaxWorkers} workers");
        if (memory > 0)
        {
            var memoryCap = (int)Math.Floor((w * _tuning.MemoryLowWater / memory) + Epsilon);
            if (memoryCap < hardCap)
            {
                hardCap = memoryCap;
                hardWhy = Invariant($"memory at {memory:0%} of the limit allows about {memoryCap} workers under {_tuning.MemoryLowWater:0%}");
            }
        }

        var backlogCap = (int)Math.Min(int.MaxValue, w + o.Backlog);
        if (backlogCap < hardCap)
        {
            hardCap = backlogCap;
            hardWhy = Invariant($"only {o.Backlog} chunks are waiting");
        }

        var softCap = int.MaxValue;
        string? softWhy = null;
        // Once 429s were seen, growth past the level they came from is additive, one worker a step (TCP's congestion
        // avoidance): the limit is near, and every worker too many costs a window of 429s.
        var probeStep = _rateLimited ? 1 : Math.Max(1, (int)Math.Round(w * _options.ProbeFraction));
        if (_ceiling is { } ceiling)
        {
            softCap = ceiling - 1;
            softWhy = Invariant($"429s expected from {ceiling} workers");
        }

        if (_knee is { } knee && knee < softCap)
        {
            softCap = knee;
            softWhy = Invariant($"more than {knee} workers did not pay");
        }

        if (w >= hardCap)
        {
            return Hold(w, Invariant($"{seen}: holding, {hardWhy}"));
        }

        if (w >= softCap)
        {
            _heldWindows++;
            if (_heldWindows < _reprobeWait)
            {
                return Hold(w, Invariant($"{seen}: holding, {softWhy} (window {_heldWindows} of {_reprobeWait} before probing above)"));
            }

            var probe = Math.Min(hardCap, w + probeStep);
            _base = (w, _levelRate ?? o.TicketsPerSecond);
            _probing = true;
            var step = Change(w, probe, Invariant($"{seen}: held {_heldWindows} windows since {softWhy}: probing {w} → {probe}"));
            _probedTo = probe;
            return step;
        }

        int target;
        string how;
        var multiplied = Math.Max(w + 1, (int)Math.Floor((w * _tuning.GrowthFactor) + Epsilon));
        if (_ceiling is { } below && below - 1 > w)
        {
            // Under a known 429 level: close half the gap to just under it, no faster than plain growth.
            var halfway = w + Math.Max(1, (below - w) / 2);
            (target, how) = halfway < multiplied
                ? (halfway, Invariant($"halfway to {below - 1}, under the 429 level {below}"))
                : (multiplied, Invariant($"×{_tuning.GrowthFactor:0.##}"));
        }
        else if (_nearLimit)
        {
            target = w + probeStep;
            how = Invariant($"+{probeStep}");
        }
        else
        {
            target = multiplied;
            how = Invariant($"×{_tuning.GrowthFactor:0.##}");
        }

        if (o.CpuUtilization >= _options.CpuSaturation && target > w + probeStep)
        {
            // The cores are nearly saturated: more workers will soon only queue for them, so no big step.
            target = w + probeStep;
            how = Invariant($"+{probeStep}, CPU at {o.CpuUtilization:0%} of {o.Cores} cores");
        }

        if (target > hardCap)
        {
            target = hardCap;
            how += Invariant($", capped: {hardWhy}");
        }
        else if (target > softCap)
        {
            target = softCap;
            how += Invariant($", capped: {softWhy}");
        }

        _base = (w, _levelRate ?? o.TicketsPerSecond);
        _probing = false;
        return Change(w, target, Invariant($"{seen}: up {w} → {target} ({how})"));
    }

    private (string? Failure, string Note) Judge(ScalingObservation o, (int Workers, double Rate) from, double latencyRatio, double workerShare)
    {
        var w = o.Workers;
        var stepShare = ((double)w / from.Workers) - 1;
        var gain = from.Rate > 0 ? (o.TicketsPerSecond / from.Rate) - 1 : 1;
        var efficiency = gain / stepShare;
        var moved = Invariant($"going from {from.Workers} to {w} workers took tickets/s from {from.Rate:0.#} to {o.TicketsPerSecond:0.#} ({gain:+0%;-0%;+0%}, {efficiency:0.00} of the proportional gain)");
        if (efficiency < _tuning.MinStepEfficiency)
        {
            return (Invariant($"{moved}, below the {_tuning.MinStepEfficiency:0.##} a step must return"), moved);
        }

        if (latencyRatio > _tuning.LatencyTolerance)
        {
            return (Invariant($"{moved}, but p50 rose to {o.TicketLatencyP50Ms:0.#} ms, {latencyRatio:0.0#}× the lowest recent {_p50.Min():0.#} ms (tolerance {_tuning.LatencyTolerance:0.##}×)"), moved);
        }

        if (_tuning.MinWorkerEfficiency > 0 && workerShare < _tuning.MinWorkerEfficiency)
        {
            return (Invariant($"{moved}, but tickets/s per busy worker fell to {workerShare:0%} of the best recent (below {_tuning.MinWorkerEfficiency:0%})"), moved);
        }

        return (null, moved);
    }

    private string? Overloaded(ScalingObservation o, double latencyRatio, double workerShare)
    {
        if (latencyRatio > _tuning.LatencyTolerance)
        {
            return Invariant($"p50 {o.TicketLatencyP50Ms:0.#} ms is {latencyRatio:0.0#}× the lowest recent {_p50.Min():0.#} ms (tolerance {_tuning.LatencyTolerance:0.##}×)");
        }

        if (_tuning.MinWorkerEfficiency > 0 && workerShare < _tuning.MinWorkerEfficiency)
        {
            return Invariant($"{o.TicketsPerSecond / Math.Max(1, o.BusyWorkers):0.##} tickets/s per busy worker is {workerShare:0%} of the best recent {_ratePerWorker.Max():0.##} (below {_tuning.MinWorkerEfficiency:0%})");
        }

        return null;
    }

    private (int Target, string Causes, int? Ceiling)? Cut(ScalingObservation o, int floor, int? lastClean)
    {
        var w = o.Workers;
        var target = int.MaxValue;
        int? ceiling = null;
        var byLittlesLaw = false;
        var littlesLawTarget = int.MaxValue;
        var causes = new List<string>(3);

        var limited = o.RateLimitedRate;
        if (limited > _options.RateLimitThreshold)
        {
            // How many workers' worth of requests the endpoint accepted: aim under it and remember it.
            var active = o.BusyWorkers > 0 ? Math.Min(o.BusyWorkers, Math.Max(w, 1)) : w;
            var acceptedByShare = active * (1 - limited);
            var factor = Math.Clamp((1 - limited) * _options.RateLimitHeadroom, _options.DeepestCut, _options.ShallowestCut);
            var cause = Invariant($"429s at {limited:0.0%} of requests (above {_options.RateLimitThreshold:0.#%})");
            int ceilingAt;
            if (ServedConcurrency(o) is { } served && served < acceptedByShare)
            {
                byLittlesLaw = true;
                // Little's law: the endpoint served this many tickets a second, and a worker gets through the rate
                // of the clean windows when nothing waits, so this many workers would have sent exactly what it served.
                // The refused share alone under-counts the excess when 429s carry a Retry-After (a refused worker
                // waits instead of asking again), and so do windows that ran clean only on a burst the endpoint's
                // limiter allowed; the served rate counts neither.
                ceilingAt = Math.Min(Math.Max(w, 1), (int)Math.Floor(served + Epsilon) + 1);
                cause += Invariant($"; {o.TicketsPerSecond:0.#} tickets/s served ÷ {_cleanRatePerWorker.Median():0.##} a worker when none are refused is {served:0.#} workers' worth");
            }
            else
            {
                ceilingAt = Math.Min(Math.Max(w, 1), (int)Math.Floor(acceptedByShare + Epsilon) + 1);
                if (lastClean is { } clean && clean < w)
                {
                    // The level just before ran clean, so the 429s began above it, whatever a window that mixes the
                    // two levels suggests.
                    ceilingAt = Math.Max(ceilingAt, clean + 1);
                }
            }

            ceiling = Math.Max(ceilingAt, floor + 1);
            // The served rate already says where the limit is; the refused share only guesses, so it deepens a cut
            // only when it is all there is. (A window just after a cut still shows 429s of the level before, and a
            // share-sized cut on top of a served-rate one would undershoot.)
            var aim = byLittlesLaw ? ceilingAt - 1 : Math.Min((int)Math.Floor((w * factor) + Epsilon), ceilingAt - 1);
            littlesLawTarget = byLittlesLaw ? aim : int.MaxValue;
            target = Math.Min(target, aim);
            causes.Add(cause);
        }

        if (o.ErrorRate > _options.ErrorRateThreshold)
        {
            target = Math.Min(target, (int)Math.Floor((w * _options.ErrorCutFactor) + Epsilon));
            causes.Add(Invariant($"errors at {o.ErrorRate:0.0%} (above {_options.ErrorRateThreshold:0.#%})"));
        }

        var memory = o.MemoryUtilization;
        if (memory > _tuning.MemoryHighWater)
        {
            // Aim at the low-water mark, assuming memory grows with workers.
            var aim = (int)Math.Floor((w * _tuning.MemoryLowWater / memory) + Epsilon);
            target = Math.Min(target, aim);
            causes.Add(Invariant($"memory at {memory:0%} of the limit (above {_tuning.MemoryHighWater:0%})"));
        }

        if (causes.Count == 0)
        {
            return null;
        }

        // Every cut takes at least one worker and at most half (a quarter when the served rate sized a 429 cut: that
        // estimate rests on measured clean windows, not on a guess, and an overshoot of ×2 or more past an endpoint's
        // limit would otherwise take two cuts and their windows of 429s to undo), and never goes under the floor.
        var deepestShare = byLittlesLaw && target == littlesLawTarget ? _options.DeepestServedRateCut : _options.DeepestCut;
        var deepest = Math.Min((int)Math.Ceiling(w * deepestShare), w - 1);
        target = w <= floor ? w : Math.Max(floor, Math.Max(deepest, Math.Min(target, w - 1)));
        return (target, string.Join(" and ", causes), ceiling);
    }

    private ScalingStep Idle(int w, int floor)
    {
        _idleWindows++;
        _slackWindows = 0;
        _base = null;
        _probing = false;
        if (_idleWindows > _options.IdleWindows)
        {
            // The next job may be different work against a different endpoint: what was learned says little about it.
            ForgetLimits();
        }

        if (w <= floor)
        {
            return Hold(w, Invariant($"idle (no chunks waiting, no busy workers): at the minimum of {w}"));
        }

        if (_idleWindows <= _options.IdleWindows)
        {
            return Hold(w, Invariant($"idle for {_idleWindows} of {_options.IdleWindows} windows (no chunks waiting, no busy workers) before giving workers back: holding at {w}"));
        }

        var lower = Math.Max(floor, w - Math.Max(1, (int)Math.Round(w * _options.IdleDriftFraction)));
        return Change(w, lower, Invariant($"idle for {_idleWindows} windows (no chunks waiting, no busy workers): drift down {w} → {lower}"));
    }

    private ScalingStep Draining(ScalingObservation o, int floor)
    {
        var w = o.Workers;
        _base = null;
        _probing = false;
        var busy = o.BusyWorkers;
        if (busy >= w || w <= floor)
        {
            _slackWindows = 0;
            return Hold(w, Invariant($"no chunks waiting, {busy} of {w} workers busy: holding at {w}"));
        }

        _slackWindows++;
        if (_slackWindows >= _options.HysteresisWindows)
        {
            var lower = Math.Max(floor, w - 1);
            return Change(w, lower, Invariant($"no chunks waiting and {busy} of {w} workers busy for {_slackWindows} windows: down {w} → {lower}"));
        }

        return Hold(w, Invariant($"no chunks waiting and {busy} of {w} workers busy ({_slackWindows} of {_options.HysteresisWindows} windows before stepping down): holding at {w}"));
    }

    private ScalingStep Change(int from, int to, string reason)
    {
        if (to == from)
        {
            return Hold(from, reason);
        }

        ForgetLevel();
        _probedTo = null;
        _settle = _options.SettleWindows;
        _slackWindows = 0;
        _limitedWindows = 0;
        _heldWindows = 0;
        _lastDecision = to;
        return new ScalingStep(to, reason);
    }

    private ScalingStep Hold(int workers, string reason)
    {
        _lastDecision = workers;
        return new ScalingStep(workers, reason);
    }

    private void ForgetLevel() => _levelRate = null;

    private void ForgetLimits()
    {
        ForgetKnee();
        _ceiling = null;
        _lastClean = null;
        _rateLimited = false;
        _nearLimit = false;
        _p50.Clear();
        _ratePerWorker.Clear();
        _cleanRatePerWorker.Clear();
    }

    private void ForgetKnee()
    {
        _knee = null;
        _nearLimit = _ceiling is not null;
        _heldWindows = 0;
        _reprobeWait = InitialReprobeWait;
    }

    private int MaxReprobeWait => Math.Max(InitialReprobeWait, _options.MaxReprobeWindows);

    /// <summary>The lowest count allowed now: MinWorkers, but at least one while chunks wait.</summary>
    private int Floor(ScalingObservation o) =>
        Math.Min(_limits.MaxWorkers, Math.Max(_limits.MinWorkers, o.Backlog > 0 ? 1 : 0));

    /// <summary>Workers' worth of the tickets served in the window, by Little's law; null before any clean window.</summary>
    private double? ServedConcurrency(ScalingObservation o)
    {
        var perWorker = _cleanRatePerWorker.Median();
        return double.IsNaN(perWorker) || perWorker <= 0 || o.TicketsPerSecond <= 0 ? null : o.TicketsPerSecond / perWorker;
    }

    private double LatencyRatio(ScalingObservation o)
    {
        var lowest = _p50.Min();
        return o.TicketLatencyP50Ms > 0 && lowest > 0 ? o.TicketLatencyP50Ms / lowest : 1;
    }

    private double WorkerShare(ScalingObservation o)
    {
        var best = _ratePerWorker.Max();
        return best > 0 && o.BusyWorkers > 0 ? o.TicketsPerSecond / o.BusyWorkers / best : 1;
    }

    private static ScalingObservation Sanitize(ScalingObservation o) => o with
    {
        Workers = Math.Max(0, o.Workers),
        BusyWorkers = Math.Max(0, o.BusyWorkers),
        TicketsPerSecond = NonNegative(o.TicketsPerSecond),
        TicketLatencyP50Ms = NonNegative(o.TicketLatencyP50Ms),
        TicketLatencyP95Ms = NonNegative(o.TicketLatencyP95Ms),
        ErrorRate = Share(o.ErrorRate),
        RateLimitedRate = Share(o.RateLimitedRate),
        CpuUtilization = Share(o.CpuUtilization),
        MemoryUtilization = NonNegative(o.MemoryUtilization),
        Backlog = Math.Max(0, o.Backlog),
        Cores = Math.Max(0, o.Cores),
    };

    private static double NonNegative(double value) => double.IsFinite(value) && value > 0 ? value : 0;

    private static double Share(double value) => Math.Min(1, NonNegative(value));
}
