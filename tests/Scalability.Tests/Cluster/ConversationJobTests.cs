using Scalability.Client;
using Scalability.Grains.Ingest;
using Scalability.Grains.Processing;
using Scalability.Tests.Support;
using static Scalability.Tests.Support.ConversationCsv;

namespace Scalability.Tests.Cluster;

/// <summary>A conversation input (one row per message) as a job through the grains: one result per conversation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationJobTests(ClusterFixture fixture) : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ScalabilityClient _client = new(fixture.Client);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Each_conversation_comes_out_once_with_its_message_count_and_its_messages_read_in_order()
    {
        var input = _temp.File("chats.csv");
        var output = _temp.File("chats.results.csv");
        var placed = Write(input, Generate(conversations: 150, seed: 21, malformedEvery: 10));
        var conversations = Conversations(placed);
        const int chunkSize = 40;

        var summary = await RunAsync(new JobSpec(input, output, ChunkSize: chunkSize, MaxWorkers: 3,
            Processor: new ProcessorSpec(EchoProcessorFactory.EchoKind), ConversationColumn: KeyColumn, OrderColumn: OrderColumn));

        Assert.Equal(JobStatus.Completed, summary.Status);
        var malformed = placed.Where(p => p.Row.Malformed).ToList();
        Assert.Equal(
            (placed.Count, conversations.Count, conversations.Sum(c => c.Messages.Count), conversations.Count, 0, malformed.Count),
            ((int)summary.InputRows, (int)summary.Conversations!, (int)summary.Messages!, (int)summary.Ok, (int)summary.Failed, (int)summary.Rejected));
        Assert.Equal(summary.InputRows, summary.Messages + summary.Rejected);
        Assert.Equal(summary.Conversations, summary.Ok + summary.Failed);
        Assert.Equal(KeyColumn, summary.IdColumn);
        // Several chunks, and conversations across where chunks of plain rows would have ended.
        Assert.InRange(summary.Chunks, 2, placed.Count / chunkSize);
        Assert.Contains(conversations, c => (c.Messages[0].RecordNumber - 1) / chunkSize != (c.Messages[^1].RecordNumber - 1) / chunkSize);

        var results = CsvFiles.Read(output);
        Assert.Equal([KeyColumn, ColumnMapper.MessagesColumn, .. ColumnMapper.ResultColumns], results.Header);
        Assert.Equal(conversations.Select(c => c.Key), results.Values(KeyColumn));
        Assert.Equal(conversations.Select(c => c.Messages.Count.ToString()), results.Values(ColumnMapper.MessagesColumn));
        Assert.Equal(conversations.Select(c => string.Join("\n\n", BodiesInOrder(c.Messages))), results.Values("summary"));
        Assert.All(results.Values("status"), s => Assert.Equal("ok", s));
        var rejects = CsvFiles.Read(summary.RejectsPath!);
        Assert.Equal(malformed.Select(p => p.RecordNumber.ToString()), rejects.Values("record"));
        Assert.Equal(malformed.Select(p => p.Line.ToString()), rejects.Values("line"));
    }

    [Fact]
    public async Task A_conversation_that_is_not_together_fails_the_job_at_planning_as_bad_input()
    {
        var input = _temp.File("scattered.csv");
        var rows = Generate(conversations: 12, seed: 8);
        var first = rows[0];
        rows.RemoveAt(0);
        rows.Add(first);
        Write(input, rows);

        var summary = await RunAsync(new JobSpec(input, _temp.File("out.csv"), ConversationColumn: KeyColumn));

        Assert.Equal(JobStatus.Failed, summary.Status);
        Assert.True(summary.BadInput);
        Assert.Equal(0, summary.Chunks);
        Assert.StartsWith($"{input}:", summary.Error);
        Assert.Contains($"conversation '{first.Key}' appears again on line", summary.Error);
    }

    [Fact]
    public async Task An_order_column_without_a_conversation_column_is_refused_at_submission()
    {
        var input = _temp.File("chats.csv");
        Write(input, Generate(conversations: 3, seed: 1));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _client.SubmitAsync(ScalabilityClient.NewJobId(), new JobSpec(input, _temp.File("out.csv"), OrderColumn: OrderColumn)));

        Assert.Equal("--order-column orders the messages of each conversation: give --conversation-column too", error.Message);
    }

    private async Task<JobSummary> RunAsync(JobSpec spec)
    {
        var jobId = ScalabilityClient.NewJobId();
        await _client.SubmitAsync(jobId, spec);
        using var timeout = new CancellationTokenSource(Patience);
        return await _client.WaitForCompletionAsync(jobId, timeout.Token);
    }
}

/// <summary>A processor whose summary is the text it was given (<see cref="Ticket.Text"/>), to show what it read.</summary>
public sealed class EchoProcessorFactory : ITicketProcessorFactory
{
    public const string EchoKind = "test-echo";

    public string Kind => EchoKind;

    public ITicketProcessor Create(ProcessorSpec spec, ChunkAssignment assignment) => new EchoProcessor();

    private sealed class EchoProcessor : ITicketProcessor
    {
        public ValueTask<IReadOnlyList<TicketResult>> ProcessAsync(IReadOnlyList<Ticket> batch, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<TicketResult>>(
                batch.Select(t => new TicketResult("echo", 1, t.Text, TicketStatus.Ok, null)).ToArray());
    }
}
