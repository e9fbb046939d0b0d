using System.Diagnostics;
using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.Jobs;
using Scalability.Grains.Ingest;
using Scalability.Grains.Jobs;
using Scalability.Grains.Output;
using Scalability.Grains.Quality;

namespace Scalability.Grains.Costing;

/// <summary>What a calibration run measured, and the profile a plan is made from.</summary>
/// <param name="Seconds">The calibration's own time, from the scan to the last measurement.</param>
public sealed record Calibration(MeasuredProfile Profile, double Seconds, int Chunks, int Workers);

/// <summary>
/// Measures a processor on the input itself, for planning a job no earlier run can plan (<c>scale analyze
/// --calibrate</c>). It does what the job would do, on a sample: the planning scan over the whole input (timed: the
/// job's planning rate), the chunk runner over small chunks spread evenly through the input with as many at once as
/// the job would run (the busy workers' rate, reading, processing and writing included), the join of their parts
/// (the output's bytes per row and the copy rate) and the category proposals on as many tickets as the job would
/// cluster (their time does not grow with the rows past the proposer's sample). The peak memory is the process's
/// while doing so, plus what a silo adds around it (<see cref="PlanningAssumptions.SiloOverheadMb"/>).
/// </summary>
public static class CalibrationRun
{
    /// <summary>Rows run through the chunk path, at most: a few seconds of one core for the local processor.</summary>
    public const int DefaultSampleRows = 8_000;

    /// <summary>Small chunks per worker, so that every worker starts and commits several as in a job.</summary>
    private const int ChunksPerWorker = 4;

    /// <param name="workRoot">Where the calibration's parts and output are written, and deleted after (default: the temporary folder).</param>
    /// <exception cref="InputException">The input cannot be read or mapped.</exception>
    public static async Task<Calibration> MeasureAsync(
        string inputPath, ColumnMapping mapping, ProcessorSpec spec, int workers, int sampleRows, PlanningAssumptions assumptions,
        CancellationToken cancellationToken, string? workRoot = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRows, 1);
        var clock = Stopwatch.StartNew();
        var chunkCount = workers * ChunksPerWorker;
        // The job's planning scan, timed, cut into calibration-sized chunks from which evenly spaced ones are run. An
        // input of fewer rows than the sample is scanned again in smaller chunks, so that every worker still gets
        // several: cheap, as it is that small.
        var small = Scan(inputPath, Math.Max(1, sampleRows / chunkCount), cancellationToken);
        var scanSeconds = clock.Elapsed.TotalSeconds;
        if (small.Chunks.Length < chunkCount && small.RowCount > chunkCount)
        {
            small = Scan(inputPath, (int)(small.RowCount / chunkCount), cancellationToken);
        }

        var picked = Spread(small.Chunks, chunkCount);

        var folder = Path.Combine(workRoot ?? Path.GetTempPath(), $"scale-calibration-{Guid.NewGuid():N}");
        var partDirectory = Path.Combine(folder, "parts");
        try
        {
            var processors = new Processing.TicketProcessorRegistry([new Processing.LocalProcessorFactory()]);
            var input = small with { Chunks = [] };
            var assignmentFor = (ChunkBounds chunk) => new ChunkAssignment("calibration", chunk.Index, Attempt: 1, ChunkWork.Process, FailureReason: null, Silo: "calibration");
            // A first small chunk untimed: the processor's tables and the code's first compilation are the silo's
            // start, not the job's rate.
            var warm = picked[0] with { Index = -1 };
            await ChunkRunner.RunAsync(new ChunkWorkOrder(assignmentFor(warm), input, warm, mapping, spec, Path.Combine(folder, "warm")),
                processors.Create(spec, assignmentFor(warm)), static _ => { }, cancellationToken);

            var reports = new ChunkReport[picked.Length];
            await Parallel.ForEachAsync(Enumerable.Range(0, picked.Length), new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    var order = new ChunkWorkOrder(assignmentFor(picked[i]), input, picked[i], mapping, spec, partDirectory);
                    reports[i] = await ChunkRunner.RunAsync(order, processors.Create(spec, order.Assignment), static _ => { }, token);
                });
            var rows = reports.Sum(r => r.Counts.Ok + r.Counts.Failed + r.Counts.Rejected);
            var busySeconds = reports.Sum(r => r.Seconds);
            var peakMb = PeakWorkingSetMb();

            var join = Stopwatch.StartNew();
            var output = Path.Combine(folder, "output.csv");
            var parts = reports.Select(r => PartFiles.Part(partDirectory, r.Index, r.Attempt)).ToArray();
            OutputAssembler.Assemble(output, mapping.OutputHeader, parts, cancellationToken);
            var joinSeconds = join.Elapsed.TotalSeconds;

            var reviewShare = rows == 0 ? 0 : (double)reports.Sum(r => r.Quality?.Review ?? 0) / rows;
            var proposalSeconds = ProposalSeconds(input, picked, mapping, small.RowCount, reviewShare, cancellationToken);
            var endSeconds = (joinSeconds / Math.Max(1, rows) * small.RowCount) + proposalSeconds;

            var profile = new MeasuredProfile(
                busySeconds > 0 ? rows / busySeconds : 0,
                (int)Math.Ceiling((peakMb + assumptions.SiloOverheadMb) / workers),
                ProcessorCostPerTicketUsd: null,
                Runs: 0,
                PlanBytesPerSecond: scanSeconds > 0 ? small.ByteSize / scanSeconds : 0,
                EndRowsPerSecond: endSeconds > 0 ? small.RowCount / endSeconds : 0,
                PeakMemoryMb: Math.Round(peakMb + assumptions.SiloOverheadMb, 1),
                Basis: MeasuredProfile.FromCalibration,
                SampleRows: rows,
                MeanBusyWorkers: workers);
            return new Calibration(profile, clock.Elapsed.TotalSeconds, picked.Length, workers);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is no reason to fail the analysis.
            }
        }
    }

    private static DatasetManifest Scan(string inputPath, int chunkRows, CancellationToken cancellationToken) =>
        ManifestScanner.Scan(inputPath, chunkRows, conversationColumn: null, orderColumn: null, cancellationToken: cancellationToken,
            targetMaxChunks: int.MaxValue);

    /// <summary><paramref name="count"/> chunks spread evenly over <paramref name="chunks"/> (all of them when fewer).</summary>
    public static ChunkBounds[] Spread(IReadOnlyList<ChunkBounds> chunks, int count)
    {
        if (chunks.Count <= count)
        {
            return [.. chunks];
        }

        return [.. Enumerable.Range(0, count).Select(i => chunks[(int)((i + 0.5) * chunks.Count / count)])];
    }

    /// <summary>
    /// The proposals' time on as many of the sampled tickets as the job would cluster: its review tickets (the share
    /// the sample had under review) up to the proposer's sample size. Review or not, the tickets' texts are the input's,
    /// which is what the clustering's time depends on.
    /// </summary>
    private static double ProposalSeconds(
        DatasetManifest input, ChunkBounds[] chunks, ColumnMapping mapping, long rows, double reviewShare, CancellationToken cancellationToken)
    {
        var options = ProposerOptions.Default;
        var clustered = (int)Math.Min(options.MaxSample, Math.Round(reviewShare * rows));
        if (clustered < 2)
        {
            return 0;
        }

        var tickets = chunks
            .SelectMany(chunk => TicketInputs.Read(input, chunk, mapping, cancellationToken))
            .OfType<TicketInput>()
            .Take(clustered)
            .Select(ticket => new ReviewTicket(ticket.Ticket.Id, ticket.Ticket.Text))
            .ToList();

        var clock = Stopwatch.StartNew();
        CategoryProposer.Propose(tickets, Math.Max(tickets.Count, (long)Math.Round(reviewShare * rows)), options, cancellationToken);
        return clock.Elapsed.TotalSeconds;
    }

    private static double PeakWorkingSetMb()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
