using System.Text.Json;
using Scalability.Tests.Support;

namespace Scalability.Tests.BadInput;

/// <summary>
/// Every input of the bad-input corpus through the real <c>scale run</c>: the exit code, the error naming the file and
/// what is wrong, or the exact counts, rejects (line and reason) and output values, with every input row accounted
/// for. A run that hangs is killed and fails its case.
/// </summary>
public sealed class CorpusRunTests : IDisposable
{
    /// <summary>Far beyond the slowest case (the 50 MiB field), so that only a hang trips it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in CorpusManifest.Cases.Select(c => c.Name).Concat(GeneratedCorpus.All.Select(g => g.Case.Name)))
        {
            names.Add(name);
        }

        return names;
    }

    [Fact]
    public void The_corpus_has_every_committed_file_described_and_at_least_25_cases()
    {
        var described = CorpusManifest.Cases.Select(c => c.File).ToHashSet();
        var files = Directory.GetFiles(CorpusManifest.Folder).Select(f => Path.GetFileName(f)).Where(f => f != "expected.json").ToHashSet();
        Assert.Equal(files.Order(), described.Order());
        var names = CorpusManifest.Cases.Select(c => c.Name).Concat(GeneratedCorpus.All.Select(g => g.Case.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.True(names.Count >= 25, $"{names.Count} cases");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Scale_run_does_what_the_corpus_expects(string name)
    {
        var (expected, input) = Prepare(name);
        var output = _temp.File("results.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, null, Patience, ["run", input, "--out", output, "--json", .. expected.Args]);

        Assert.True(run.ExitCode == expected.Exit, $"exit {run.ExitCode}, expected {expected.Exit}: {run.StdErr}");
        if (expected.Exit != 0)
        {
            Assert.Contains(expected.Error!.Replace("{input}", input), run.StdErr);
            Assert.Equal("", run.StdOut);
            Assert.False(File.Exists(output), "a refused input writes no output");
            return;
        }

        var summary = JsonDocument.Parse(run.StdOut).RootElement;
        var counts = (Rows: summary.GetProperty("inputRows").GetInt64(), Ok: summary.GetProperty("ok").GetInt64(),
            Failed: summary.GetProperty("failed").GetInt64(), Rejected: summary.GetProperty("rejected").GetInt64());
        Assert.Equal((expected.Rows, expected.Ok, expected.Failed, expected.Rejected), counts);
        Assert.Equal(counts.Rows, counts.Ok + counts.Failed + counts.Rejected);

        var results = CsvFiles.Read(output);
        Assert.Equal(counts.Ok + counts.Failed, results.Rows.Count);
        foreach (var (column, values) in expected.Output ?? [])
        {
            Assert.Equal(values, results.Values(column));
        }

        CheckRejects(expected, summary);
    }

    private static void CheckRejects(CorpusCase expected, JsonElement summary)
    {
        var wanted = expected.Rejects ?? [];
        if (expected.Rejected == 0)
        {
            Assert.Equal(JsonValueKind.Null, summary.GetProperty("rejectsPath").ValueKind);
            return;
        }

        var rejects = CsvFiles.Read(summary.GetProperty("rejectsPath").GetString()!);
        Assert.Equal(["line", "record", "reason", "raw"], rejects.Header);
        Assert.Equal(expected.Rejected, rejects.Rows.Count);
        Assert.Equal(wanted.Length, rejects.Rows.Count);
        for (var i = 0; i < wanted.Length; i++)
        {
            var (line, reason, raw) = (rejects.Rows[i][0], rejects.Rows[i][2], rejects.Rows[i][3]);
            Assert.Equal(wanted[i].Line.ToString(System.Globalization.CultureInfo.InvariantCulture), line);
            Assert.StartsWith(wanted[i].Reason, reason);
            if (wanted[i].Raw is { } exact)
            {
                Assert.Equal(exact, raw);
            }

            if (wanted[i].RawEnd is { } end)
            {
                Assert.EndsWith(end, raw);
            }
        }
    }

    /// <summary>The case and its input: a committed file, or a generated one written to this test's scratch folder.</summary>
    private (CorpusCase Case, string Input) Prepare(string name)
    {
        if (CorpusManifest.Cases.FirstOrDefault(c => c.Name == name) is { } committed)
        {
            return (committed, Path.Combine(CorpusManifest.Folder, committed.File));
        }

        var generated = GeneratedCorpus.All.Single(g => g.Case.Name == name);
        var input = _temp.File(generated.Case.File);
        using (var file = File.Create(input))
        {
            generated.Write(file);
        }

        return (generated.Case, input);
    }
}
