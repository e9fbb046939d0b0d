using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Scalability.Benchmarks;

/// <summary>The machine the figures were measured on: figures without it cannot be compared with any other.</summary>
internal sealed record MachineInfo(
    int Cores,
    double MemoryGiB,
    string Cpu,
    string Os,
    string Runtime,
    string? DotnetSdk,
    string Configuration)
{
    public static MachineInfo Describe() => new(
        Environment.ProcessorCount,
        Math.Round(MemoryBytes() / (1024.0 * 1024.0 * 1024.0), 1),
        CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        DotnetSdkVersion(),
        BuildInfo.Configuration);

    private static long MemoryBytes()
    {
        var total = ProcFileValue("/proc/meminfo", "MemTotal");
        return total is { } kilobytes
            ? long.Parse(kilobytes.Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    private static string CpuModel() =>
        ProcFileValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string? ProcFileValue(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == key)
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    /// <summary>What <c>dotnet --version</c> says (the SDK, not the runtime), or null when there is no dotnet to ask.</summary>
    private static string? DotnetSdkVersion()
    {
        var processPath = Environment.ProcessPath;
        var dotnet = processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? processPath : "dotnet";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(dotnet, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var version = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(TimeSpan.FromSeconds(30)) && process.ExitCode == 0 ? version : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
