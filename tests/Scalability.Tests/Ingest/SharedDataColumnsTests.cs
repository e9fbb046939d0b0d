using Scalability.GrainInterfaces.Datasets;
using Scalability.Grains.Ingest;
using Scalability.Tests.Support;

namespace Scalability.Tests.Ingest;

/// <summary>
/// The shared real datasets with their header names replaced by meaningless ones (<c>c1</c>…<c>cN</c>), so that only
/// their values can choose the columns: each must come out as its known names would have it.
/// </summary>
public sealed class SharedDataColumnsTests
{
    private static (ColumnMapping Mapping, ColumnKind[] Kinds) Unnamed(string dataset)
    {
        var sample = ColumnSample.Read(TestPaths.Dataset(dataset));
        var unnamed = sample with { Header = sample.Header.Select((_, i) => $"c{i + 1}").ToArray() };
        return (ColumnMapper.Map(dataset, unnamed, null, null, null), ColumnProfiler.Profile(unnamed).Select(p => p.Kind).ToArray());
    }

    [Fact]
    public void Kaggle_tickets_come_out_as_subject_and_description_with_the_ticket_id()
    {
        var (mapping, kinds) = Unnamed(TestPaths.Kaggle);

        // Ticket ID is the only column of unique short values (the e-mail addresses and response times are unique too,
        // but they are addresses and dates). The subject is one of 16 two-word phrases in sentence case, which names
        // of things (the products, title-cased) and labels (5 ticket types, 3 statuses) are not; the description is
        // the only free text in use: Resolution is free text, but filled in about a third of the records.
        Assert.Equal(
            [
                ColumnKind.Id, ColumnKind.PersonName, ColumnKind.Email, ColumnKind.Number, ColumnKind.Label, ColumnKind.Label,
                ColumnKind.DateTime, ColumnKind.Label, ColumnKind.ShortText, ColumnKind.FreeText, ColumnKind.Label, ColumnKind.MostlyEmpty,
                ColumnKind.Label, ColumnKind.Label, ColumnKind.DateTime, ColumnKind.MostlyEmpty, ColumnKind.MostlyEmpty,
            ],
            kinds);
        Assert.Equal("c1", mapping.IdColumn);
        Assert.Equal(["c9", "c10"], mapping.TextColumns);
        Assert.Equal(
            [
                "by content: subject-like short phrases: 2 words a value on average, 16 distinct values",
                "by content: free text: 46 words a value on average, 97% distinct; in the first person in 92% of values",
            ],
            mapping.TextChoices!.Select(c => c.Reason));
        Assert.Empty(mapping.NotRead!);
    }

    [Fact]
    public void Bitext_comes_out_as_the_instruction_with_the_response_reported()
    {
        var (mapping, kinds) = Unnamed(TestPaths.Bitext);

        // Two columns of free text: the customer's instruction, in the first person, and the agent's response, longer
        // but addressed to the customer. The instruction is read; the response is named as not read. No column holds
        // unique short values (the instructions are unique, but they are sentences), so rows are numbered.
        Assert.Equal(
            [
                ColumnKind.Label, ColumnKind.Label, ColumnKind.FreeText, ColumnKind.Label, ColumnKind.Label, ColumnKind.Number,
                ColumnKind.Number, ColumnKind.Number, ColumnKind.Label, ColumnKind.Label, ColumnKind.FreeText,
            ],
            kinds);
        Assert.Null(mapping.IdColumn);
        Assert.Equal(["c3"], mapping.TextColumns);
        Assert.Equal(
            ["by content: free text: 7.1 words a value on average, 100% distinct; in the first person in 62% of values"],
            mapping.TextChoices!.Select(c => c.Reason));
        Assert.Equal(
            [new ColumnChoice("c11", ColumnSource.Content,
                "also free text, not read (use --text-columns to read it): 114 words a value on average, 100% distinct; addressed to the reader in 98% of values")],
            mapping.NotRead!);
    }

    [Fact]
    public void Banking77_comes_out_as_its_text()
    {
        var (mapping, kinds) = Unnamed(TestPaths.Banking77);

        // Short customer queries (11 words on average, every one different) beside their intent and split, which
        // repeat; nothing is an id.
        Assert.Equal([ColumnKind.FreeText, ColumnKind.Label, ColumnKind.Label], kinds);
        Assert.Null(mapping.IdColumn);
        Assert.Equal(["c1"], mapping.TextColumns);
        Assert.Empty(mapping.NotRead!);
    }

    [Theory]
    [InlineData(TestPaths.Kaggle)]
    [InlineData(TestPaths.Bitext)]
    [InlineData(TestPaths.Banking77)]
    public void Content_chooses_the_columns_that_the_names_do(string dataset)
    {
        var sample = ColumnSample.Read(TestPaths.Dataset(dataset));
        var byName = ColumnMapper.Map(dataset, sample, null, null, null);

        var (byContent, _) = Unnamed(dataset);

        Assert.Equal(byName.TextIndexes, byContent.TextIndexes);
        Assert.Equal(byName.IdIndex, byContent.IdIndex);
    }

    [Fact]
    public void Generated_tickets_come_out_as_their_names_would_have_them()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scale-generated-{Guid.NewGuid():N}.csv");
        try
        {
            using (var file = File.Create(path))
            {
                SyntheticTicketGenerator.Write(file, 1000, seed: 3);
            }

            var sample = ColumnSample.Read(path);
            var byName = ColumnMapper.Map(path, sample, null, null, null);
            var byContent = ColumnMapper.Map(path, sample with { Header = sample.Header.Select((_, i) => $"c{i + 1}").ToArray() }, null, null, null);

            Assert.Equal("ticket_id", byName.IdColumn);
            Assert.Equal(["subject", "body"], byName.TextColumns);
            Assert.Equal(byName.IdIndex, byContent.IdIndex);
            Assert.Equal(byName.TextIndexes, byContent.TextIndexes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_sample_is_the_first_500_records()
    {
        var sample = ColumnSample.Read(TestPaths.Dataset(TestPaths.Kaggle));

        Assert.Equal((500, 500), (sample.Records.Count, sample.RecordsRead));
        Assert.Equal(Enumerable.Range(1, 500).Select(i => i.ToString()), sample.Records.Select(r => r[0]));
    }
}
