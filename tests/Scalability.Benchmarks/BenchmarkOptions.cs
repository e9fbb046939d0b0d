using System.Globalization;
using Scalability.GrainInterfaces.Jobs;

namespace Scalability.Benchmarks;

/// <summary>What one measurement process is told to do; the parent passes it on the command line.</summary>
/// <param name="InMemoryState">The pipeline keeps job state in memory instead of the embedded default's SQLite file.</param>
/// <param name="LlmEndpoint">The OpenAI-compatible base address the llm mode's job sends its requests to.</param>
/// <param name="AutoScale">The llm mode's AutoScaler mode (balanced or speed), starting from the default workers with
/// no cap on the job; null for the AutoScaler off and exactly <paramref name="Workers"/> workers.</param>
/// <param name="ModelPath">The categorize mode's model file.</param>
internal sealed record ChildOptions(
    BenchmarkMode Mode, string InputPath, string OutputPath, long ExpectedRows, int ChunkSize, int Workers, bool InMemoryState = false,
    string? LlmEndpoint = null, string? AutoScale = null, string? ModelPath = null)
{
    /// <summary>Parallel workers, as the product counts them: 0 means one per core.</summary>
    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;

    public IEnumerable<string> ToArguments() =>
    [
        "--child", Mode.Name(),
        "--input", InputPath,
        "--out", OutputPath,
        "--expect-rows", Invariant(ExpectedRows),
        "--workers", Invariant(Workers),
        // No chunk size means the product's own choice, as a user who names none gets.
        .. (ChunkSize > 0 ? ["--chunk-size", Invariant(ChunkSize)] : Array.Empty<string>()),
        .. (InMemoryState ? ["--state", "memory"] : Array.Empty<string>()),
        .. (LlmEndpoint is not null ? ["--llm-endpoint", LlmEndpoint] : Array.Empty<string>()),
        .. (AutoScale is not null ? ["--autoscale", AutoScale] : Array.Empty<string>()),
        .. (ModelPath is not null ? ["--model", ModelPath] : Array.Empty<string>()),
    ];

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Which benchmark the parent runs.</summary>
internal enum BenchmarkRun
{
    /// <summary>The pipeline against the baseline at each size, and the product's promises.</summary>
    Compare,

    /// <summary>The llm processor against the endpoint simulator at each worker count.</summary>
    Llm,

    /// <summary>
    /// The llm processor against a rate-limited simulator: a sweep of fixed worker counts, then the AutoScaler from the
    /// default workers, compared on steady throughput and 429s.
    /// </summary>
    AutoScale,

    /// <summary>The quality of the local processor's output against named baselines, in one process, section by section.</summary>
    Quality,

    /// <summary>
    /// The trained categorizer against scikit-learn and Dask: training time and macro-F1 on a labelled split, and
    /// scoring tickets/s on a large file built from it, both sides in the same run.
    /// </summary>
    Categorize,
}

/// <summary>The categorize mode's settings.</summary>
/// <param name="LabelledPath">The labelled CSV (<c>--labelled</c>); BANKING77 in shared/data by default.</param>
/// <param name="LabelColumn">Its label column (<c>--label-column</c>, default <c>label</c>).</param>
/// <param name="TextColumns">Its text columns (<c>--text-columns</c>, default <c>text</c>), joined as a job joins them.</param>
/// <remarks>A <c>split</c> column of <c>train</c> and <c>test</c> is the split; without one, 20% of each category is
/// the test part, chosen as <c>scale train</c> chooses it.</remarks>
internal sealed record CategorizeRunOptions(string? LabelledPath, string LabelColumn = "label", IReadOnlyList<string>? TextColumns = null)
{
    /// <summary>The scoring file's size: the size the product is measured at.</summary>
    public const long DefaultRows = 500_000;
}

/// <summary>The quality mode's settings.</summary>
/// <param name="Sections">The sections to run (<c>--sections</c>); empty for all.</param>
/// <param name="FixtureDirectories">Folders of labelled fixtures (<c>--fixtures</c>); empty for the repository's own.</param>
internal sealed record QualityRunOptions(IReadOnlyList<string> Sections, IReadOnlyList<string> FixtureDirectories)
{
    /// <summary>The synthetic tickets the summarizer's speed is measured on: the compare mode's smaller size.</summary>
    public const long DefaultSyntheticRows = 19_000;
}

/// <summary>The llm benchmark's settings: the worker counts to measure and the simulated endpoint's latency.</summary>
internal sealed record LlmRunOptions(IReadOnlyList<int> Workers, int LatencyMs)
{
    public static readonly IReadOnlyList<int> DefaultWorkers = [4, 16, 64];
    public const int DefaultLatencyMs = 50;

    /// <summary>
    /// 256 chunks of 20 tickets: four times as many chunks as the largest default worker count and a multiple of each,
    /// so no count waits on a short last round; a chunk takes one second at 50 ms per ticket, and the whole mode about
    /// two minutes on 2 cores.
    /// </summary>
    public const long DefaultRows = 5_120;

    public const int DefaultChunkSize = 20;
}

/// <summary>
/// The autoscale benchmark's settings: the simulator's rate limit, the fixed worker counts of the sweep, the AutoScaler
/// modes to run, and how much of each run's start is warm-up.
/// </summary>
internal sealed record AutoScaleRunOptions(int RequestsPerSecond, double WarmUpSeconds, IReadOnlyList<string> Modes)
{
    /// <summary>Counts around the latency-bound best (rate × latency = 10 workers at the defaults), and past it.</summary>
    public static readonly IReadOnlyList<int> DefaultWorkers = [8, 10, 11, 12, 14, 16, 20];
    public static readonly IReadOnlyList<string> DefaultModes = ["balanced", "speed"];
    public const int DefaultRequestsPerSecond = 200;
    public const double DefaultWarmUpSeconds = 10;

    /// <summary>
    /// 1,000 chunks of 20: about 100 s at the rate limit, some 45 of the AutoScaler's 2 s windows after the warm-up,
    /// so the steady phase shows where it settles rather than how it climbed (the smallest datasets the product is
    /// for, 19K tickets, take as long at this rate).
    /// </summary>
    public const long DefaultRows = 20_000;

    /// <summary>The end of the steady phase: the job's tail, when fewer chunks than workers remain, is left out.</summary>
    public const double SteadyEndFraction = 0.95;
}

/// <summary>The benchmark's command line.</summary>
/// <param name="Workers">The compare mode's workers (0 = one per core).</param>
/// <param name="Llm">The llm mode's settings; null in the compare mode.</param>
internal sealed record BenchmarkOptions(
    BenchmarkRun Run,
    IReadOnlyList<long> Rows,
    int Seed,
    string WorkDirectory,
    bool Json,
    int Repeat,
    bool KeepOutputs,
    bool Diagnose,
    int ChunkSize,
    int Workers,
    bool InMemoryState,
    LlmRunOptions? Llm,
    ChildOptions? Child,
    AutoScaleRunOptions? AutoScale = null,
    QualityRunOptions? Quality = null,
    CategorizeRunOptions? Categorize = null)
{
    public static readonly IReadOnlyList<long> DefaultRows = [19_000, 500_000];

    /// <summary>The seed <c>scale generate</c> uses by default, so that its files and ours are the same.</summary>
    public const int DefaultSeed = 1;

    public const string Usage =
        """
        usage: Scalability.Benchmarks [--mode compare|llm|autoscale|quality|categorize] [--rows 19000,500000] [--seed 1] [--work DIR]
                                      [--repeat N] [--json] [--chunk-size N] [--workers 0] [--latency-ms 50]
                                      [--rate 200] [--warmup-s 10] [--autoscale balanced,speed]
                                      [--state sqlite|memory] [--diagnose] [--keep-outputs]
                                      [--sections summaries] [--fixtures DIR,DIR]
                                      [--labelled FILE] [--label-column C] [--text-columns A,B]
          --mode          compare (default): the pipeline against the baseline at each size, and the promises;
                          llm: the llm processor against an endpoint simulator (fixed latency, no rate limit) at
                          each worker count, to show throughput growing with workers;
                          autoscale: the llm processor against a simulator that answers 429 above --rate, at each
                          fixed worker count (AutoScaler off), then with the AutoScaler on from the default workers;
                          steady throughput (after --warmup-s) of the AutoScaler over the best fixed count;
                          quality: the local processor's output against named baselines on the shared real data,
                          the quick-start sample and labelled fixtures, section by section (summaries), in one
                          process; --rows is then the synthetic size the summarizer's speed is measured on (19000)
                          categorize: the trained categorizer against scikit-learn (training time, macro-F1 on
                          the labelled file's test split) and Dask distributed (scoring tickets/s on a --rows file
                          built from its texts, default 500000), in one run; needs Debian's python3-sklearn,
                          python3-dask and python3-distributed
          --labelled      categorize: the labelled CSV (default shared/data/banking77.csv); its split column (train,
                          test) is the split, or else 20% of each category is the test part
          --label-column  categorize: the labelled CSV's label column (default label)
          --text-columns  categorize: its text columns, comma-separated (default text)
          --sections      quality: the sections to run, comma-separated (default all: summaries)
          --fixtures      quality: folders of labelled fixture CSVs in the fixture format, comma-separated
                          (default tests/Scalability.Tests/Processing/SummarizerFixtures)
          --rate          autoscale: the simulator's rate limit in requests/s (default 200)
          --warmup-s      autoscale: seconds from submitting the job that steady figures leave out (default 10)
          --autoscale     autoscale: the AutoScaler modes to run, comma-separated: balanced, speed (default both)
          --rows          comma-separated dataset sizes, each generated once and reused (llm: one size, default 5120;
                          autoscale: 20000)
          --seed          the generator's seed
          --work          where datasets and outputs go (default: <temp>/scalability-benchmarks)
          --repeat        runs per mode and size (llm: per worker count); the fastest is reported
          --json          one JSON object on stdout instead of a table
          --chunk-size    the pipeline's records per chunk (default: the product's own choice from the row count;
                          llm: 20)
          --workers       parallel workers of both modes; 0 = one per core (product default)
                          (llm: comma-separated worker counts, default 4,16,64; autoscale: 4,6,8,10,12,14,16,20)
          --latency-ms    llm: the simulated endpoint's fixed latency per request (default 50)
          --state         where the pipeline's embedded silo keeps job state: sqlite (the product's default, saved
                          at every lease and commit) or memory (to measure what durability costs)
          --diagnose      also run the product's chunk path without Orleans (mode "chunks"), to split the
                          pipeline's cost into data path and coordination
          --keep-outputs  leave the output files in the work folder
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var run = BenchmarkRun.Compare;
        IReadOnlyList<long>? rows = null;
        var seed = DefaultSeed;
        var work = Path.Combine(Path.GetTempPath(), "scalability-benchmarks");
        var (json, keepOutputs, diagnose, repeat) = (false, false, false, 1);
        int? chunkSize = null, latencyMs = null;
        IReadOnlyList<long>? workers = null;
        var inMemoryState = false;
        string? child = null, input = null, output = null, llmEndpoint = null, autoScale = null, model = null, labelled = null, labelColumn = null;
        IReadOnlyList<string>? textColumns = null;
        int? rate = null;
        double? warmUp = null;
        IReadOnlyList<string>? sections = null, fixtures = null;
        long expectedRows = 0;

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--mode": run = Value() switch
                {
                    "compare" => BenchmarkRun.Compare,
                    "llm" => BenchmarkRun.Llm,
                    "autoscale" => BenchmarkRun.AutoScale,
                    "quality" => BenchmarkRun.Quality,
                    "categorize" => BenchmarkRun.Categorize,
                    var other => throw new ArgumentException($"--mode: '{other}' is not compare, llm, autoscale, quality or categorize"),
                };
                    break;
                case "--rows": rows = Value().Split(',', Separated).Select(r => Positive(name, r)).ToArray(); break;
                case "--seed": seed = Int(name, Number(name, Value())); break;
                case "--work": work = Path.GetFullPath(Value()); break;
                case "--json": json = true; break;
                case "--keep-outputs": keepOutputs = true; break;
                case "--diagnose": diagnose = true; break;
                case "--repeat": repeat = Int(name, Positive(name, Value())); break;
                case "--chunk-size": chunkSize = Int(name, Positive(name, Value())); break;
                case "--workers": workers = Value().Split(',', Separated).Select(w => Number(name, w)).ToArray(); break;
                case "--latency-ms": latencyMs = Int(name, Positive(name, Value())); break;
                case "--state": inMemoryState = Value() switch
                {
                    "memory" => true,
                    "sqlite" => false,
                    var other => throw new ArgumentException($"--state: '{other}' is neither sqlite nor memory"),
                };
                    break;
                case "--child": child = Value(); break;
                case "--input": input = Path.GetFullPath(Value()); break;
                case "--out": output = Path.GetFullPath(Value()); break;
                case "--expect-rows": expectedRows = Positive(name, Value()); break;
                case "--llm-endpoint": llmEndpoint = Value(); break;
                case "--autoscale": autoScale = Value(); break;
                case "--model": model = Path.GetFullPath(Value()); break;
                case "--labelled": labelled = Path.GetFullPath(Value()); break;
                case "--label-column": labelColumn = Value(); break;
                case "--text-columns": textColumns = Value().Split(',', Separated); break;
                case "--sections": sections = Value().Split(',', Separated).Select(v => v.ToLowerInvariant()).ToArray(); break;
                case "--fixtures": fixtures = Value().Split(',', Separated).Select(Path.GetFullPath).ToArray(); break;
                case "--rate": rate = Int(name, Positive(name, Value())); break;
                case "--warmup-s":
                    warmUp = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
                        ? seconds
                        : throw new ArgumentException("--warmup-s: must be a number of seconds, 0 or more");
                    break;
                default: throw new ArgumentException($"unknown option '{name}'");
            }
        }

        LlmRunOptions? llm = null;
        AutoScaleRunOptions? autoScaleRun = null;
        QualityRunOptions? qualityRun = null;
        CategorizeRunOptions? categorizeRun = null;
        if (run != BenchmarkRun.Categorize && (labelled ?? labelColumn ?? (object?)textColumns) is not null)
        {
            throw new ArgumentException("--labelled, --label-column and --text-columns are for --mode categorize");
        }

        if (run == BenchmarkRun.Categorize)
        {
            if (rows is { Count: not 1 })
            {
                throw new ArgumentException("--mode categorize scores one file: give --rows a single value");
            }

            categorizeRun = new CategorizeRunOptions(labelled, labelColumn ?? "label", textColumns is { Count: > 0 } ? textColumns : null);
            rows ??= [CategorizeRunOptions.DefaultRows];
        }
        if (run != BenchmarkRun.Quality && (sections is not null || fixtures is not null))
        {
            throw new ArgumentException("--sections and --fixtures are for --mode quality");
        }

        if (run == BenchmarkRun.Quality)
        {
            if (diagnose || latencyMs is not null || workers is not null)
            {
                throw new ArgumentException("--diagnose, --latency-ms and --workers are not for --mode quality");
            }

            if (rows is { Count: not 1 })
            {
                throw new ArgumentException("--mode quality measures speed on one synthetic size: give --rows a single value");
            }

            qualityRun = new QualityRunOptions(sections ?? [], fixtures ?? []);
            rows ??= [QualityRunOptions.DefaultSyntheticRows];
        }

        int singleWorkers;
        if (run != BenchmarkRun.AutoScale && child is null && (rate is not null || warmUp is not null || autoScale is not null))
        {
            throw new ArgumentException("--rate, --warmup-s and --autoscale are for --mode autoscale");
        }

        if ((run is BenchmarkRun.Llm or BenchmarkRun.AutoScale) && child is null)
        {
            if (diagnose)
            {
                throw new ArgumentException("--diagnose is for --mode compare");
            }

            if (run == BenchmarkRun.AutoScale)
            {
                var modes = (autoScale ?? string.Join(',', AutoScaleRunOptions.DefaultModes)).Split(',', Separated)
                    .Select(m => ScalingMode(m)).Distinct().ToArray();
                autoScaleRun = new AutoScaleRunOptions(rate ?? AutoScaleRunOptions.DefaultRequestsPerSecond,
                    warmUp ?? AutoScaleRunOptions.DefaultWarmUpSeconds, modes.Length > 0 ? modes : throw new ArgumentException("--autoscale needs a mode"));
                rows ??= [AutoScaleRunOptions.DefaultRows];
                workers ??= [.. AutoScaleRunOptions.DefaultWorkers];
            }

            rows ??= [LlmRunOptions.DefaultRows];
            if (rows.Count != 1)
            {
                throw new ArgumentException("--mode llm and --mode autoscale run one size: give --rows a single value");
            }

            var counts = workers?.Select(w => w >= 1 ? Int("--workers", w) : throw new ArgumentException($"--workers: each count must be at least 1 (got {w})"))
                             .Distinct().Order().ToArray()
                         ?? [.. LlmRunOptions.DefaultWorkers];
            if (counts.Length == 0)
            {
                throw new ArgumentException("--workers needs at least one count");
            }

            llm = new LlmRunOptions(counts, latencyMs ?? LlmRunOptions.DefaultLatencyMs);
            chunkSize ??= LlmRunOptions.DefaultChunkSize;
            singleWorkers = counts[0];
        }
        else
        {
            if (latencyMs is not null)
            {
                throw new ArgumentException("--latency-ms is for --mode llm and --mode autoscale");
            }

            singleWorkers = workers switch
            {
                null => 0,
                [var w] when w >= 0 => Int("--workers", w),
                [_] => throw new ArgumentException("--workers: must be 0 (one per core) or more"),
                _ => throw new ArgumentException("--workers: the compare mode takes one worker count (several are for --mode llm)"),
            };
        }

        rows ??= DefaultRows;
        if (rows.Count == 0)
        {
            throw new ArgumentException("--rows needs at least one size");
        }

        ChildOptions? childOptions = null;
        if (child is not null)
        {
            var mode = BenchmarkModes.Parse(child);
            if (mode == BenchmarkMode.Llm && llmEndpoint is null)
            {
                throw new ArgumentException("--child llm needs --llm-endpoint");
            }

            if (mode == BenchmarkMode.Categorize && model is null)
            {
                throw new ArgumentException("--child categorize needs --model");
            }

            childOptions = new ChildOptions(mode,
                input ?? throw new ArgumentException("--child needs --input"),
                output ?? throw new ArgumentException("--child needs --out"),
                expectedRows > 0 ? expectedRows : throw new ArgumentException("--child needs --expect-rows"),
                chunkSize ?? JobSpec.AutoChunkSize, singleWorkers, inMemoryState, llmEndpoint,
                autoScale is null ? null : ScalingMode(autoScale), model);
        }

        return new BenchmarkOptions(run, rows, seed, work, json, repeat, keepOutputs, diagnose, chunkSize ?? JobSpec.AutoChunkSize,
            singleWorkers, inMemoryState, llm, childOptions, autoScaleRun, qualityRun, categorizeRun);
    }

    private static string ScalingMode(string name) => name.ToLowerInvariant() switch
    {
        "balanced" => "balanced",
        "speed" => "speed",
        _ => throw new ArgumentException($"--autoscale: '{name}' is neither balanced nor speed"),
    };

    private const StringSplitOptions Separated = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;

    private static long Number(string option, string text) =>
        long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{option}: '{text}' is not a whole number");

    private static long Positive(string option, string text)
    {
        var value = Number(option, text);
        return value >= 1 ? value : throw new ArgumentException($"{option}: must be at least 1 (got {value})");
    }

    private static int Int(string option, long value) =>
        value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new ArgumentException($"{option}: {value} is out of range");
}
