using System.Text.Json;
using Scalability.Grains.Ingest;
using Scalability.Tests.Support;
using static Scalability.Tests.Support.ConversationCsv;

namespace Scalability.Tests.Cli;

/// <summary><c>scale run --conversation-column</c> on generated conversation inputs: output, accounting, refusals.</summary>
public sealed class ConversationCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_conversation_input_gives_one_row_per_conversation_and_a_summary_that_balances()
    {
        var input = _temp.File("chats.csv");
        var output = _temp.File("chats.results.csv");
        var placed = Write(input, Generate(conversations: 80, seed: 4, malformedEvery: 8));
        var conversations = Conversations(placed);

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--chunk-size", "7",
            "--conversation-column", KeyColumn, "--order-column", OrderColumn);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains($"columns: id = '{KeyColumn}', one ticket per conversation, messages ordered by '{OrderColumn}'; text = '{TextColumn}' (by name)", run.StdErr);
        var malformed = placed.Count(p => p.Row.Malformed);
        var messages = conversations.Sum(c => c.Messages.Count);
        Assert.Contains($"  input      {input} ({placed.Count:N0} rows)", run.StdOut);
        Assert.Contains($"  rows       messages {messages:N0} · rejected {malformed:N0}", run.StdOut);
        Assert.Contains($"  results    {conversations.Count:N0} conversations: ok {conversations.Count:N0} · failed 0", run.StdOut);

        var summary = JsonDocument.Parse(File.ReadAllText(output + ".summary.json")).RootElement;
        long Count(string name) => summary.GetProperty(name).GetInt64();
        Assert.Equal((placed.Count, conversations.Count, messages, conversations.Count, 0, malformed),
            ((int)Count("inputRows"), (int)Count("conversations"), (int)Count("messages"), (int)Count("ok"), (int)Count("failed"), (int)Count("rejected")));
        Assert.Equal(Count("inputRows"), Count("messages") + Count("rejected"));
        Assert.Equal(Count("conversations"), Count("ok") + Count("failed"));

        var results = CsvFiles.Read(output);
        Assert.Equal([KeyColumn, ColumnMapper.MessagesColumn, .. ColumnMapper.ResultColumns], results.Header);
        Assert.Equal(conversations.Select(c => c.Key), results.Values(KeyColumn));
        Assert.Equal(conversations.Select(c => c.Messages.Count.ToString()), results.Values(ColumnMapper.MessagesColumn));
        Assert.All(results.Values("status"), s => Assert.Equal("ok", s));
        Assert.Equal(malformed, CsvFiles.Read(output + ".rejects.csv").Rows.Count);
    }

    [Fact]
    public async Task A_key_that_comes_back_after_its_conversation_is_bad_input_that_says_where_and_how_to_sort()
    {
        var input = _temp.File("unsorted.csv");
        var rows = Generate(conversations: 20, seed: 9);
        var stray = rows.First(r => rows.Count(o => o.Key == r.Key) >= 2);
        rows.Remove(stray);
        rows.Add(stray);
        var placed = Write(input, rows);
        var endedOn = placed.Last(p => p.Row.Key == stray.Key && p.Row != stray).Line;
        var appearsOn = placed[^1].Line;
        var output = _temp.File("out.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--conversation-column", KeyColumn);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(
            $"error: {input}:{appearsOn}: conversation '{stray.Key}' appears again on line {appearsOn}, after its messages ended on line {endedOn}: " +
            "each conversation's messages must be together in the input (its rows one after the other). " +
            $"Sort the file by '{KeyColumn}' and run on the sorted file, e.g. with csvkit: " +
            $"csvsort -I -c '{KeyColumn}' '{input}' > '{_temp.File("unsorted.sorted.csv")}'" + Environment.NewLine,
            run.StdErr);
        Assert.Equal("", run.StdOut);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--order-column seq", "error: --order-column orders the messages of each conversation: give --conversation-column too")]
    [InlineData("--conversation-column conversation_id --keep-columns body",
        "error: --keep-columns cannot be used with --conversation-column: a conversation's output row holds its key, its number of messages and the results, not the columns of its messages")]
    [InlineData("--conversation-column thread",
        "{input}: --conversation-column: no column named 'thread'; the columns are 'conversation_id', 'seq', 'author', 'body'")]
    [InlineData("--conversation-column conversation_id --order-column sent_at",
        "{input}: --order-column: no column named 'sent_at'; the columns are 'conversation_id', 'seq', 'author', 'body'")]
    public async Task Conversation_options_that_do_not_fit_are_bad_usage(string options, string message)
    {
        var input = _temp.File("chats.csv");
        Write(input, Generate(conversations: 3, seed: 2));

        var run = await ScaleCli.RunAsync(_temp.Path, ["run", input, "--out", _temp.File("out.csv"), .. options.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message.Replace("{input}", input), run.StdErr);
    }
}
