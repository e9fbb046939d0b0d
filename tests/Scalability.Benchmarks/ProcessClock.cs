using System.Diagnostics;

namespace Scalability.Benchmarks;

/// <summary>How long this process has been running, start-up of the runtime included, and how much CPU it has used.</summary>
internal static class ProcessClock
{
    /// <summary>CPU time used so far by all of this process's threads, user and system.</summary>
    public static double CpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    public static double SecondsSinceStart()
    {
        using var self = Process.GetCurrentProcess();
        return (DateTime.Now - self.StartTime).TotalSeconds;
    }
}
