using System.Diagnostics;
using System.Globalization;

namespace Scalability.Benchmarks;

/// <summary>The process's peak resident set size, as the operating system counts it.</summary>
internal static class PeakMemory
{
    /// <summary>
    /// Peak RSS in MiB: <c>VmHWM</c> of /proc/self/status on Linux. It counts everything resident (runtime, code, GC
    /// heaps, native buffers), which is what a machine running the product must have, not just the managed heap.
    /// </summary>
    public static double PeakRssMegabytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                    return kilobytes / 1024.0;
                }
            }
        }

        // Not Linux: the closest figure the runtime offers.
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
