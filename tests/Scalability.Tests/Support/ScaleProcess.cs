using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Scalability.Tests.Support;

/// <summary>
/// A <c>scale</c> command running in a child process that a test watches and stops: a silo, or a run it interrupts.
/// Output lines are collected as they come, so a test can wait for one.
/// </summary>
public sealed class ScaleProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private ScaleProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _stdout.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string StdOut => string.Join('\n', _stdout);

    public string StdErr => string.Join('\n', _stderr);

    public static ScaleProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        new(Process.Start(ScaleCli.StartInfo(workingDirectory, environment, args)) ?? throw new InvalidOperationException("could not start scale"));

    /// <summary>Waits for a line on stdout that matches; fails with the process's stderr when it exits or time runs out.</summary>
    public Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan patience) => WaitForLineAsync(_stdout, match, patience);

    private async Task<string> WaitForLineAsync(ConcurrentQueue<string> lines, Func<string, bool> match, TimeSpan patience)
    {
        string? found = null;
        var seen = await Eventually.TrueAsync(() => (found = lines.FirstOrDefault(match)) is not null || _process.HasExited, patience);
        found ??= lines.FirstOrDefault(match);
        return found ?? throw new TimeoutException(
            $"scale (pid {Id}) {(seen ? $"exited with {_process.ExitCode}" : "is still running")} without the expected output; " +
            $"stdout:\n{StdOut}\nstderr:\n{StdErr}");
    }

    /// <summary>Waits for a line on stderr that matches (progress and notices go there).</summary>
    public Task<string> WaitForErrorAsync(Func<string, bool> match, TimeSpan patience) => WaitForLineAsync(_stderr, match, patience);

    /// <summary>SIGKILL: the process dies at once, as in a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an operator's stop: the command shuts down gracefully. Returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan patience)
    {
        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"could not signal pid {_process.Id}: errno {Marshal.GetLastWin32Error()}");
        }

        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
