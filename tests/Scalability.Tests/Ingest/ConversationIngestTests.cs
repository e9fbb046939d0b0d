using Scalability.Grains.Ingest;
using Scalability.Tests.Support;
using static Scalability.Tests.Support.ConversationCsv;

namespace Scalability.Tests.Ingest;

/// <summary>
/// Conversation inputs through the engines: the planning scan's chunk boundaries, its refusal of a conversation that
/// is not together, and the grouping of a chunk's records into one ticket per conversation.
/// </summary>
public sealed class ConversationIngestTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Chunk_boundaries_never_split_a_conversation_whatever_the_chunk_size()
    {
        var path = _temp.File("conversations.csv");
        var placed = Write(path, Generate(conversations: 120, seed: 7, malformedEvery: 9));
        var conversations = Conversations(placed);
        var random = new Random(11);
        var sizes = new[] { 1, 2, 3, placed.Count - 1, placed.Count, placed.Count + 5 }
            .Concat(Enumerable.Range(0, 40).Select(_ => random.Next(4, 90)));

        foreach (var chunkSize in sizes)
        {
            var manifest = ManifestScanner.Scan(path, chunkSize, KeyColumn, OrderColumn);

            Assert.Equal(placed.Count, manifest.RowCount);
            Assert.Equal(conversations.Count, manifest.Conversations);
            AssertWholeConversations(manifest, placed, chunkSize);
            // The input does have conversations across where plain chunks of this size would end.
            Assert.True(chunkSize >= placed.Count || conversations.Any(c => Straddles(c.Messages, chunkSize)),
                $"no conversation straddles a boundary of plain chunks of {chunkSize}");
        }
    }

    [Fact]
    public void A_chosen_chunk_size_joins_pieces_that_end_with_conversations()
    {
        var path = _temp.File("many.csv");
        var placed = Write(path, Generate(conversations: 900, seed: 3, malformedEvery: 50));

        var manifest = ManifestScanner.Scan(path, ChunkSizing.Auto, KeyColumn, orderColumn: null);

        Assert.Equal(ChunkSizing.For(placed.Count), manifest.ChunkSize);
        Assert.True(manifest.Chunks.Length > 1);
        Assert.Equal(Conversations(placed).Count, manifest.Conversations);
        AssertWholeConversations(manifest, placed, manifest.ChunkSize, endsAtFirstStart: false);
    }

    [Fact]
    public void A_key_that_appears_again_after_its_conversation_ended_is_refused_with_both_lines_and_how_to_sort()
    {
        var path = _temp.File("unsorted.csv");
        var rows = Generate(conversations: 30, seed: 5);
        // A conversation whose key needs quotes, one of whose messages comes again after ten other conversations.
        var key = rows.Where(r => r.Key.Contains(',')).GroupBy(r => r.Key).First(g => g.Count() >= 2).Key;
        var strayMessage = rows.Last(r => r.Key == key);
        rows.Remove(strayMessage);
        var tenLater = Conversations(Write(path, rows)).SkipWhile(c => c.Key != key).ElementAt(10).Key;
        rows.Insert(rows.FindLastIndex(r => r.Key == tenLater) + 1, strayMessage);
        var placed = Write(path, rows);
        var endedOn = placed.Last(p => p.Row.Key == key && p.Row != strayMessage).Line;
        var appearsOn = placed.Single(p => p.Row == strayMessage).Line;

        var error = Assert.Throws<InputException>(() => ManifestScanner.Scan(path, 10, KeyColumn, OrderColumn));

        Assert.Equal(appearsOn, error.Line);
        Assert.Equal(
            $"{path}:{appearsOn}: conversation '{key}' appears again on line {appearsOn}, after its messages ended on line {endedOn}: " +
            "each conversation's messages must be together in the input (its rows one after the other). " +
            $"Sort the file by '{KeyColumn}', then by '{OrderColumn}' and run on the sorted file, e.g. with csvkit: " +
            $"csvsort -I -c '{KeyColumn},{OrderColumn}' '{path}' > '{_temp.File("unsorted.sorted.csv")}'",
            error.Message);
    }

    [Fact]
    public void Each_conversation_is_one_ticket_with_its_messages_in_order_column_order()
    {
        var path = _temp.File("tickets.csv");
        var placed = Write(path, Generate(conversations: 60, seed: 13, malformedEvery: 6));
        var manifest = ManifestScanner.Scan(path, 5, KeyColumn, OrderColumn);
        var mapping = ColumnMapper.Map(path, ColumnSample.Read(path), null, null, null, KeyColumn, OrderColumn);

        var items = manifest.Chunks.SelectMany(c => TicketInputs.Read(manifest, c, mapping, CancellationToken.None)).ToList();

        var expected = Conversations(placed);
        var inputs = items.OfType<TicketInput>().ToList();
        Assert.Equal(expected.Select(c => c.Key), inputs.Select(i => i.Ticket.Id));
        Assert.Equal(expected.Select(c => c.Messages.Count), inputs.Select(i => i.Records));
        Assert.Equal(expected.Select(c => c.Messages[0].RecordNumber), inputs.Select(i => i.Ticket.RecordNumber));
        Assert.Equal(expected.Select(c => new[] { c.Key, c.Messages.Count.ToString() }), inputs.Select(i => i.OutputValues));
        Assert.Equal(expected.Select(c => BodiesInOrder(c.Messages)), inputs.Select(i => i.Ticket.Fields.Select(f => f.Value).ToList()));
        Assert.All(inputs.SelectMany(i => i.Ticket.Fields), f => Assert.Equal(TextColumn, f.Column));
        Assert.Equal(expected.Select(c => string.Join("\n\n", BodiesInOrder(c.Messages))), inputs.Select(i => i.Ticket.Text));
        // Malformed records go to the rejects, and the conversations around them stay whole.
        Assert.Equal(placed.Where(p => p.Row.Malformed).Select(p => p.RecordNumber), items.OfType<RejectedRecord>().Select(r => r.RecordNumber));
        // The input does put messages out of order.
        Assert.Contains(expected, c => !BodiesInOrder(c.Messages).SequenceEqual(c.Messages.Select(m => m.Row.Body)));
    }

    [Fact]
    public void Without_an_order_column_messages_keep_their_input_order()
    {
        var path = _temp.File("input-order.csv");
        var placed = Write(path, Generate(conversations: 25, seed: 17));
        var manifest = ManifestScanner.Scan(path, 4, KeyColumn, orderColumn: null);
        var mapping = ColumnMapper.Map(path, ColumnSample.Read(path), null, [TextColumn], null, KeyColumn, orderColumn: null);

        var inputs = manifest.Chunks.SelectMany(c => TicketInputs.Read(manifest, c, mapping, CancellationToken.None)).OfType<TicketInput>();

        Assert.Equal(
            Conversations(placed).Select(c => c.Messages.Select(m => m.Row.Body).ToList()),
            inputs.Select(i => i.Ticket.Fields.Select(f => f.Value).ToList()));
    }

    [Fact]
    public void A_row_without_a_key_is_rejected_and_the_conversation_around_it_stays_whole()
    {
        var path = _temp.Write("no-key.csv", "conversation_id,body\nA,hello\n,who am I\nA,still A\nB,other\n");
        var manifest = ManifestScanner.Scan(path, 1, "conversation_id", orderColumn: null);
        var mapping = ColumnMapper.Map(path, ColumnSample.Read(path), null, null, null, "conversation_id", null);

        var items = manifest.Chunks.SelectMany(c => TicketInputs.Read(manifest, c, mapping, CancellationToken.None)).ToList();

        Assert.Equal(2, manifest.Conversations);
        Assert.Equal([("A", "hello\n\nstill A"), ("B", "other")], items.OfType<TicketInput>().Select(i => (i.Ticket.Id, i.Ticket.Text)));
        var reject = Assert.Single(items.OfType<RejectedRecord>());
        Assert.Equal((2L, 3L, "no conversation: the 'conversation_id' column is empty", ",who am I"), (reject.RecordNumber, reject.Line, reject.Reason, reject.Raw));
    }

    [Fact]
    public void The_conversation_mapping_writes_the_key_and_the_message_count_before_the_results()
    {
        var mapping = ColumnMapper.Map("in.csv", ColumnSample.Of(["Thread", "sent_at", "author", "message"]), null, null, null, "thread", "SENT_AT");

        Assert.True(mapping.IsConversation);
        Assert.Equal(("Thread", 0, 1, "sent_at"), (mapping.IdColumn, mapping.ConversationIndex, mapping.OrderIndex, mapping.OrderColumn));
        Assert.Equal(["message"], mapping.TextColumns);
        Assert.Empty(mapping.KeepIndexes);
        Assert.Equal(["Thread", ColumnMapper.MessagesColumn, .. ColumnMapper.ResultColumns], mapping.OutputHeader);
    }

    [Theory]
    [InlineData("--conversation-column", "thread", null)]
    [InlineData("--order-column", "conversation_id", "sent")]
    public void A_conversation_or_order_column_that_is_not_there_is_named_with_the_columns_there_are(string option, string conversation, string? order)
    {
        var error = Assert.Throws<InputException>(() =>
            ColumnMapper.Map("in.csv", ColumnSample.Of(["conversation_id", "seq", "body"]), null, null, null, conversation, order));

        Assert.Equal($"in.csv: {option}: no column named '{order ?? conversation}'; the columns are 'conversation_id', 'seq', 'body'", error.Message);
    }

    [Theory]
    [InlineData(new[] { "10", "9", "2", "9" }, new[] { 2, 1, 3, 0 }, OrderKind.Number)]
    [InlineData(new[] { "b", "10", "a", "9" }, new[] { 1, 3, 2, 0 }, OrderKind.Text)]
    [InlineData(new[] { "2024-03-01T10:00:00Z", "2024-03-01T10:30:00+02:00", "2024-03-01" }, new[] { 2, 1, 0 }, OrderKind.Date)]
    [InlineData(new[] { "1", "2024-03-01", "" }, new[] { 2, 0, 1 }, OrderKind.Text)]
    public void Order_values_compare_as_numbers_dates_or_text_and_ties_keep_input_order(string[] values, int[] order, OrderKind kind)
    {
        var messages = values.Select((v, i) => new SourceRecord(i + 1, i + 2, [v])).ToList();

        Assert.Equal(kind, MessageOrder.KindOf(values));
        Assert.Equal(order, MessageOrder.Sort(messages, 0).Select(m => messages.IndexOf(m)));
    }

    /// <summary>
    /// Every chunk holds whole conversations, each key in one chunk only, and a chunk ends at the first conversation
    /// to start once it holds enough records: fewer than <paramref name="chunkSize"/> records come before its last
    /// conversation. (A chosen chunk size joins pieces that end so, which this last check does not apply to.)
    /// </summary>
    private static void AssertWholeConversations(DatasetManifest manifest, IReadOnlyList<Placed> placed, int chunkSize, bool endsAtFirstStart = true)
    {
        Assert.Equal(placed.Count, manifest.Chunks.Sum(c => c.Rows));
        var keysSeen = new HashSet<string>();
        var next = 0;
        foreach (var chunk in manifest.Chunks)
        {
            Assert.Equal(placed[next].RecordNumber, chunk.FirstRecordNumber);
            Assert.Equal(placed[next].Line, chunk.FirstLine);
            var records = new ChunkReader(manifest, chunk).Records(CancellationToken.None).ToList();
            Assert.Equal(chunk.Rows, records.Count);
            var inChunk = placed.Skip(next).Take(chunk.Rows).ToList();
            var keys = Conversations(inChunk).Select(c => c.Key).ToList();
            Assert.All(keys, key => Assert.True(keysSeen.Add(key), $"conversation '{key}' is in two chunks"));
            if (chunk.Index < manifest.Chunks.Length - 1)
            {
                Assert.True(chunk.Rows >= chunkSize, $"chunk {chunk.Index} holds {chunk.Rows} records, fewer than {chunkSize}");
                var lastStart = inChunk.FindIndex(p => !p.Row.Malformed && p.Row.Key == keys[^1]);
                Assert.True(!endsAtFirstStart || lastStart < chunkSize,
                    $"chunk {chunk.Index} goes on past a conversation start after {lastStart} records");
            }

            next += chunk.Rows;
        }
    }

    /// <summary>Whether a plain chunk boundary (every <paramref name="chunkSize"/> records) falls inside the conversation.</summary>
    private static bool Straddles(List<Placed> messages, int chunkSize) =>
        (messages[0].RecordNumber - 1) / chunkSize != (messages[^1].RecordNumber - 1) / chunkSize;
}
