namespace Scalability.Benchmarks;

/// <summary>
/// The benchmark itself: for each size, the input generated once, then each mode run in its own process (rotating
/// which goes first), the outputs checked against each other, and the figures put side by side.
/// </summary>
internal static class BenchmarkParent
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var log = Console.Error;
        if (!BuildInfo.IsRelease)
        {
            log.WriteLine($"warning: this is a {BuildInfo.Configuration} build; its figures say nothing about the product (use -c Release)");
        }

        var outputs = Path.Combine(options.WorkDirectory, "outputs");
        Directory.CreateDirectory(outputs);
        var runs = new List<SizeRun>();
        foreach (var rows in options.Rows)
        {
            var input = DatasetCache.Ensure(options.WorkDirectory, rows, options.Seed, log);
            runs.Add(await MeasureSizeAsync(options, rows, input, outputs, log));
        }

        var smallest = runs.MinBy(r => r.Rows)!;
        var largest = runs.MaxBy(r => r.Rows)!;
        double? rssRatio = runs.Count > 1 ? Math.Round(largest.PipelinePeakRssMb / smallest.PipelinePeakRssMb, 3) : null;
        var report = new BenchmarkReport(
            runs,
            MachineInfo.Describe(),
            new BenchmarkSettings(options.Rows, options.Seed, options.Repeat, options.ChunkSize,
                options.Workers > 0 ? options.Workers : Environment.ProcessorCount, options.WorkDirectory,
                options.InMemoryState ? "memory" : "sqlite"),
            rssRatio,
            largest.Ratio,
            Promises.Check(rssRatio, largest.Ratio));

        if (options.Json)
        {
            Console.Out.WriteLine(BenchmarkJson.Serialize(report));
        }
        else
        {
            ReportTable.Print(report, Console.Out);
        }

        return 0;
    }

    private static async Task<SizeRun> MeasureSizeAsync(BenchmarkOptions options, long rows, string input, string outputs, TextWriter log)
    {
        WarmPageCache(input);
        BenchmarkMode[] modes = options.Diagnose
            ? [BenchmarkMode.Pipeline, BenchmarkMode.Baseline, BenchmarkMode.Chunks]
            : [BenchmarkMode.Pipeline, BenchmarkMode.Baseline];
        var outputOf = modes.ToDictionary(m => m, m => Path.Combine(outputs, $"{m.Name()}-{rows}.csv"));
        var runsOf = modes.ToDictionary(m => m, _ => new List<(ChildResult Result, double Wall)>());

        for (var attempt = 0; attempt < options.Repeat; attempt++)
        {
            // Rotating the order spreads any drift of the machine (warming up, a noisy neighbour) over all modes.
            foreach (var mode in modes.Skip(attempt % modes.Length).Concat(modes.Take(attempt % modes.Length)))
            {
                var child = new ChildOptions(mode, input, outputOf[mode], rows, options.ChunkSize, options.Workers, options.InMemoryState);
                var run = await ChildLauncher.RunAsync(child);
                runsOf[mode].Add(run);
                log.WriteLine($"[{rows:N0} rows] {mode.Name()} run {attempt + 1}/{options.Repeat}: {run.Result.Seconds:F2} s, " +
                              $"{run.Result.TicketsPerSecond:N0} tickets/s, peak RSS {run.Result.PeakRssMb:N0} MiB");
            }
        }

        var pipelineOutput = outputOf[BenchmarkMode.Pipeline];
        var pipelineRows = OutputCheck.CountDataRows(pipelineOutput);
        var identical = new Dictionary<BenchmarkMode, bool>();
        foreach (var mode in modes.Where(m => m != BenchmarkMode.Pipeline))
        {
            var otherRows = OutputCheck.CountDataRows(outputOf[mode]);
            if (otherRows != pipelineRows)
            {
                throw new BenchmarkFailedException($"{rows} rows: the pipeline wrote {pipelineRows} data rows and the {mode.Name()} mode {otherRows}");
            }

            identical[mode] = OutputCheck.SameBytes(pipelineOutput, outputOf[mode]);
            if (!identical[mode])
            {
                log.WriteLine($"warning: {rows} rows: the pipeline's and the {mode.Name()} mode's outputs have the same row count but different bytes");
            }
        }

        if (!options.KeepOutputs)
        {
            foreach (var output in outputOf.Values)
            {
                DeleteOutput(output);
            }
        }

        var pipeline = Fastest(runsOf[BenchmarkMode.Pipeline]);
        var baseline = Fastest(runsOf[BenchmarkMode.Baseline]);
        var chunks = options.Diagnose ? Fastest(runsOf[BenchmarkMode.Chunks]) : default;
        return new SizeRun(
            rows,
            Math.Round(new FileInfo(input).Length / (1024.0 * 1024.0), 1),
            pipeline.Result.TicketsPerSecond,
            baseline.Result.TicketsPerSecond,
            HighestPeak(runsOf[BenchmarkMode.Pipeline]),
            HighestPeak(runsOf[BenchmarkMode.Baseline]),
            Math.Round(pipeline.Result.TicketsPerSecond / baseline.Result.TicketsPerSecond, 3),
            pipeline.Result.Seconds,
            baseline.Result.Seconds,
            pipeline.Wall,
            baseline.Wall,
            pipelineRows,
            identical[BenchmarkMode.Baseline],
            AllRates(runsOf[BenchmarkMode.Pipeline]),
            AllRates(runsOf[BenchmarkMode.Baseline]),
            pipeline.Result,
            baseline.Result,
            chunks.Result?.TicketsPerSecond,
            options.Diagnose ? HighestPeak(runsOf[BenchmarkMode.Chunks]) : null,
            options.Diagnose ? identical[BenchmarkMode.Chunks] : null,
            chunks.Result);
    }

    private static (ChildResult Result, double Wall) Fastest(List<(ChildResult Result, double Wall)> runs) =>
        runs.MaxBy(r => r.Result.TicketsPerSecond);

    private static double HighestPeak(List<(ChildResult Result, double Wall)> runs) => runs.Max(r => r.Result.PeakRssMb);

    private static double[] AllRates(List<(ChildResult Result, double Wall)> runs) => runs.Select(r => r.Result.TicketsPerSecond).ToArray();

    /// <summary>
    /// Removes an output and what a job leaves beside it. The parts folder is among them: a job reports completion
    /// before its clean-up has run, and the measuring process exits as soon as it sees completion.
    /// </summary>
    internal static void DeleteOutput(string output)
    {
        foreach (var file in new[] { output, output + ".summary.json", output + ".rejects.csv" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(output + ".parts"))
        {
            Directory.Delete(output + ".parts", recursive: true);
        }
    }

    /// <summary>Reads the input once, so that no mode pays for the disk on its first run and the others not.</summary>
    internal static void WarmPageCache(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        while (stream.Read(buffer) > 0)
        {
        }
    }
}
