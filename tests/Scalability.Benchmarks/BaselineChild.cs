using System.Diagnostics;
using System.Runtime.CompilerServices;
using CsvHelper;
using Scalability.GrainInterfaces.Processing;
using Scalability.Grains.Ingest;
using Scalability.Grains.Processing;

namespace Scalability.Benchmarks;

/// <summary>
/// Measures the competitor a user could write in an afternoon instead of running the product: one process, no
/// Orleans, no chunk files. It reads the same CSV with CsvHelper, maps its columns with the product's
/// <see cref="ColumnMapper"/>, runs the product's <see cref="LocalTicketProcessor"/> over batches of the product's
/// size on every core, and writes the product's output layout in input order with CsvHelper.
/// </summary>
internal static class BaselineChild
{
    /// <summary>Tickets per processor call: the product's batch (ChunkRunner.BatchSize).</summary>
    private const int BatchSize = 64;

    // Batches in flight per worker: enough that a worker never waits for the reader or the writer, few enough that
    // memory stays a few hundred rows.
    private const int BatchesInFlightPerWorker = 4;

    public static async Task<ChildResult> RunAsync(ChildOptions options)
    {
        var workers = options.EffectiveWorkers;
        var rejected = new StrongBox<long>();
        long ok = 0, failed = 0;

        var processing = Stopwatch.StartNew();
        using (var reader = CsvReader.FromFile(options.InputPath, ReaderOptions(), FileOptions.SequentialScan))
        {
            var header = reader.Headers.ToArray();
            var mapping = ColumnMapper.Map(options.InputPath, ColumnSample.Read(options.InputPath), idColumn: null, textColumns: null, keepColumns: null);
            var processor = LocalTicketProcessor.Create(ProcessorSpec.Local);

            await using var writer = CsvWriter.ToFile(options.OutputPath, new CsvWriterOptions(), FileOptions.SequentialScan);
            writer.WriteHeader(mapping.OutputHeader);
            await OrderedParallel.RunAsync(
                TicketBatch.Read(reader, mapping, header.Length, BatchSize, rejected),
                (batch, token) => processor.ProcessAsync(batch.Tickets, token),
                (batch, results) =>
                {
                    if (results.Count != batch.Tickets.Length)
                    {
                        throw new BenchmarkFailedException($"baseline: the processor returned {results.Count} results for {batch.Tickets.Length} tickets");
                    }

                    for (var i = 0; i < results.Count; i++)
                    {
                        ResultRowWriter.Write(writer, batch.Values[i], batch.Tickets[i].RecordNumber, mapping, results[i]);
                        if (results[i].Status == TicketStatus.Ok)
                        {
                            ok++;
                        }
                        else
                        {
                            failed++;
                        }
                    }
                },
                workers,
                workers * BatchesInFlightPerWorker);
        }

        var seconds = processing.Elapsed.TotalSeconds;
        var rows = ok + failed + rejected.Value;
        if (rows != options.ExpectedRows)
        {
            throw new BenchmarkFailedException($"baseline: expected {options.ExpectedRows} rows, read {rows}");
        }

        return new ChildResult(
            BenchmarkMode.Baseline.Name(),
            rows,
            Math.Round(seconds, 3),
            Math.Round(rows / seconds, 1),
            Math.Round(PeakMemory.PeakRssMegabytes(), 1),
            Math.Round(ProcessClock.SecondsSinceStart(), 3),
            ok,
            failed,
            rejected.Value,
            workers,
            ChunkSize: null,
            Phases: null,
            RuntimeStats.Capture());
    }

    // As the product reads: the separator detected, the header on the first line, the same guard against a record
    // that never ends. Line numbers are not tracked: the baseline reports no rejects by line.
    private static CsvReaderOptions ReaderOptions() => new()
    {
        HasHeader = true,
        MaxRecordSize = Scalability.GrainInterfaces.Datasets.InputLimits.DefaultMaxRowBytes,
    };
}
