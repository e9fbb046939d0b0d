using System.Text.Json;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cli;

/// <summary>
/// <c>scale history</c>: what later estimates rest on, listed from a state folder, and a processor's runs forgotten.
/// A quick run of a few hundred tickets is listed but not planned from.
/// </summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_fresh_state_folder_has_no_history_and_is_not_created_by_asking()
    {
        var listed = await ScaleCli.RunAsync(_temp.Path, "history");

        Assert.True(listed.ExitCode == 0, listed.StdErr);
        Assert.StartsWith($"no completed runs in {Path.Combine(_temp.Path, ".scale", "state.db")}: the next jobs are planned without history", listed.StdOut);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, ".scale")));
    }

    [Fact]
    public async Task A_small_run_is_listed_but_not_planned_from_and_can_be_forgotten()
    {
        var input = _temp.File("tickets.csv");
        var generated = await ScaleCli.RunAsync(_temp.Path, "generate", "--rows", "300", "--out", input);
        Assert.True(generated.ExitCode == 0, generated.StdErr);
        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("out.csv"));
        Assert.True(run.ExitCode == 0, run.StdErr);

        var listed = await ScaleCli.RunAsync(_temp.Path, "history", "--json");
        Assert.True(listed.ExitCode == 0, listed.StdErr);
        using (var json = JsonDocument.Parse(listed.StdOut))
        {
            var processor = Assert.Single(json.RootElement.GetProperty("processors").EnumerateArray());
            Assert.Equal("local", processor.GetProperty("processor").GetString());
            Assert.False(processor.GetProperty("localEndpoint").GetBoolean());
            Assert.Equal(0, processor.GetProperty("plannedFrom").GetInt32());
            var record = Assert.Single(processor.GetProperty("runs").EnumerateArray());
            Assert.Equal(300, record.GetProperty("rows").GetInt64());
            Assert.StartsWith("not planned from: no run of the latest 10 has 1,000 tickets and 2 s or more", processor.GetProperty("note").GetString());
        }

        var text = await ScaleCli.RunAsync(_temp.Path, "history");
        Assert.Contains("  local: 1 run, the latest ", text.StdOut);
        Assert.Contains("(300 tickets in ", text.StdOut);
        Assert.Contains("    not planned from: no run of the latest 10 has 1,000 tickets and 2 s or more", text.StdOut);

        var unknown = await ScaleCli.RunAsync(_temp.Path, "history", "--forget", "llm:gpt-4o-mini");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("error: --forget 'llm:gpt-4o-mini': there are no runs of that processor in ", unknown.StdErr);
        Assert.EndsWith("; those with runs: local", unknown.StdErr.TrimEnd());

        var forgotten = await ScaleCli.RunAsync(_temp.Path, "history", "--forget", "local");
        Assert.True(forgotten.ExitCode == 0, forgotten.StdErr);
        Assert.StartsWith("forgot 1 run of 'local' in ", forgotten.StdOut);

        var after = await ScaleCli.RunAsync(_temp.Path, "history", "--json");
        using var empty = JsonDocument.Parse(after.StdOut);
        Assert.Empty(empty.RootElement.GetProperty("processors").EnumerateArray());
    }
}
