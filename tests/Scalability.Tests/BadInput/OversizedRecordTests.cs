using System.Text;
using Scalability.Grains.Ingest;
using Scalability.Tests.Support;

namespace Scalability.Tests.BadInput;

public sealed class OversizedRecordTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_50_MiB_field_is_planned_and_rejected_with_a_few_MiB_of_memory_whatever_its_size()
    {
        var path = _temp.File("huge.csv");
        using (var file = File.Create(path))
        {
            file.Write("ticket_id,subject,body\nA1,Before,fine\nA2,Huge,\""u8);
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)'x');
            for (var i = 0; i < 50; i++)
            {
                file.Write(block);
            }

            file.Write("\"\nA3,After,fine\n"u8);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var manifest = ManifestScanner.Scan(path, chunkSize: 2);
        var records = manifest.Chunks.SelectMany(c => new ChunkReader(manifest, c).Records(CancellationToken.None)).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(3, manifest.RowCount);
        Assert.Equal(["A1", "A3"], records.OfType<SourceRecord>().Select(r => r.Values[0]));
        var rejected = Assert.Single(records.OfType<RejectedRecord>());
        Assert.Equal((3L, 2L), (rejected.Line, rejected.RecordNumber));
        Assert.StartsWith("row too long: 50.0 MiB (52,428,810 bytes), over the row limit of 4 MiB", rejected.Reason);
        Assert.Equal(ChunkReader.MaxRawBytes, Encoding.UTF8.GetByteCount(rejected.Raw[..rejected.Raw.IndexOf('…')]));
        // CsvHelper's buffer grows to about twice the row limit, once for the scan and once for the chunk.
        Assert.True(allocated < 24L << 20, $"{allocated:N0} bytes allocated to read a 50 MiB field");
    }
}
