using System.Globalization;
using System.Text;
using System.Text.Json;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cli;

/// <summary>
/// A user's processor assembly named on the command line (<c>--processor plugin:&lt;path&gt;</c>): the sample plug-in's
/// results come through, and the rows it throws on come out failed with its message while the rest are processed.
/// </summary>
public sealed class PluginRunCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string SamplePlugin => Path.Combine(AppContext.BaseDirectory, "Scalability.SamplePlugin.dll");

    [Fact]
    public async Task The_sample_plugin_runs_and_its_throwing_rows_fail_with_the_exceptions_message()
    {
        const int rows = 250;
        var input = _temp.File("tickets.csv");
        var csv = new StringBuilder("id,body\n");
        for (var i = 1; i <= rows; i++)
        {
            var text = (i % 7, i % 3) switch
            {
                (0, _) => $"My lawyer will contact you about order {i}. Refund me.",
                (_, 0) => $"URGENT: the site is down for store {i}! Nobody can pay.",
                _ => $"How do I change the address on order {i}? Thanks.",
            };
            csv.Append(CultureInfo.InvariantCulture, $"{i},{text}\n");
        }

        File.WriteAllText(input, csv.ToString());
        var output = _temp.File("urgency.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--chunk-size", "50", "--processor", $"plugin:{SamplePlugin}", "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var throwing = Enumerable.Range(1, rows).Where(i => i % 7 == 0).ToList();
        var summary = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(("completed", (long)(rows - throwing.Count), (long)throwing.Count),
            (summary.GetProperty("status").GetString(), summary.GetProperty("ok").GetInt64(), summary.GetProperty("failed").GetInt64()));
        Assert.Equal(throwing.Count, summary.GetProperty("failures").GetProperty("processor_error").GetInt32());

        var results = CsvFiles.Read(output);
        Assert.Equal(Enumerable.Range(1, rows).Select(i => i.ToString(CultureInfo.InvariantCulture)), results.Values("id"));
        foreach (var row in results.Rows)
        {
            var id = int.Parse(row[results.Column("id")], CultureInfo.InvariantCulture);
            var (status, category, kind, error) = (row[results.Column("status")], row[results.Column("category")],
                row[results.Column("failure_kind")], row[results.Column("error")]);
            if (id % 7 == 0)
            {
                Assert.Equal(("failed", "", "processor_error",
                        $"InvalidOperationException: ticket {id} mentions legal action; the urgency sample leaves those to a person"),
                    (status, category, kind, error));
            }
            else
            {
                Assert.Equal(("ok", id % 3 == 0 ? "urgent" : "routine", ""), (status, category, kind));
            }
        }

        Assert.Equal($"How do I change the address on order 1?", results.Rows[0][results.Column("summary")]);
    }

    [Fact]
    public async Task A_plugin_path_that_is_not_there_or_not_an_assembly_is_refused_with_the_path()
    {
        var input = _temp.File("one.csv");
        File.WriteAllText(input, "id,body\n1,hello there\n");
        var missing = Path.Combine(_temp.Path, "missing.dll");
        var notAssembly = _temp.File("not-an-assembly.dll");
        File.WriteAllText(notAssembly, "plain text");

        var first = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("a.csv"), "--processor", $"plugin:{missing}");
        var second = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("b.csv"), "--processor", $"plugin:{notAssembly}");

        Assert.Equal(2, first.ExitCode);
        Assert.Contains($"error: processor plug-in '{missing}' does not exist", first.StdErr);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains($"error: processor plug-in '{notAssembly}' is not a .NET assembly", second.StdErr);
    }
}
