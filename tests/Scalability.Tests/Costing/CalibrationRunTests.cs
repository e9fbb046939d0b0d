using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.Datasets;
using Scalability.GrainInterfaces.Processing;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Costing;
using Scalability.Grains.Ingest;
using Scalability.Tests.Support;

namespace Scalability.Tests.Costing;

/// <summary>The calibration run of <c>scale analyze</c>: the real chunk path on a sample of the input, and the plan made from it.</summary>
public sealed class CalibrationRunTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task It_runs_evenly_spread_chunks_of_the_input_on_the_workers_and_measures_every_phase()
    {
        var input = _temp.File("tickets.csv");
        using (var file = File.Create(input))
        {
            SyntheticTicketGenerator.Write(file, 20_000, seed: 3);
        }

        var mapping = ColumnMapper.Map(input, ColumnSample.Read(input), null, null, null);
        var work = Directory.CreateDirectory(_temp.File("work")).FullName;

        var calibration = await CalibrationRun.MeasureAsync(input, mapping, ProcessorSpec.Local, workers: 2, sampleRows: 2_000,
            PlanningAssumptions.Default, CancellationToken.None, work);

        var profile = calibration.Profile;
        // 2 workers × 4 chunks of 2,000 / 8 = 250 rows.
        Assert.Equal((8, 2, 2_000L), (calibration.Chunks, calibration.Workers, profile.SampleRows));
        Assert.Equal((MeasuredProfile.FromCalibration, 0, 2.0), (profile.Basis, profile.Runs, profile.MeanBusyWorkers));
        Assert.True(profile.IsCalibration && profile.HasPhaseRates);
        Assert.True(profile.TicketsPerSecondPerWorker > 0 && profile.PlanBytesPerSecond > 0 && profile.EndRowsPerSecond > 0,
            $"{profile.TicketsPerSecondPerWorker} tickets/s, {profile.PlanBytesPerSecond} bytes/s, {profile.EndRowsPerSecond} rows/s at the end");
        Assert.True(profile.PeakMemoryMb > PlanningAssumptions.Default.SiloOverheadMb, $"{profile.PeakMemoryMb} MB");
        Assert.Null(profile.ProcessorCostPerTicketUsd);
        // Its parts and output are its own and gone afterwards.
        Assert.Empty(Directory.GetFileSystemEntries(work));
    }

    [Fact]
    public void Chunks_are_picked_from_every_part_of_the_input()
    {
        var chunks = Enumerable.Range(0, 100).Select(i => new ChunkBounds(i, i * 10, (i + 1) * 10, i + 1, i + 2, 1)).ToArray();

        Assert.Equal([6, 18, 31, 43, 56, 68, 81, 93], CalibrationRun.Spread(chunks, 8).Select(c => c.Index));
        Assert.Equal([0, 1, 2], CalibrationRun.Spread(chunks[..3], 8).Select(c => c.Index));
    }

    [Fact]
    public void A_calibrated_plan_takes_the_measured_phases_and_the_measured_peak_and_says_so()
    {
        // 1,000 tickets/s per worker, the scan at 10 MB/s, the end at 100,000 rows/s, 150 MB at peak.
        var calibrated = new MeasuredProfile(1_000, 75, null, 0, PlanBytesPerSecond: 10_000_000, EndRowsPerSecond: 100_000, PeakMemoryMb: 150,
            Basis: MeasuredProfile.FromCalibration, SampleRows: 8_000, MeanBusyWorkers: 2);
        var request = Planning.Local(200_000, 100, new SystemProfile(2, 1L << 34)) with { Measured = calibrated };
        var chunkSize = ChunkSizing.For(200_000, ChunkSizing.TargetMaxLocalChunks);

        var projection = new CostProjector(request).Project(new RunConfiguration(2, 1536, TargetMode.Balanced, chunkSize));

        // 20 MB scanned (2 s) + 200,000 tickets on 2 workers (100 s) + the end (2 s).
        Assert.Equal(104.0, projection.DurationHours * 3600, 9);
        Assert.Equal(150 / 1024.0, projection.PeakMemoryGb, 9);
        Assert.Contains(projection.Assumptions, a => a.StartsWith(
            "throughput: 1,000 tickets/s per worker, measured by a calibration run of the local processor on 8,000 rows of this input (±20% for the range)", StringComparison.Ordinal));
        Assert.Contains(projection.Assumptions, a => a.StartsWith("phases as the calibration run measured them: the planning scan at 10 MB/s", StringComparison.Ordinal));
        Assert.Contains(projection.Assumptions, a => a.StartsWith("peak memory: 150 MB, the silo's working set the calibration run measured", StringComparison.Ordinal));
    }
}
