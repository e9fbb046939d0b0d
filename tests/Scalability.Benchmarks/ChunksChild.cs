using System.Diagnostics;
using Scalability.GrainInterfaces.Jobs;
using Scalability.GrainInterfaces.Processing;
using Scalability.Grains.Ingest;
using Scalability.Grains.Jobs;
using Scalability.Grains.Output;
using Scalability.Grains.Processing;

namespace Scalability.Benchmarks;

/// <summary>
/// Diagnostic: what a job does to the data, without the grains that coordinate it. The same planning scan, the same
/// chunk runner over the same chunks (as many at once as the job would run), the same assembly of the parts. The
/// pipeline's time minus this one is the price of Orleans: grain calls, lease bookkeeping, state saves.
/// </summary>
internal static class ChunksChild
{
    public static async Task<ChildResult> RunAsync(ChildOptions options)
    {
        var workers = options.EffectiveWorkers;
        var clock = Stopwatch.StartNew();

        var manifest = ManifestScanner.Scan(options.InputPath, options.ChunkSize);
        var mapping = ColumnMapper.Map(options.InputPath, ColumnSample.Read(options.InputPath), idColumn: null, textColumns: null, keepColumns: null);
        var scanned = clock.Elapsed;

        var input = manifest with { Chunks = [] };
        var partDirectory = PartFiles.PartDirectory(options.OutputPath);
        var processor = LocalTicketProcessor.Create(ProcessorSpec.Local);
        var reports = new ChunkReport[manifest.Chunks.Length];
        await Parallel.ForEachAsync(manifest.Chunks, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (chunk, token) =>
        {
            var assignment = new ChunkAssignment("benchmark", chunk.Index, Attempt: 1, ChunkWork.Process, FailureReason: null, Silo: "benchmark");
            var order = new ChunkWorkOrder(assignment, input, chunk, mapping, ProcessorSpec.Local, partDirectory);
            reports[chunk.Index] = await ChunkRunner.RunAsync(order, processor, static _ => { }, token);
        });
        var processed = clock.Elapsed;

        OutputAssembler.Assemble(options.OutputPath, mapping.OutputHeader, reports.Select(r => PartFiles.Part(partDirectory, r.Index, r.Attempt)), CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        Directory.Delete(partDirectory, recursive: true);

        var ok = reports.Sum(r => r.Counts.Ok);
        var failed = reports.Sum(r => r.Counts.Failed);
        var rejected = reports.Sum(r => r.Counts.Rejected);
        if (ok + failed + rejected != options.ExpectedRows)
        {
            throw new BenchmarkFailedException($"chunks: expected {options.ExpectedRows} rows, accounted for {ok + failed + rejected}");
        }

        return new ChildResult(
            BenchmarkMode.Chunks.Name(),
            manifest.RowCount,
            Math.Round(seconds, 3),
            Math.Round(manifest.RowCount / seconds, 1),
            Math.Round(PeakMemory.PeakRssMegabytes(), 1),
            Math.Round(ProcessClock.SecondsSinceStart(), 3),
            ok,
            failed,
            rejected,
            workers,
            options.ChunkSize,
            new PipelinePhases(
                SiloStartSeconds: 0,
                PlanningSeconds: Math.Round(scanned.TotalSeconds, 3),
                RunningSeconds: Math.Round((processed - scanned).TotalSeconds, 3),
                AssemblingSeconds: Math.Round(seconds - processed.TotalSeconds, 3),
                JobDurationSeconds: Math.Round(seconds, 3),
                manifest.Chunks.Length,
                ChunkRetries: 0),
            RuntimeStats.Capture());
    }
}
