using System.Globalization;
using System.Text.Json;
using Scalability.Tests.Integration;
using Scalability.Tests.Support;
using Xunit.Abstractions;

namespace Scalability.Tests.Cli;

/// <summary>
/// The history at work through <c>scale run</c>: a job's duration estimate rests on the reference model the first
/// time, and on the earlier runs after that, when it is within a quarter of the actual duration. Run alone, so that
/// the runs see the same machine.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class EstimateCommandTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task After_one_run_a_local_jobs_duration_estimate_is_within_a_quarter_of_its_duration()
    {
        var input = _temp.File("tickets.csv");
        var generated = await ScaleCli.RunAsync(_temp.Path, "generate", "--rows", "200000", "--out", input);
        Assert.True(generated.ExitCode == 0, generated.StdErr);

        var first = await RunAsync(input, "first.csv");
        var second = await RunAsync(input, "second.csv");
        var third = await RunAsync(input, "third.csv");

        log.WriteLine(string.Join(Environment.NewLine, new[] { first, second, third }.Select((run, i) => string.Create(CultureInfo.InvariantCulture,
            $"run {i + 1}: {run.Duration:0.00} s, estimated {run.Estimated:0.00} s ({run.Error:+0.#;-0.#}%)"))));
        Assert.All([first, second, third], run => Assert.NotNull(run.Estimated));
        // The second rests on one run; the third on two, whatever either met on a shared machine.
        Assert.InRange(third.Error!.Value, -25, 25);
        Assert.Equal(Math.Round((third.Estimated!.Value - third.Duration) / third.Duration * 100, 2), third.Error!.Value, 1);

        // scale analyze in the same folder plans from the two runs kept in its state.
        var analyze = await ScaleCli.RunAsync(_temp.Path, "analyze", input);
        Assert.True(analyze.ExitCode == 0, analyze.StdErr);
        Assert.Contains("tickets/s per worker, measured over 3 runs of the local processor", analyze.StdOut);
    }

    private async Task<(double Duration, double? Estimated, double? Error)> RunAsync(string input, string output)
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File(output), "--json");
        Assert.True(run.ExitCode == 0, run.StdErr);
        using var summary = JsonDocument.Parse(run.StdOut);
        var root = summary.RootElement;
        static double? Number(JsonElement element) => element.ValueKind == JsonValueKind.Number ? element.GetDouble() : null;
        return (root.GetProperty("durationSeconds").GetDouble(), Number(root.GetProperty("estimatedDurationSeconds")),
            Number(root.GetProperty("durationEstimateErrorPercent")));
    }
}
