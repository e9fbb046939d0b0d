using Scalability.GrainInterfaces.Processing;
using Scalability.Grains.Ingest;
using Scalability.Tests.Support;

namespace Scalability.Tests.Ingest;

/// <summary>The chunk size a job gets when it names none: by its row count, and fewer, larger chunks for the local processor.</summary>
public sealed class ChunkSizingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1L, 1000, 1000)]
    [InlineData(19_000L, 1000, 1000)]
    [InlineData(100_000L, 1000, 1750)]
    [InlineData(500_000L, 2000, 8000)]
    [InlineData(2_000_000L, 8000, 31250)]
    public void Chunks_are_at_least_1000_rows_and_about_256_at_most_or_64_for_the_local_processor(long rows, int slow, int local)
    {
        Assert.Equal(slow, ChunkSizing.For(rows));
        Assert.Equal(slow, ChunkSizing.For(rows, ChunkSizing.TargetChunksFor(new ProcessorSpec(ProcessorSpec.LlmKind))));
        Assert.Equal(slow, ChunkSizing.For(rows, ChunkSizing.TargetChunksFor(new ProcessorSpec(ProcessorSpec.PluginKind))));
        Assert.Equal(local, ChunkSizing.For(rows, ChunkSizing.TargetChunksFor(ProcessorSpec.Local)));
    }

    [Fact]
    public void The_planning_scan_splits_a_large_input_into_the_chunks_its_target_allows()
    {
        const int rows = 70_000;
        var path = _temp.File("many.csv");
        File.WriteAllLines(path, ["id,text", .. Enumerable.Range(1, rows).Select(i => $"{i},ticket {i}")]);

        var forModels = ManifestScanner.Scan(path, ChunkSizing.Auto);
        var forLocal = ManifestScanner.Scan(path, ChunkSizing.Auto, conversationColumn: null, orderColumn: null,
            targetMaxChunks: ChunkSizing.TargetMaxLocalChunks);

        Assert.Equal((1000, 70), (forModels.ChunkSize, forModels.Chunks.Length));
        Assert.Equal((1250, 56), (forLocal.ChunkSize, forLocal.Chunks.Length));
        Assert.Equal(rows, forLocal.Chunks.Sum(c => c.Rows));
        Assert.All(forLocal.Chunks.SkipLast(1), c => Assert.Equal(1250, c.Rows));
    }

    [Fact]
    public void A_target_of_no_chunks_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChunkSizing.For(10, 0));
}
