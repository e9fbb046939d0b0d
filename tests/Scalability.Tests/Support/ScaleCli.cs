using System.Diagnostics;

namespace Scalability.Tests.Support;

/// <summary>Runs the real <c>scale</c> program in a child process, as a user would.</summary>
public static class ScaleCli
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);

    public static Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(workingDirectory, environment, Patience, args);

    /// <summary>Runs <c>scale</c>; one still running after <paramref name="patience"/> is killed and the test fails.</summary>
    public static async Task<Result> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan patience, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args)) ?? throw new InvalidOperationException("could not start scale");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scale {string.Join(' ', args)} did not finish within {patience}: {await stderr}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>How to start the <c>scale</c> built beside the tests, with its output captured.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scale.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
