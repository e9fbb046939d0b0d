using System.Globalization;
using Scalability.GrainInterfaces.Costing;
using Scalability.Grains.Costing;
using Scalability.Grains.Scaling.Policy;

namespace Scalability.Cli.Commands;

/// <summary>How projections and optimizer answers read on a terminal.</summary>
internal static class CostText
{
    public static string Usd(decimal usd) => CostProjector.Usd(usd);

    public static string PerTicket(decimal usd) => usd.ToString("$0.000000", CultureInfo.InvariantCulture);

    public static string Hours(double hours) => CostOptimizer.Hours(hours);

    public static string Configuration(RunConfiguration c) =>
        $"{CostProjector.Workers(c.Workers)} × {c.MemoryMbPerWorker:N0} MB, {c.Mode.ToSeedName()}, chunks of {c.ChunkSize:N0} rows";

    public static string Workload(PlanningRequest request) =>
        request.Workload.IsLlm ? $"llm {request.Workload.Model}" : request.Workload.Processor;

    public static string Limits(PlanningLimits limits, bool memoryGiven) => string.Join(", ", new[]
    {
        limits.BudgetUsd is { } b ? $"budget {Usd(b)}" : null,
        limits.TimeLimitHours is { } t ? CostOptimizer.HoursLimit(t) : null,
        limits.MemoryLimitGb is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0.##} GB{(memoryGiven ? "" : " (this system's memory)")}") : null,
    }.Where(s => s is not null));

    /// <summary>The lines of one projection, indented by <paramref name="indent"/>.</summary>
    public static IEnumerable<string> Projection(CostProjection p, long rows, string indent)
    {
        yield return $"{indent}cost         {Usd(p.TotalCostUsd)} (range {Usd(p.CostLowUsd)}–{Usd(p.CostHighUsd)}), {PerTicket(p.CostPerTicketUsd)} per ticket";
        yield return $"{indent}  made of    compute {Usd(p.ComputeUsd)}, memory {Usd(p.MemoryUsd)}, processor {Usd(p.ProcessorUsd)}";
        yield return $"{indent}duration     {Hours(p.DurationHours)} (up to {Hours(p.DurationHighHours)}) for {rows:N0} tickets";
        yield return string.Create(CultureInfo.InvariantCulture, $"{indent}peak memory  {p.PeakMemoryGb:0.##} GB ({CostProjector.Workers(p.RunningWorkers)} running)");
    }

    public static IEnumerable<string> Assumptions(CostProjection p, string indent) =>
        p.Assumptions.Select(a => $"{indent}- {a}").Prepend($"{indent[..^2]}assumptions");

    /// <summary>An optimizer's answer as text.</summary>
    public static IEnumerable<string> Optimization(OptimizationResult result, long rows, string indent)
    {
        if (result.Best is { } best)
        {
            yield return $"{indent}best         {Configuration(best.Configuration)}";
            foreach (var line in Projection(best, rows, indent))
            {
                yield return line;
            }

            yield return $"{indent}binding      {(result.BindingConstraints.Length == 0 ? "none (the cheapest configuration there is)" : string.Join(", ", result.BindingConstraints))}";
            foreach (var alternative in result.Alternatives)
            {
                yield return $"{indent}or           {CostOptimizer.Describe(alternative)}";
            }
        }
        else
        {
            yield return $"{indent}infeasible   no configuration meets {(result.ViolatedConstraints.Length == 0 ? "the limits" : "the " + string.Join(" and the ", result.ViolatedConstraints))} with the others";
            foreach (var relaxation in result.Relaxations)
            {
                yield return $"{indent}to fit       {relaxation.Advice} ({Configuration(relaxation.Configuration)})";
            }
        }
    }
}
