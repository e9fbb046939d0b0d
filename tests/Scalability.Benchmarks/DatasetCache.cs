using System.Text.Json;
using Scalability.Grains.Ingest;

namespace Scalability.Benchmarks;

/// <summary>
/// The synthetic inputs, generated once per size and seed and reused by later runs: generating 500,000 tickets takes
/// longer than some measurements. A marker file written after the data says which rows and seed the file holds and
/// how long it is, so a file cut short by an interrupted run is never mistaken for a finished one.
/// </summary>
internal static class DatasetCache
{
    public static string Ensure(string workDirectory, long rows, int seed, TextWriter log)
    {
        Directory.CreateDirectory(workDirectory);
        var path = Path.Combine(workDirectory, $"tickets-{rows}-seed{seed}.csv");
        var markerPath = path + ".marker.json";
        var expected = new DatasetMarker(rows, seed, [.. SyntheticTicketGenerator.Columns], 0);

        if (ReadMarker(markerPath) is { } marker && marker.Describes(expected) &&
            File.Exists(path) && new FileInfo(path).Length == marker.Bytes)
        {
            log.WriteLine($"reusing {path} ({marker.Bytes / (1024.0 * 1024.0):F1} MiB)");
            return path;
        }

        File.Delete(markerPath);
        log.WriteLine($"generating {rows:N0} tickets (seed {seed}) into {path} ...");
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            SyntheticTicketGenerator.Write(stream, rows, seed);
        }

        File.Move(temporary, path, overwrite: true);
        var written = expected with { Bytes = new FileInfo(path).Length };
        File.WriteAllText(markerPath, JsonSerializer.Serialize(written, BenchmarkJson.Default.DatasetMarker));
        log.WriteLine($"generated {path} ({written.Bytes / (1024.0 * 1024.0):F1} MiB)");
        return path;
    }

    private static DatasetMarker? ReadMarker(string markerPath)
    {
        try
        {
            return File.Exists(markerPath)
                ? JsonSerializer.Deserialize(File.ReadAllText(markerPath), BenchmarkJson.Default.DatasetMarker)
                : null;
        }
        catch (JsonException)
        {
            return null; // A damaged marker only means the data is generated again.
        }
    }
}

/// <summary>What a generated input holds: its rows, seed and columns, and its length once complete.</summary>
internal sealed record DatasetMarker(long Rows, int Seed, string[] Columns, long Bytes)
{
    public bool Describes(DatasetMarker wanted) =>
        Rows == wanted.Rows && Seed == wanted.Seed && Columns.SequenceEqual(wanted.Columns) && Bytes > 0;
}
