using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Scalability.Benchmarks.Quality;
using Scalability.Grains.Processing.Training;
using Scalability.Grains.Processing.Training.Linear;
using Scalability.Tests.Quality;

namespace Scalability.Benchmarks;

/// <summary>
/// The categorize benchmark (<c>--mode categorize</c>): the trained categorizer against what a data team runs
/// instead, scikit-learn's TF-IDF and LinearSVC scaled out with Dask distributed
/// (<c>tests/peer/sklearn_dask_categorize.py</c>), in one run on the same files. From a labelled CSV with a train/test
/// split it writes the training and test files and a scoring file of <c>--rows</c> records built from all its texts;
/// both sides train on the same rows (timed: features and fit, reading excluded), score the test split (macro-F1 side
/// by side), and score the large file (timed: reading, categorizing and writing it; the product as
/// <c>scale run --model … --summarizer none</c> on an embedded silo in a fresh process, Dask on a local cluster of one
/// worker process per core). The two sides' categories of the large file must be the same row for row, or the
/// benchmark fails: a speed ratio between different outputs would mean nothing.
/// </summary>
internal static class CategorizeBenchmark
{
    public const double ScoringTarget = 5;

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var log = Console.Error;
        if (!BuildInfo.IsRelease)
        {
            log.WriteLine($"warning: this is a {BuildInfo.Configuration} build; its figures say nothing about the product (use -c Release)");
        }

        var run = options.Categorize ?? throw new InvalidOperationException("the categorize benchmark needs its settings");
        var inputs = QualityInputs.Locate(options);
        var labelled = run.LabelledPath ?? inputs.Dataset(QualityDataSets.Banking77File);
        var folder = Path.Combine(options.WorkDirectory, "categorize");
        Directory.CreateDirectory(folder);
        var files = await WriteFilesAsync(labelled, run, folder, options.Rows[0], options.Seed, log);

        // The product's training: the same rows, the same features and solver settings as the peer's.
        var categories = files.Train.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var trainTexts = files.Train.Select(e => e.Text).ToArray();
        var trainLabels = files.Train.Select(e => index[e.Label]).ToArray();
        LinearTextModel? model = null;
        var trainingSeconds = double.MaxValue;
        for (var attempt = 0; attempt < options.Repeat; attempt++)
        {
            var clock = Stopwatch.StartNew();
            model = LinearTextTrainer.Fit(trainTexts, trainLabels, categories);
            trainingSeconds = Math.Min(trainingSeconds, clock.Elapsed.TotalSeconds);
        }

        var testTexts = files.Test.Select(e => e.Text).ToArray();
        var scores = new (int Category, double Margin)[testTexts.Length];
        model!.Score(testTexts, scores);
        var ours = scores.Select(s => categories[s.Category]).ToArray();
        var right = files.Test.Select((e, i) => e.Label == ours[i]).ToArray();
        var calibrated = model.WithCalibration(PlattScaling.Fit(scores.Select(s => s.Margin).ToArray(), right));
        var modelPath = Path.Combine(folder, "model.scale");
        new TrainedCategorizer(calibrated, new CategorizerModelInfo(CategorizerModelInfo.FormatName, CategorizerModelInfo.CurrentVersion, "label", ["text"],
            categories, categories[0], CategorizerTrainer.TrainerName, files.Train.Count, files.Test.Count, 0, options.Seed, 0, 0, model.Vocabulary.Count)).Save(modelPath);
        var oursReport = ClassificationReport.From(files.Test.Select((e, i) => (e.Label, ours[i])));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[scale train] {files.Train.Count:N0} rows in {trainingSeconds:0.000} s, {model.Vocabulary.Count:N0} terms; test macro-F1 {oursReport.MacroF1:0.0000}"));

        // The product's scoring, as a user runs it, in a fresh process.
        var productOutput = Path.Combine(folder, "scored-product.csv");
        var child = new ChildOptions(BenchmarkMode.Categorize, files.Score, productOutput, options.Rows[0], options.ChunkSize, options.Workers,
            options.InMemoryState, ModelPath: modelPath);
        BenchmarkParent.WarmPageCache(files.Score);
        (ChildResult Result, double Wall)? best = null;
        for (var attempt = 0; attempt < options.Repeat; attempt++)
        {
            var measured = await ChildLauncher.RunAsync(child);
            if (best is null || measured.Result.Seconds < best.Value.Result.Seconds)
            {
                best = measured;
            }
        }

        var product = best!.Value.Result;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[scale run --model] {product.Rows:N0} rows in {product.Seconds:0.000} s: {product.TicketsPerSecond:N0} tickets/s"));

        var peer = await RunPeerAsync(inputs.RepositoryRoot, files, folder, options.Repeat, log);
        var peerTest = File.ReadAllLines(Path.Combine(folder, "test-predictions-peer.txt"));
        var peerReport = ClassificationReport.From(files.Test.Select((e, i) => (e.Label, peerTest[i])));
        var testDifferences = ours.Where((p, i) => p != peerTest[i]).Count();

        var productCategories = ReadCategories(QualityDataSets.ReadColumns(productOutput, "id", "category"));
        var peerCategories = ReadCategories(Directory.GetFiles(Path.Combine(folder, "scored-peer")).Order(StringComparer.Ordinal)
            .SelectMany(part => QualityDataSets.ReadColumns(part, "id", "category")));
        var scoreDifferences = CompareScored(productCategories, peerCategories);

        var report = new CategorizeReport(
            labelled, files.Train.Count, files.Test.Count, options.Rows[0], categories.Length,
            new TrainingSide("scale (linear SVM, dual coordinate descent)", Math.Round(trainingSeconds, 3), model.Vocabulary.Count, oursReport.Accuracy, oursReport.MacroF1),
            new TrainingSide($"scikit-learn {peer.Sklearn} (TfidfVectorizer + LinearSVC)", peer.TrainingSeconds, peer.Features, peerReport.Accuracy, peerReport.MacroF1),
            testDifferences,
            new ScoringSide("scale run --model --summarizer none (embedded silo)", product.Seconds, product.TicketsPerSecond, product.Workers, product.PeakRssMb),
            new ScoringSide($"Dask distributed {peer.Distributed} (LocalCluster, {peer.Workers} processes)", peer.ScoringSeconds, peer.ScoringTicketsPerSecond, peer.Workers, null),
            Math.Round(peer.TrainingSeconds / trainingSeconds, 2),
            Math.Round(product.TicketsPerSecond / peer.ScoringTicketsPerSecond, 2),
            scoreDifferences == 0,
            MachineInfo.Describe());
        if (options.Json)
        {
            Console.Out.WriteLine(BenchmarkJson.Serialize(report));
        }
        else
        {
            Print(report, Console.Out);
        }

        if (scoreDifferences != 0)
        {
            throw new BenchmarkFailedException($"the two sides categorized {scoreDifferences} of the {options.Rows[0]:N0} scored rows differently: the speed ratio compares different outputs");
        }

        return 0;
    }

    private sealed record Files(IReadOnlyList<LabeledExample> Train, IReadOnlyList<LabeledExample> Test, string TrainPath, string TestPath, string Score);

    /// <summary>
    /// The training and test files (<c>text,label</c>) from the labelled file's split (or 20% of each category), and the scoring file
    /// (<c>id,text</c>): every text of the labelled file in a fixed shuffled order, over and over, to the size asked.
    /// Line breaks inside a text become spaces, so that the peer's block reader never splits a record.
    /// </summary>
    private static async Task<Files> WriteFilesAsync(string labelled, CategorizeRunOptions run, string folder, long rows, int seed, TextWriter log)
    {
        var textColumns = run.TextColumns ?? ["text"];
        string[] columns = [run.LabelColumn, .. textColumns];
        List<string[]> records;
        var hasSplit = true;
        try
        {
            records = QualityDataSets.ReadColumns(labelled, [.. columns, "split"]);
        }
        catch (InvalidDataException)
        {
            hasSplit = false;
            records = QualityInputs.ReadColumns(labelled, columns);
        }

        // The text columns joined as a job joins a ticket's fields; line breaks become spaces (above).
        var examples = records.Select((r, i) => new LabeledExample(i + 1, OneLine(string.Join("\n\n", r.Skip(1).Take(textColumns.Count))), r[0]))
            .Where(e => e.Label.Length > 0).ToArray();
        IReadOnlyList<LabeledExample> train, test;
        if (hasSplit)
        {
            var splitOf = records.Select((r, i) => (Number: (long)i + 1, Split: r[^1])).ToDictionary(p => p.Number, p => p.Split);
            train = examples.Where(e => splitOf[e.RecordNumber] == "train").ToArray();
            test = examples.Where(e => splitOf[e.RecordNumber] == "test").ToArray();
        }
        else
        {
            var split = TrainingSplit.Split(examples, TrainingSplit.DefaultTestFraction, seed);
            (train, test) = (split.Train, split.HeldOut);
        }

        if (train.Count == 0 || test.Count == 0)
        {
            throw new BenchmarkFailedException($"{labelled}: needs rows to train on and rows to test on (got {train.Count} and {test.Count})");
        }

        var trainPath = Path.Combine(folder, "train.csv");
        var testPath = Path.Combine(folder, "test.csv");
        await WriteAsync(trainPath, ["text", "label"], train.Select(e => new[] { e.Text, e.Label }));
        await WriteAsync(testPath, ["text", "label"], test.Select(e => new[] { e.Text, e.Label }));

        var scorePath = Path.Combine(folder, $"score-{rows}.csv");
        var order = examples.OrderBy(e => TrainingSplit.Rank(e.RecordNumber, seed)).Select(e => e.Text).ToArray();
        await WriteAsync(scorePath, ["id", "text"], Enumerable.Range(0, checked((int)rows))
            .Select(r => new[] { "S" + (r + 1).ToString("D7", CultureInfo.InvariantCulture), order[r % order.Length] }));
        log.WriteLine($"{labelled}: {train.Count:N0} training and {test.Count:N0} test rows ({(hasSplit ? "its split column" : "20% of each category held out")}); " +
                      $"scoring file of {rows:N0} rows at {scorePath}");
        return new Files(train, test, trainPath, testPath, scorePath);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static async Task WriteAsync(string path, string[] header, IEnumerable<string[]> records)
    {
        await using var writer = CsvWriter.ToFile(path, new CsvWriterOptions(), FileOptions.SequentialScan);
        foreach (var field in header)
        {
            writer.WriteField(field);
        }

        writer.EndRecord();
        foreach (var record in records)
        {
            foreach (var field in record)
            {
                writer.WriteField(field);
            }

            writer.EndRecord();
        }
    }

    /// <summary>What the peer script prints.</summary>
    internal sealed record PeerResult(
        string Sklearn, string Dask, string Distributed, int Workers, int TrainRows, int Features, double TrainingSeconds, int TestRows,
        double Accuracy, double MacroF1, long ScoreRows, double ScoringSeconds, double ScoringTicketsPerSecond);

    private static async Task<PeerResult> RunPeerAsync(string root, Files files, string folder, int repeat, TextWriter log)
    {
        var script = Path.Combine(root, "tests", "peer", "sklearn_dask_categorize.py");
        PeerResult? best = null;
        for (var attempt = 0; attempt < repeat; attempt++)
        {
            var start = new ProcessStartInfo(Python()) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[]
                     {
                         script, "--train", files.TrainPath, "--test", files.TestPath, "--score", files.Score,
                         "--test-predictions", Path.Combine(folder, "test-predictions-peer.txt"), "--out-dir", Path.Combine(folder, "scored-peer"),
                         "--workers", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new BenchmarkFailedException($"could not start {start.FileName}");
            var stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new BenchmarkFailedException(
                    $"the peer script exited with code {process.ExitCode} (its errors are above); it needs python3 with Debian's python3-sklearn, python3-dask and python3-distributed");
            }

            var line = stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'))
                       ?? throw new BenchmarkFailedException($"the peer script printed no result: {stdout}");
            var result = JsonSerializer.Deserialize(line, BenchmarkJson.Default.PeerResult)
                         ?? throw new BenchmarkFailedException($"the peer script printed 'null'");
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[scikit-learn + Dask] training {result.TrainingSeconds:0.000} s, test macro-F1 {result.MacroF1:0.0000}; scoring {result.ScoreRows:N0} rows in {result.ScoringSeconds:0.000} s: {result.ScoringTicketsPerSecond:N0} tickets/s"));
            if (best is null || result.ScoringSeconds < best.ScoringSeconds)
            {
                best = result with { TrainingSeconds = Math.Min(result.TrainingSeconds, best?.TrainingSeconds ?? double.MaxValue) };
            }
        }

        return best!;
    }

    /// <summary>Debian's python3 when there is one (an interpreter earlier on the PATH may lack its packages), else python3.</summary>
    private static string Python() =>
        Environment.GetEnvironmentVariable("SCALE_PYTHON") is { Length: > 0 } named ? named
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3"
        : "python3";

    private static Dictionary<string, string> ReadCategories(IEnumerable<string[]> rows)
    {
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!categories.TryAdd(row[0], row[1]))
            {
                throw new BenchmarkFailedException($"the row {row[0]} is in an output twice");
            }
        }

        return categories;
    }

    private static int CompareScored(Dictionary<string, string> product, Dictionary<string, string> peer)
    {
        if (product.Count != peer.Count)
        {
            throw new BenchmarkFailedException($"the product wrote {product.Count:N0} rows and the peer {peer.Count:N0}");
        }

        return product.Count(p => !peer.TryGetValue(p.Key, out var other) || other != p.Value);
    }

    private static void Print(CategorizeReport r, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"categorize: {r.LabelledPath}, {r.Categories} categories, {r.TrainRows:N0} training and {r.TestRows:N0} test rows, scoring {r.ScoreRows:N0} rows"));
        output.WriteLine(string.Create(c, $"{r.Machine.Cores} cores, {r.Machine.MemoryGiB} GiB, {r.Machine.Cpu}, {r.Machine.Runtime}, {r.Machine.Configuration}"));
        output.WriteLine();
        output.WriteLine("  training                                               seconds   terms  accuracy  macro-F1");
        foreach (var side in new[] { r.Product, r.Peer })
        {
            output.WriteLine(string.Create(c, $"  {side.Name,-52} {side.Seconds,8:0.000} {side.Features,7:N0}  {side.Accuracy,8:0.0000}  {side.MacroF1,8:0.0000}"));
        }

        output.WriteLine(string.Create(c, $"  training time ratio (scikit-learn / scale): {r.TrainingSpeedRatio:0.00}; test predictions that differ: {r.TestPredictionsDiffering}"));
        output.WriteLine();
        output.WriteLine("  scoring                                                          seconds   tickets/s");
        foreach (var side in new[] { r.ProductScoring, r.PeerScoring })
        {
            output.WriteLine(string.Create(c, $"  {side.Name,-62} {side.Seconds,8:0.000} {side.TicketsPerSecond,11:N0}"));
        }

        output.WriteLine(string.Create(c,
            $"  scoring ratio (scale / Dask): {r.ScoringSpeedRatio:0.00} (target {ScoringTarget:0}x); same categories on every row: {(r.OutputsIdentical ? "yes" : "NO")}"));
    }
}

internal sealed record TrainingSide(string Name, double Seconds, int Features, double Accuracy, double MacroF1);

internal sealed record ScoringSide(string Name, double Seconds, double TicketsPerSecond, int Workers, double? PeakRssMb);

/// <summary>The categorize mode's figures: the two sides' training and scoring, and their ratios.</summary>
/// <param name="TestPredictionsDiffering">Test rows the two trained models categorize differently.</param>
/// <param name="TrainingSpeedRatio">The peer's training seconds over the product's (above 1: the product is faster).</param>
/// <param name="ScoringSpeedRatio">The product's scoring tickets/s over the peer's.</param>
internal sealed record CategorizeReport(
    string LabelledPath, int TrainRows, int TestRows, long ScoreRows, int Categories,
    TrainingSide Product, TrainingSide Peer, int TestPredictionsDiffering,
    ScoringSide ProductScoring, ScoringSide PeerScoring,
    double TrainingSpeedRatio, double ScoringSpeedRatio, bool OutputsIdentical, MachineInfo Machine);
