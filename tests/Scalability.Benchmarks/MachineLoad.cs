using System.Globalization;

namespace Scalability.Benchmarks;

/// <summary>
/// How busy the whole machine's cores were between two samples, every process counted (the first line of
/// <c>/proc/stat</c>). A machine shared with other work lends a latency-bound run fewer cores than it has; this says
/// how many the rest of the machine took.
/// </summary>
internal readonly record struct MachineLoad(long BusyTicks, long TotalTicks)
{
    public static MachineLoad? Sample()
    {
        const string stat = "/proc/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user)
        var fields = File.ReadLines(stat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = ticks[3] + ticks[4];
        return new MachineLoad(ticks.Sum() - idle, ticks.Sum());
    }

    /// <summary>Cores busy on average between the samples, or null where the machine does not say.</summary>
    public static double? CoresBusy(MachineLoad? before, MachineLoad? after) =>
        before is { } b && after is { } a && a.TotalTicks > b.TotalTicks
            ? (double)(a.BusyTicks - b.BusyTicks) / (a.TotalTicks - b.TotalTicks) * Environment.ProcessorCount
            : null;
}
