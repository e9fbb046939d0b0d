using Scalability.GrainInterfaces.Datasets;
using Scalability.Grains.Ingest;
using Scalability.Tests.Support;

namespace Scalability.Tests.Ingest;

public sealed class ColumnMapperTests
{
    private const string File = "/data/tickets.csv";

    [Fact]
    public void Detects_the_kaggle_datasets_id_subject_and_description()
    {
        var sample = ColumnSample.Read(TestPaths.Dataset(TestPaths.Kaggle));

        var mapping = ColumnMapper.Map(File, sample, null, null, null);

        Assert.Equal("Ticket ID", mapping.IdColumn);
        Assert.Equal(["Ticket Subject", "Ticket Description"], mapping.TextColumns);
        Assert.True(mapping.IdDetected);
        Assert.True(mapping.TextDetected);
        Assert.Equal(new ColumnChoice("Ticket ID", ColumnSource.Name, "by name"), mapping.IdChoice);
        Assert.Equal(
            [new ColumnChoice("Ticket Subject", ColumnSource.Name, "by name"), new ColumnChoice("Ticket Description", ColumnSource.Name, "by name")],
            mapping.TextChoices!);
        // 'Resolution' is free text too, but filled in about a third of the records: not worth a mention.
        Assert.Empty(mapping.NotRead!);
    }

    [Fact]
    public void Detects_the_bitext_instruction_and_numbers_rows_without_an_id()
    {
        var sample = ColumnSample.Read(TestPaths.Dataset(TestPaths.Bitext));

        var mapping = ColumnMapper.Map(File, sample, null, null, null);

        Assert.Null(mapping.IdColumn);
        Assert.Null(mapping.IdChoice);
        Assert.False(mapping.HasIdColumn);
        Assert.Equal(["instruction"], mapping.TextColumns);
        // The agent's replies are free text as well: said, not read silently.
        Assert.Equal(["response"], mapping.NotRead!.Select(c => c.Column));
        // No id column: a row number leads; the input's own 'category' label is kept beside ours under another name.
        Assert.Equal(
            ["row", "context", "role", "instruction", "intent", "entity_type", "entity_value", "start_offset", "end_offset",
             "input.category", "tags", "response", "category", "confidence", "language", "summary", "status", "error",
             "failure_kind", "attempts", "tokens_in", "tokens_out", "cost_usd"],
            mapping.OutputHeader);
    }

    [Theory]
    [InlineData("ticket_id")]
    [InlineData("Ticket ID")]
    [InlineData("TicketId")]
    [InlineData("id")]
    public void Recognises_common_spellings_of_the_id_column(string name)
    {
        var mapping = ColumnMapper.Map(File, ColumnSample.Of(["created", name, "body"]), null, null, null);

        Assert.Equal(name, mapping.IdColumn);
        Assert.Equal(1, mapping.IdIndex);
        Assert.Equal(["body"], mapping.TextColumns);
    }

    [Fact]
    public void Subject_comes_before_body_whatever_the_header_order()
    {
        var mapping = ColumnMapper.Map(File, ColumnSample.Of(["body", "id", "title"]), null, null, null);

        Assert.Equal(["title", "body"], mapping.TextColumns);
    }

    [Fact]
    public void Named_columns_override_detection_and_match_case_insensitively()
    {
        var mapping = ColumnMapper.Map(File, ColumnSample.Of(["id", "subject", "notes", "ref"]), "REF", ["notes", "Subject"], ["ref", "notes"]);

        Assert.Equal("ref", mapping.IdColumn);
        Assert.Equal(["notes", "subject"], mapping.TextColumns);
        Assert.False(mapping.IdDetected);
        Assert.False(mapping.TextDetected);
        Assert.Equal(["ref", "notes", "category", "confidence", "language", "summary", "status", "error",
             "failure_kind", "attempts", "tokens_in", "tokens_out", "cost_usd"], mapping.OutputHeader);
    }

    [Fact]
    public void An_unknown_named_column_is_reported_with_the_columns_there_are()
    {
        var error = Assert.Throws<InputException>(() => ColumnMapper.Map(File, ColumnSample.Of(["id", "body"]), null, ["message"], null));

        Assert.Equal($"{File}: --text-columns: no column named 'message'; the columns are 'id', 'body'", error.Message);
    }

    [Fact]
    public void A_file_without_free_text_is_refused_with_what_each_column_holds()
    {
        var sample = ColumnSample.Of(["id", "amount", "created", "status", "email"],
            ["1001", "12.50", "2024-03-01", "open", "ana@example.com"],
            ["1002", "7.99", "2024-03-01", "closed", "ben@example.com"],
            ["1003", "120.00", "2024-03-02", "open", "carla@example.org"],
            ["1004", "12.50", "2024-03-04", "pending", "dev@example.net"],
            ["1005", "3.10", "2024-03-05", "closed", "eva@example.com"],
            ["1006", "45.00", "2024-03-05", "open", "femi@example.com"]);

        var error = Assert.Throws<InputException>(() => ColumnMapper.Map(File, sample, null, null, null));

        Assert.Equal($"{File}: no free-text column among 'id' (unique short values), 'amount' (numbers), 'created' (dates), " +
                     "'status' (labels: 3 distinct values), 'email' (e-mail addresses); name the columns to read with --text-columns", error.Message);
    }

    /// <summary>Tickets whose columns no known name matches: a reference, a date, a status, a one-line summary, the
    /// customer's message, and the agent's reply.</summary>
    private static ColumnSample Unnamed(params string[] header) => ColumnSample.Of(header,
        ["CR-1001", "2024-03-01", "open", "Parcel not delivered", "I ordered a lamp two weeks ago and my parcel has still not arrived. Where is it?", "Thank you for writing. You can follow your parcel on your Orders page; it should reach you tomorrow."],
        ["CR-1002", "2024-03-01", "closed", "Charged twice", "My card was charged twice for order 5521. I would like the second payment refunded.", "You were indeed charged twice. Your refund is on its way and you will see it within five days."],
        ["CR-1003", "2024-03-02", "open", "Cannot log in after update", "Since the update I cannot log in: the app says my password is wrong, but I have not changed it.", "Please reset your password from the login page; your orders and settings are kept."],
        ["CR-1004", "2024-03-04", "pending", "Wrong size sent", "I received the jacket in size M but I ordered L. How do I exchange it for the right size?", "Sorry about that. You can exchange it free of charge: print your label from the Returns page."],
        ["CR-1005", "2024-03-05", "closed", "Invoice address wrong", "The invoice for my last order shows my old address. Could you send me a corrected one?", "Your corrected invoice is attached. You can also download it from your account at any time."],
        ["CR-1006", "2024-03-05", "open", "Discount code rejected", "My discount code SPRING10 is rejected at checkout although it is valid until the end of the month.", "The code works on full-price items only; you can use it on your next order of those."]);

    [Fact]
    public void Without_a_known_name_the_columns_are_chosen_by_content_with_their_reasons()
    {
        var mapping = ColumnMapper.Map(File, Unnamed("case_ref", "opened", "state", "headline", "first_customer_text", "agent_reply"), null, null, null);

        Assert.Equal(("case_ref", 0), (mapping.IdColumn, mapping.IdIndex));
        Assert.Equal(new ColumnChoice("case_ref", ColumnSource.Content, "by content: unique short values, a different one in each of the 6 records sampled"), mapping.IdChoice);
        // The customer's message, with its one-line summary first, as a subject is read before a body.
        Assert.Equal(["headline", "first_customer_text"], mapping.TextColumns);
        Assert.Equal([3, 4], mapping.TextIndexes);
        Assert.Equal(
            [
                new ColumnChoice("headline", ColumnSource.Content, "by content: subject-like short phrases: 3.2 words a value on average, 6 distinct values"),
                new ColumnChoice("first_customer_text", ColumnSource.Content,
                    "by content: free text: 18 words a value on average, 100% distinct; in the first person in 100% of values"),
            ],
            mapping.TextChoices!);
        // The agent's reply is free text too, and longer, but addressed to the customer: named, not read.
        Assert.Equal(
            [new ColumnChoice("agent_reply", ColumnSource.Content,
                "also free text, not read (use --text-columns to read it): 17 words a value on average, 100% distinct; addressed to the reader in 100% of values")],
            mapping.NotRead!);
        Assert.True(mapping.IdDetected);
        Assert.True(mapping.TextDetected);
    }

    [Fact]
    public void A_name_match_wins_over_content()
    {
        // 'body' is a known name: it is read, though 'first_customer_text' holds more words in the first person.
        var mapping = ColumnMapper.Map(File, Unnamed("case_ref", "opened", "state", "body", "first_customer_text", "agent_reply"), null, null, null);

        Assert.Equal(["body"], mapping.TextColumns);
        Assert.Equal([new ColumnChoice("body", ColumnSource.Name, "by name")], mapping.TextChoices!);
        Assert.Equal(["first_customer_text", "agent_reply"], mapping.NotRead!.Select(c => c.Column));
        // No id name: the id is still found by content.
        Assert.Equal(ColumnSource.Content, mapping.IdChoice!.Source);
        Assert.Equal("case_ref", mapping.IdColumn);
    }

    [Fact]
    public void Named_options_win_over_names_and_content()
    {
        var mapping = ColumnMapper.Map(File, Unnamed("id", "opened", "state", "body", "first_customer_text", "agent_reply"), "opened", ["agent_reply"], null);

        Assert.Equal(new ColumnChoice("opened", ColumnSource.Given, "as given"), mapping.IdChoice);
        Assert.Equal([new ColumnChoice("agent_reply", ColumnSource.Given, "as given")], mapping.TextChoices!);
        // The user chose: nothing more to say of the columns they did not.
        Assert.Empty(mapping.NotRead!);
        Assert.False(mapping.IdDetected);
        Assert.False(mapping.TextDetected);
    }

    [Fact]
    public void In_conversation_mode_the_conversation_and_order_columns_are_never_text()
    {
        // A conversation keyed by its customer's first message, ordered by a free-text stamp: both are set aside.
        var sample = Unnamed("case_ref", "opened", "state", "headline", "first_customer_text", "agent_reply");

        var mapping = ColumnMapper.Map(File, sample, null, null, null, "first_customer_text", "headline");

        Assert.Equal(("first_customer_text", "headline"), (mapping.IdColumn, mapping.OrderColumn));
        Assert.Equal(new ColumnChoice("first_customer_text", ColumnSource.Given, "as given (--conversation-column)"), mapping.IdChoice);
        // Only the reply is left to read, and is read: the only free text there is.
        Assert.Equal(["agent_reply"], mapping.TextColumns);
    }

    [Fact]
    public void A_file_whose_only_free_text_is_its_conversation_column_says_so()
    {
        var sample = Only(Unnamed("case_ref", "opened", "state", "headline", "first_customer_text", "agent_reply"), 0, 1, 2, 4);

        var error = Assert.Throws<InputException>(() => ColumnMapper.Map(File, sample, null, null, null, "first_customer_text", null));

        Assert.Equal($"{File}: no free-text column among 'case_ref' (unique short values), 'opened' (dates), 'state' (labels: 3 distinct values), " +
                     "'first_customer_text' (free text: 18 words a value on average, 100% distinct; in the first person in 100% of values, " +
                     "but it is the conversation column); name the columns to read with --text-columns", error.Message);
    }

    private static ColumnSample Only(ColumnSample sample, params int[] columns) =>
        ColumnSample.Of(columns.Select(c => sample.Header[c]).ToArray(), sample.Records.Select(r => columns.Select(c => r[c]).ToArray()).ToArray());

    [Fact]
    public void A_column_cannot_be_both_id_and_text()
    {
        var error = Assert.Throws<InputException>(() => ColumnMapper.Map(File, ColumnSample.Of(["id", "body"]), "body", ["body"], null));

        Assert.Contains("cannot be both the id column and a text column", error.Message);
    }
}
