using CsvHelper;
using Scalability.Grains.Ingest;

namespace Scalability.Benchmarks;

/// <summary>Checks what the modes wrote, streaming the files: that two outputs are the same, that every row is ok.</summary>
internal static class OutputCheck
{
    /// <summary>Data records of a CSV output (its header excluded), counted by CsvHelper, so quoted line breaks count once.</summary>
    public static long CountDataRows(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true, MaxRecordSize = Scalability.GrainInterfaces.Datasets.InputLimits.DefaultMaxRowBytes }, FileOptions.SequentialScan);
        long rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    /// <summary>
    /// Data records of a job's output and how many of them are not <c>ok</c>. The status column is found from the end
    /// of the header, where the product's result columns are, so an input column of the same name cannot be taken for it.
    /// </summary>
    public static (long Rows, long NotOk) CountStatuses(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true, MaxRecordSize = Scalability.GrainInterfaces.Datasets.InputLimits.DefaultMaxRowBytes }, FileOptions.SequentialScan);
        var header = reader.Headers.ToArray();
        var status = header.Length - ColumnMapper.ResultColumns.Length + Array.IndexOf(ColumnMapper.ResultColumns, "status");
        if (status < 0 || header[status] != "status")
        {
            throw new BenchmarkFailedException($"{path}: no status column where the product puts it (header: {string.Join(',', header)})");
        }

        long rows = 0, notOk = 0;
        while (reader.Read())
        {
            rows++;
            if (reader.FieldCount != header.Length || reader.GetString(status) != "ok")
            {
                notOk++;
            }
        }

        return (rows, notOk);
    }

    /// <summary>
    /// Whether the files have the same bytes. The baseline writes the product's layout with the same writer, so any
    /// difference is a difference in results or order, worth knowing before comparing speeds.
    /// </summary>
    public static bool SameBytes(string first, string second)
    {
        using var a = new FileStream(first, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var b = new FileStream(second, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (a.Length != b.Length)
        {
            return false;
        }

        var bufferA = new byte[1 << 20];
        var bufferB = new byte[1 << 20];
        while (true)
        {
            var read = a.ReadAtLeast(bufferA, bufferA.Length, throwOnEndOfStream: false);
            if (b.ReadAtLeast(bufferB.AsSpan(0, read), read, throwOnEndOfStream: false) != read)
            {
                return false;
            }

            if (read == 0)
            {
                return true;
            }

            if (!bufferA.AsSpan(0, read).SequenceEqual(bufferB.AsSpan(0, read)))
            {
                return false;
            }
        }
    }
}
