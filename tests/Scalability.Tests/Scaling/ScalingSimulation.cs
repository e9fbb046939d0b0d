using Scalability.GrainInterfaces.Scaling;
using System.Globalization;
using System.Text;
using Scalability.Grains.Scaling.Policy;

namespace Scalability.Tests.Scaling;

/// <summary>Runs a policy against a workload model, one window per decision.</summary>
internal static class ScalingSimulation
{
    /// <param name="lagged">
    /// When true, the window after a change sees the average of the old and the new level (work in flight finishes,
    /// new slots fill), as a real window does; otherwise each window sees its level exactly.
    /// </param>
    /// <param name="noise">
    /// When above 0, each window's tickets/s and latencies are scaled by an independent factor drawn uniformly from
    /// [1 − noise, 1 + noise] (seeded, so runs repeat exactly).
    /// </param>
    public static SimulationRun Run(
        ScalingPolicy policy, Workload workload, int windows = 120, int start = 2, int cores = 8, bool lagged = false,
        double noise = 0, int seed = 7)
    {
        var random = new Random(seed);
        double Jitter() => noise > 0 ? 1 + (noise * ((2 * random.NextDouble()) - 1)) : 1;
        var levels = new List<int>(windows);
        var points = new List<WorkloadPoint>(windows);
        var decisions = new List<ScalingStep>(windows);
        var current = start;
        var previous = start;
        for (var window = 0; window < windows; window++)
        {
            var seen = lagged ? (previous + current) / 2.0 : current;
            var point = workload(seen, window);
            var latency = Jitter();
            point = point with
            {
                TicketsPerSecond = point.TicketsPerSecond * Jitter(),
                P50Ms = point.P50Ms * latency,
                P95Ms = point.P95Ms * latency,
            };
            var busy = point.Backlog > 0 ? (int)Math.Round(seen) : 0;
            var decision = policy.Decide(new ScalingObservation(
                current, busy, point.TicketsPerSecond, point.P50Ms, point.P95Ms, point.ErrorRate, point.RateLimitedRate,
                point.Cpu, point.Memory, point.Backlog, cores));
            levels.Add(current);
            points.Add(point);
            decisions.Add(decision);
            previous = current;
            current = decision.Workers;
        }

        return new SimulationRun(levels, points, decisions);
    }
}

/// <summary>Window i ran at Workers[i], saw Points[i], and ended with Decisions[i].</summary>
internal sealed record SimulationRun(IReadOnlyList<int> Workers, IReadOnlyList<WorkloadPoint> Points, IReadOnlyList<ScalingStep> Decisions)
{
    public (int Min, int Max) Range(int last) => (Workers.TakeLast(last).Min(), Workers.TakeLast(last).Max());

    /// <summary>How often the worker count changed direction over the last windows (holds do not count).</summary>
    public int Reversals(int last)
    {
        var reversals = 0;
        var direction = 0;
        var levels = Workers.TakeLast(last + 1).ToList();
        for (var i = 1; i < levels.Count; i++)
        {
            var sign = Math.Sign(levels[i] - levels[i - 1]);
            if (sign != 0 && direction != 0 && sign != direction)
            {
                reversals++;
            }

            direction = sign != 0 ? sign : direction;
        }

        return reversals;
    }

    public double MeanThroughput(int last) => Points.TakeLast(last).Average(point => point.TicketsPerSecond);

    /// <summary>429 answers over all requests in the last windows.</summary>
    public double RateLimitedShare(int last)
    {
        var points = Points.TakeLast(last).ToList();
        return points.Sum(point => point.RateLimitedRate * point.RequestsPerSecond) / points.Sum(point => point.RequestsPerSecond);
    }

    /// <summary>The first window that runs at the given count, or -1.</summary>
    public int FirstAt(int workers) => Workers.ToList().IndexOf(workers);

    /// <summary>Every window: its level and the decision, for assertion messages.</summary>
    public string Trace()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Workers.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i,3}: {Workers[i],3} → {Decisions[i].Workers,3}  {Decisions[i].Reason}").AppendLine();
        }

        return text.ToString();
    }
}
