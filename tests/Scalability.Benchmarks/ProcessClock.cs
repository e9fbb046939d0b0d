using System.Diagnostics;

namespace Scalability.Benchmarks;

/// <summary>How long this process has been running, start-up of the runtime included.</summary>
internal static class ProcessClock
{
    public static double SecondsSinceStart()
    {
        using var self = Process.GetCurrentProcess();
        return (DateTime.Now - self.StartTime).TotalSeconds;
    }
}
