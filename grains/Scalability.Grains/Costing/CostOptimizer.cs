using System.Globalization;
using Scalability.GrainInterfaces.Costing;
using Scalability.Grains.Scaling.Policy;

namespace Scalability.Grains.Costing;

/// <summary>
/// Finds the cheapest configuration that meets a budget, a time limit and a memory limit (any of them may be left
/// out; the memory limit defaults to the system's memory), names the limits that kept cheaper ones out, and, when none
/// is feasible, the least change of the limits that would make one feasible.
/// <para>
/// The search is exhaustive over <see cref="SearchSpace"/> but for two kinds of configurations that the projection
/// model proves no better than one that is searched: more memory per worker than the chunk needs (it costs more and
/// gains nothing: the same duration, a higher peak), and more workers than can be busy (past the chunks or the
/// throughput model's useful workers, the modes that withdraw idle workers run the same, and the one that holds them
/// runs no faster and pays more); such a mode is recommended with just the workers that can be busy. The property
/// tests check the answers against the unpruned search.
/// </para>
/// </summary>
public sealed class CostOptimizer(CostProjector projector, SearchSpace? space = null)
{
    public const int MaxAlternatives = 3;

    private readonly SearchSpace _space = space ?? SearchSpace.For(projector.Request.Dataset.Rows, projector.Request.MaxWorkers);

    public SearchSpace Space => _space;

    public OptimizationResult Optimize(PlanningLimits given)
    {
        Check(given);
        var limits = given with { MemoryLimitGb = given.MemoryLimitGb ?? projector.System.AvailableMemoryGb };
        var candidates = Candidates();
        var feasible = candidates.Where(p => Meets(p, limits)).OrderBy(p => p, Cheapest).ToList();
        if (feasible.Count == 0)
        {
            return Infeasible(given, limits, candidates);
        }

        var best = feasible[0];
        var binding = Named(given, limits)
            .Where(name => candidates.Any(p => Meets(p, Without(limits, name)) && p.TotalCostUsd < best.TotalCostUsd))
            .ToArray();
        var alternatives = new List<CostProjection>();
        foreach (var projection in feasible.Skip(1))
        {
            if (alternatives.Count == MaxAlternatives)
            {
                break;
            }

            if (alternatives.Prepend(best).All(a => (a.Configuration.Workers, a.Configuration.Mode) != (projection.Configuration.Workers, projection.Configuration.Mode)))
            {
                alternatives.Add(projection);
            }
        }

        var explanation = $"cheapest: {Describe(best)}; " + (binding.Length == 0
            ? "no limit is binding (it is the cheapest configuration there is)"
            : $"binding: {string.Join(" and ", binding)} (without it a cheaper configuration would do)");
        return new OptimizationResult(true, best, binding, [.. alternatives], [], [], limits, candidates.Count, explanation);
    }

    /// <summary>Every configuration the optimizer weighs, projected (the pruned search space).</summary>
    public List<CostProjection> Candidates()
    {
        var list = new List<CostProjection>();
        foreach (var chunkSize in _space.ChunkSizes)
        {
            var needed = projector.MemoryNeededMb(chunkSize);
            var memory = _space.MemoryMbPerWorker.Where(m => m >= needed).DefaultIfEmpty(0).Min();
            if (memory == 0)
            {
                continue;
            }

            var chunks = (projector.Request.Dataset.Rows + chunkSize - 1) / chunkSize;
            var busyAtMost = Math.Max(1, Math.Min(projector.Throughput.UsefulWorkers, chunks));
            foreach (var mode in _space.Modes)
            {
                var holds = ModeBehaviour.For(mode).HoldsAllWorkers;
                foreach (var workers in _space.Workers)
                {
                    // Past the workers that can be busy, a mode that withdraws idle ones runs exactly as with the busy
                    // ones alone, so that is the configuration to recommend.
                    var configured = workers > busyAtMost && !holds ? (int)busyAtMost : workers;
                    list.Add(projector.Project(new RunConfiguration(configured, memory, mode, chunkSize)));
                    if (workers >= busyAtMost)
                    {
                        break;
                    }
                }
            }
        }

        return list;
    }

    /// <summary>Whether a projection is runnable and within every limit given.</summary>
    public static bool Meets(CostProjection p, PlanningLimits limits) =>
        p.MemoryPerWorkerSuffices
        && (limits.BudgetUsd is not { } budget || p.TotalCostUsd <= budget)
        && (limits.TimeLimitHours is not { } hours || p.DurationHours <= hours)
        && (limits.MemoryLimitGb is not { } gb || p.PeakMemoryGb <= gb);

    /// <summary>Cheaper first; then sooner, fewer workers, less memory, and a fixed order of the rest, so that answers repeat.</summary>
    public static readonly Comparer<CostProjection> Cheapest = Comparer<CostProjection>.Create((a, b) =>
    {
        var order = a.TotalCostUsd.CompareTo(b.TotalCostUsd);
        if (order == 0) order = a.DurationHours.CompareTo(b.DurationHours);
        if (order == 0) order = a.Configuration.Workers.CompareTo(b.Configuration.Workers);
        if (order == 0) order = a.Configuration.MemoryMbPerWorker.CompareTo(b.Configuration.MemoryMbPerWorker);
        if (order == 0) order = a.Configuration.Mode.CompareTo(b.Configuration.Mode);
        return order != 0 ? order : a.Configuration.ChunkSize.CompareTo(b.Configuration.ChunkSize);
    });

    public static string Describe(CostProjection p) => string.Create(CultureInfo.InvariantCulture,
        $"{CostProjector.Workers(p.Configuration.Workers)} × {p.Configuration.MemoryMbPerWorker} MB, {p.Configuration.Mode.ToSeedName()}, " +
        $"chunks of {p.Configuration.ChunkSize:N0} rows: {CostProjector.Usd(p.TotalCostUsd)} in {Hours(p.DurationHours)}, {p.PeakMemoryGb:0.##} GB at peak");

    private OptimizationResult Infeasible(PlanningLimits given, PlanningLimits limits, List<CostProjection> candidates)
    {
        var names = Named(given, limits);
        var runnable = candidates.Where(p => p.MemoryPerWorkerSuffices).ToList();
        var relaxations = new List<Relaxation>();

        // The fewest limits to change first: each limit alone, then pairs, then all. Changing only some limits keeps
        // the others, so a configuration must meet those; of the ones that do, the one that needs the least change.
        for (var size = 1; size <= names.Length && relaxations.Count == 0; size++)
        {
            foreach (var changed in Subsets(names, size))
            {
                var kept = changed.Aggregate(limits, Without);
                var eligible = runnable.Where(p => Meets(p, kept)).ToList();
                if (eligible.Count == 0)
                {
                    continue;
                }

                var chosen = eligible.OrderBy(p => changed.Sum(name => Overshoot(p, limits, name))).ThenBy(p => p, Cheapest).First();
                var relaxed = changed.Aggregate(limits, (l, name) => Raise(l, name, chosen));
                relaxations.Add(new Relaxation(relaxed, string.Join(" and ", changed.Select(name => Advice(relaxed, name))), chosen.Configuration));
            }
        }

        var violated = relaxations.SelectMany(r => names.Where(n => Value(r.Limits, n) != Value(limits, n))).Distinct().ToArray();
        var explanation = runnable.Count == 0
            ? "no configuration is runnable: a worker needs more memory for a chunk than any option gives"
            : $"infeasible: no configuration meets {string.Join(", ", names.Select(n => Said(limits, n)))} together; " +
              string.Join(", or ", relaxations.Select(r => r.Advice));
        return new OptimizationResult(false, null, [], [], violated, [.. relaxations], limits, candidates.Count, explanation);
    }

    private static string[] Named(PlanningLimits given, PlanningLimits limits) =>
    [
        .. given.BudgetUsd is null ? Array.Empty<string>() : [PlanningLimits.Budget],
        .. given.TimeLimitHours is null ? Array.Empty<string>() : [PlanningLimits.TimeLimit],
        .. limits.MemoryLimitGb is null ? Array.Empty<string>() : [PlanningLimits.MemoryLimit],
    ];

    private static PlanningLimits Without(PlanningLimits limits, string name) => name switch
    {
        PlanningLimits.Budget => limits with { BudgetUsd = null },
        PlanningLimits.TimeLimit => limits with { TimeLimitHours = null },
        _ => limits with { MemoryLimitGb = null },
    };

    /// <summary>The limit raised to what <paramref name="p"/> needs, rounded up to what is said (cents, hundredths).</summary>
    private static PlanningLimits Raise(PlanningLimits limits, string name, CostProjection p) => name switch
    {
        PlanningLimits.Budget => limits with { BudgetUsd = Math.Ceiling(p.TotalCostUsd * 100) / 100 },
        PlanningLimits.TimeLimit => limits with { TimeLimitHours = Math.Ceiling(p.DurationHours * 100) / 100 },
        _ => limits with { MemoryLimitGb = Math.Ceiling(p.PeakMemoryGb * 100) / 100 },
    };

    private static double Overshoot(CostProjection p, PlanningLimits limits, string name) => name switch
    {
        PlanningLimits.Budget => (double)(p.TotalCostUsd / Math.Max(limits.BudgetUsd!.Value, 0.0001m)),
        PlanningLimits.TimeLimit => p.DurationHours / Math.Max(limits.TimeLimitHours!.Value, 1e-6),
        _ => p.PeakMemoryGb / Math.Max(limits.MemoryLimitGb!.Value, 1e-6),
    };

    private static double? Value(PlanningLimits limits, string name) => name switch
    {
        PlanningLimits.Budget => (double?)limits.BudgetUsd,
        PlanningLimits.TimeLimit => limits.TimeLimitHours,
        _ => limits.MemoryLimitGb,
    };

    private static string Advice(PlanningLimits relaxed, string name) => name switch
    {
        PlanningLimits.Budget => string.Create(CultureInfo.InvariantCulture, $"raise the budget to ${relaxed.BudgetUsd:N2}"),
        PlanningLimits.TimeLimit => $"allow {HoursLimit(relaxed.TimeLimitHours!.Value)}",
        _ => string.Create(CultureInfo.InvariantCulture, $"allow {relaxed.MemoryLimitGb:0.##} GB of memory"),
    };

    private static string Said(PlanningLimits limits, string name) => name switch
    {
        PlanningLimits.Budget => string.Create(CultureInfo.InvariantCulture, $"the budget of ${limits.BudgetUsd:N2}"),
        PlanningLimits.TimeLimit => $"the time limit of {HoursLimit(limits.TimeLimitHours!.Value)}",
        _ => string.Create(CultureInfo.InvariantCulture, $"the memory limit of {limits.MemoryLimitGb:0.##} GB"),
    };

    private static IEnumerable<string[]> Subsets(string[] names, int size) =>
        size == 0
            ? [[]]
            : names.SelectMany((name, i) => Subsets(names[(i + 1)..], size - 1).Select(rest => (string[])[name, .. rest]));

    private static void Check(PlanningLimits limits)
    {
        if (limits.BudgetUsd is <= 0 || limits.TimeLimitHours is <= 0 || limits.MemoryLimitGb is <= 0 ||
            limits.TimeLimitHours is { } t && !double.IsFinite(t) || limits.MemoryLimitGb is { } m && !double.IsFinite(m))
        {
            throw new ArgumentException("the budget, time limit and memory limit must be more than 0 when given");
        }
    }

    /// <summary>A time limit in hours: "1 hour", "2.5 hours".</summary>
    public static string HoursLimit(double hours) =>
        string.Create(CultureInfo.InvariantCulture, $"{hours:0.##} {(Math.Round(hours, 2) == 1 ? "hour" : "hours")}");

    /// <summary>A duration as people say it: seconds, minutes, or hours and minutes.</summary>
    public static string Hours(double hours)
    {
        var span = TimeSpan.FromHours(hours);
        return span.TotalMinutes < 1 ? $"{Math.Max(1, Math.Round(span.TotalSeconds)):0} s"
            : span.TotalHours < 1 ? $"{span.TotalMinutes:0} min"
            : $"{(int)span.TotalHours} h {span.Minutes:00} min";
    }
}
