using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Scalability.Benchmarks;

/// <summary>
/// Runs one measurement in a fresh process of this same executable, so each starts with a clean heap, its own peak
/// RSS and the very build (and so configuration) of the parent. The child's stderr passes through; its stdout is the
/// one JSON line of its result.
/// </summary>
internal static class ChildLauncher
{
    public static async Task<(ChildResult Result, double WallSeconds)> RunAsync(ChildOptions child)
    {
        var (fileName, leadingArguments) = SelfCommand();
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var argument in leadingArguments.Concat(child.ToArguments()))
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)
                            ?? throw new BenchmarkFailedException($"could not start {fileName}");
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wallSeconds = clock.Elapsed.TotalSeconds;

        if (process.ExitCode != 0)
        {
            throw new BenchmarkFailedException($"the {child.Mode.Name()} run on {child.InputPath} exited with code {process.ExitCode} (its errors are above)");
        }

        var line = stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                       .LastOrDefault(l => l.StartsWith('{'))
                   ?? throw new BenchmarkFailedException($"the {child.Mode.Name()} run printed no result; its output was: {stdout}");
        try
        {
            var result = JsonSerializer.Deserialize(line, BenchmarkJson.Default.ChildResult)
                         ?? throw new BenchmarkFailedException($"the {child.Mode.Name()} run printed 'null'");
            return (result, Math.Round(wallSeconds, 3));
        }
        catch (JsonException e)
        {
            throw new BenchmarkFailedException($"the {child.Mode.Name()} run printed a line that is not its result ({e.Message}): {line}");
        }
    }

    /// <summary>
    /// How to start this program again. Under an apphost the process is the program itself; under
    /// <c>dotnet x.dll</c> the process is the dotnet host, which needs the entry assembly's path first.
    /// </summary>
    private static (string FileName, string[] LeadingArguments) SelfCommand()
    {
        var processPath = Environment.ProcessPath
                          ?? throw new BenchmarkFailedException("cannot tell which executable this process runs");
        var isDotnetHost = string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase);
        if (!isDotnetHost)
        {
            return (processPath, []);
        }

        var entryAssembly = Assembly.GetEntryAssembly()?.Location;
        return string.IsNullOrEmpty(entryAssembly)
            ? throw new BenchmarkFailedException("running under dotnet, but the entry assembly's path is unknown")
            : (processPath, [entryAssembly]);
    }
}
