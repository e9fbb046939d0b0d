using System.Text;
using Scalability.GrainInterfaces.Datasets;
using Scalability.Grains.Ingest;
using Scalability.Tests.Support;

namespace Scalability.Tests.Ingest;

public sealed class ColumnSampleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_sample_stops_at_500_records()
    {
        var path = _temp.Write("many.csv", "id,body\n" + string.Concat(Enumerable.Range(1, 600).Select(i => $"{i},ticket {i}\n")));

        var sample = ColumnSample.Read(path);

        Assert.Equal((ColumnSample.MaxRecords, ColumnSample.MaxRecords), (sample.Records.Count, sample.RecordsRead));
        Assert.Equal(["500", "ticket 500"], sample.Records[^1]);
    }

    [Fact]
    public void The_sample_stops_at_the_records_that_start_in_the_first_mebibyte()
    {
        // Records of exactly 4 KiB with their line end: the 257th starts 1 MiB after the first.
        const int recordBytes = 4096;
        var text = new StringBuilder("id,body\n");
        for (var i = 1; i <= 400; i++)
        {
            var id = i.ToString("000");
            text.Append(id).Append(',').Append('x', recordBytes - id.Length - 2).Append('\n');
        }

        var sample = ColumnSample.Read(_temp.Write("long.csv", text.ToString()));

        Assert.Equal(ColumnSample.MaxBytes / recordBytes, sample.Records.Count);
        Assert.Equal("256", sample.Records[^1][0]);
    }

    [Fact]
    public void Records_a_chunk_reader_rejects_are_left_out_of_the_sample()
    {
        var path = _temp.Write("bad.csv",
            "id,body\n" +
            "1,fine\n" +
            "2,one,field too many\n" +
            "3," + new string('y', 300) + "\n" +
            "4,fine again\n");

        var sample = ColumnSample.Read(path, new InputLimits(MaxFieldBytes: 256, MaxRowBytes: 1024));

        Assert.Equal(4, sample.RecordsRead);
        Assert.Equal(["1", "4"], sample.Records.Select(r => r[0]));
    }

    [Fact]
    public void A_header_that_names_two_columns_alike_is_refused_as_by_the_planning_scan()
    {
        var path = _temp.Write("twice.csv", "id,Body,body\n1,a,b\n");

        var error = Assert.Throws<InputException>(() => ColumnSample.Read(path));

        Assert.Equal($"{path}:1: the header names two columns alike: column 2 'Body' and column 3 'body'; rename one so that each column can be told apart", error.Message);
    }
}
