using Scalability.Grains.Costing;

namespace Scalability.Grains.Ingest;

/// <summary>What <c>scale analyze</c> reports: the planning scan, the column choice and the profile that fits.</summary>
public static class DatasetAnalyzer
{
    /// <param name="targetMaxChunks">With <see cref="ChunkSizing.Auto"/>, about how many chunks at most: those of the
    /// local processor, which a run uses unless told otherwise, by default.</param>
    public static DatasetAnalysis Analyze(
        string path, int chunkSize, string? idColumn, IReadOnlyList<string>? textColumns, ResourceProfiles profiles,
        CancellationToken cancellationToken = default, int targetMaxChunks = ChunkSizing.TargetMaxLocalChunks)
    {
        var manifest = ManifestScanner.Scan(path, chunkSize, conversationColumn: null, orderColumn: null, cancellationToken: cancellationToken,
            targetMaxChunks: targetMaxChunks);
        var sample = ColumnSample.Read(path);
        var mapping = ColumnMapper.Map(path, sample, idColumn, textColumns, keepColumns: null);
        var profile = profiles.For(manifest.RowCount);
        return new DatasetAnalysis(
            path,
            manifest.RowCount,
            manifest.ByteSize,
            manifest.Header,
            mapping.IdColumn,
            mapping.TextColumns,
            manifest.ChunkSize,
            manifest.Chunks.Length,
            profile,
            profile.CostPerTicketUsd * manifest.RowCount,
            mapping.IdChoice,
            mapping.TextChoices,
            mapping.NotRead,
            sample.Records.Count,
            ColumnProfiler.Profile(sample).Select(p => new ColumnFinding(p.Name, p.Kind, p.Description)).ToArray());
    }
}
