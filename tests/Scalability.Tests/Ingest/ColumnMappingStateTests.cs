using System.Text.Json;
using System.Text.Json.Nodes;
using Scalability.GrainInterfaces.Datasets;
using Scalability.Grains.Ingest;

namespace Scalability.Tests.Ingest;

/// <summary>A job's column mapping is kept in its state as JSON: the reasons added to it must not orphan older state.</summary>
public sealed class ColumnMappingStateTests
{
    // As the grain storage serializer writes state: System.Text.Json's defaults.
    private static readonly JsonSerializerOptions Stored = new();

    private static ColumnMapping Mapping() => ColumnMapper.Map("in.csv",
        ColumnSample.Of(["ref", "note", "body"],
            ["A-1", "Refund", "I was charged twice for my order and would like the second payment back."],
            ["A-2", "Refund", "My parcel came with a broken lid, and I would like a new one sent to me."],
            ["A-3", "Login", "I cannot log in since the update; the app says my password is wrong."],
            ["A-4", "Delivery", "I ordered a kettle ten days ago and it has still not arrived at my door."],
            ["A-5", "Login", "I reset my password twice and the app still will not let me in."]),
        null, null, null);

    [Fact]
    public void A_mapping_with_its_reasons_reads_back_as_written()
    {
        var mapping = Mapping();

        var read = JsonSerializer.Deserialize<ColumnMapping>(JsonSerializer.Serialize(mapping, Stored), Stored)!;

        Assert.Equal(new ColumnChoice("ref", ColumnSource.Content, "by content: unique short values, a different one in each of the 5 records sampled"), read.IdChoice);
        Assert.Equal([new ColumnChoice("body", ColumnSource.Name, "by name")], read.TextChoices!);
        Assert.Empty(read.NotRead!);
        Assert.Equal(mapping.IdIndex, read.IdIndex);
        Assert.Equal(mapping.TextIndexes, read.TextIndexes);
        Assert.Equal(mapping.OutputHeader, read.OutputHeader);
    }

    [Fact]
    public void A_mapping_saved_before_reasons_were_kept_reads_back_without_them()
    {
        var old = JsonSerializer.SerializeToNode(Mapping(), Stored)!.AsObject();
        old.Remove(nameof(ColumnMapping.IdChoice));
        old.Remove(nameof(ColumnMapping.TextChoices));
        old.Remove(nameof(ColumnMapping.NotRead));

        var read = JsonSerializer.Deserialize<ColumnMapping>(old.ToJsonString(), Stored)!;

        Assert.Equal("ref", read.IdColumn);
        Assert.Equal(["body"], read.TextColumns);
        Assert.Null(read.IdChoice);
        Assert.Null(read.TextChoices);
        Assert.Null(read.NotRead);
    }
}
