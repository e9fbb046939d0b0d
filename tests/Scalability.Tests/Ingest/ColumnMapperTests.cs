using Scalability.Grains.Ingest;
using Scalability.Tests.Support;

namespace Scalability.Tests.Ingest;

public sealed class ColumnMapperTests
{
    private const string File = "/data/tickets.csv";

    [Fact]
    public void Detects_the_kaggle_datasets_id_subject_and_description()
    {
        var header = ManifestScanner.Scan(TestPaths.Dataset(TestPaths.Kaggle), 1000).Header;

        var mapping = ColumnMapper.Map(File, header, null, null, null);

        Assert.Equal("Ticket ID", mapping.IdColumn);
        Assert.Equal(["Ticket Subject", "Ticket Description"], mapping.TextColumns);
        Assert.True(mapping.IdDetected);
        Assert.True(mapping.TextDetected);
    }

    [Fact]
    public void Detects_the_bitext_instruction_and_numbers_rows_without_an_id()
    {
        var header = ManifestScanner.Scan(TestPaths.Dataset(TestPaths.Bitext), 1000).Header;

        var mapping = ColumnMapper.Map(File, header, null, null, null);

        Assert.Null(mapping.IdColumn);
        Assert.False(mapping.HasIdColumn);
        Assert.Equal(["instruction"], mapping.TextColumns);
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
        var mapping = ColumnMapper.Map(File, ["created", name, "body"], null, null, null);

        Assert.Equal(name, mapping.IdColumn);
        Assert.Equal(1, mapping.IdIndex);
        Assert.Equal(["body"], mapping.TextColumns);
    }

    [Fact]
    public void Subject_comes_before_body_whatever_the_header_order()
    {
        var mapping = ColumnMapper.Map(File, ["body", "id", "title"], null, null, null);

        Assert.Equal(["title", "body"], mapping.TextColumns);
    }

    [Fact]
    public void Named_columns_override_detection_and_match_case_insensitively()
    {
        var mapping = ColumnMapper.Map(File, ["id", "subject", "notes", "ref"], "REF", ["notes", "Subject"], ["ref", "notes"]);

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
        var error = Assert.Throws<InputException>(() => ColumnMapper.Map(File, ["id", "body"], null, ["message"], null));

        Assert.Equal($"{File}: --text-columns: no column named 'message'; the columns are 'id', 'body'", error.Message);
    }

    [Fact]
    public void No_text_column_is_a_clear_error_that_says_what_to_pass()
    {
        var error = Assert.Throws<InputException>(() => ColumnMapper.Map(File, ["id", "amount", "date"], null, null, null));

        Assert.Equal($"{File}: no text column found among 'id', 'amount', 'date'; name the columns to read with --text-columns", error.Message);
    }

    [Fact]
    public void A_column_cannot_be_both_id_and_text()
    {
        var error = Assert.Throws<InputException>(() => ColumnMapper.Map(File, ["id", "body"], "body", ["body"], null));

        Assert.Contains("cannot be both the id column and a text column", error.Message);
    }
}
