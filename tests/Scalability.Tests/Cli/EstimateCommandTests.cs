using System.Globalization;
using System.Text.Json;
using Scalability.Tests.Integration;
using Scalability.Tests.Support;
using Xunit.Abstractions;

namespace Scalability.Tests.Cli;

/// <summary>
/// The history at work through <c>scale run</c>: a job's duration estimate rests on the reference model the first
/// time, and on the earlier run the second time, when it is within a quarter of the actual duration. Run alone, so
/// that the two runs see the same machine.
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

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first: {first.Duration:0.00} s, estimated {first.Estimated:0.00} s ({first.Error:+0.#;-0.#}%); second: {second.Duration:0.00} s, estimated {second.Estimated:0.00} s ({second.Error:+0.#;-0.#}%)"));
        Assert.NotNull(first.Estimated);
        Assert.NotNull(second.Estimated);
        Assert.InRange(second.Error!.Value, -25, 25);
        Assert.Equal(Math.Round((second.Estimated!.Value - second.Duration) / second.Duration * 100, 2), second.Error!.Value, 1);
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
