using System.Text.Json.Serialization;

namespace Scalability.GrainInterfaces.Datasets;

/// <summary>
/// What the planning scan learns about an input: its header, its size, and where each chunk's records start and
/// end. It grows with the number of chunks, never with the number of rows.
/// </summary>
/// <param name="ChunkSize">Records per chunk as planned. A scan grouped by a conversation column ends a chunk only
/// where a conversation ends, so its chunks may hold a few more records than this.</param>
/// <param name="Conversations">The conversations a scan grouped by a conversation column found; 0 for other
/// scans.</param>
/// <param name="Limits">The field and row limits the scan planned with, which every chunk reader applies the same way;
/// null for the defaults.</param>
[GenerateSerializer, Immutable, Alias("DatasetManifest")]
public sealed record DatasetManifest(
    [property: Id(0)] string Path,
    [property: Id(1)] long ByteSize,
    [property: Id(2)] DateTime LastWriteTimeUtc,
    [property: Id(3)] char Separator,
    [property: Id(4)] string[] Header,
    [property: Id(5)] long RowCount,
    [property: Id(6)] int ChunkSize,
    [property: Id(7)] ChunkBounds[] Chunks,
    [property: Id(8)] long Conversations = 0,
    [property: Id(9)] InputLimits? Limits = null)
{
    /// <summary>The limits in force: those planned with, or the defaults.</summary>
    [JsonIgnore]
    public InputLimits EffectiveLimits => Limits ?? InputLimits.Default;
}

/// <summary>
/// One chunk's byte range [<see cref="StartByte"/>, <see cref="EndByte"/>) of the input, which holds exactly
/// <see cref="Rows"/> records starting on a record boundary.
/// </summary>
/// <param name="FirstRecordNumber">1-based number of the chunk's first data record.</param>
/// <param name="FirstLine">1-based line of the input on which the chunk's first record starts.</param>
[GenerateSerializer, Immutable, Alias("ChunkBounds")]
public sealed record ChunkBounds(
    [property: Id(0)] int Index,
    [property: Id(1)] long StartByte,
    [property: Id(2)] long EndByte,
    [property: Id(3)] long FirstRecordNumber,
    [property: Id(4)] long FirstLine,
    [property: Id(5)] int Rows);
