using System.Globalization;
using Scalability.GrainInterfaces.Jobs;

namespace Scalability.Benchmarks;

/// <summary>What one measurement process is told to do; the parent passes it on the command line.</summary>
/// <param name="InMemoryState">The pipeline keeps job state in memory instead of the embedded default's SQLite file.</param>
/// <param name="LlmEndpoint">The OpenAI-compatible base address the llm mode's job sends its requests to.</param>
internal sealed record ChildOptions(
    BenchmarkMode Mode, string InputPath, string OutputPath, long ExpectedRows, int ChunkSize, int Workers, bool InMemoryState = false,
    string? LlmEndpoint = null)
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
    ChildOptions? Child)
{
    public static readonly IReadOnlyList<long> DefaultRows = [19_000, 500_000];

    /// <summary>The seed <c>scale generate</c> uses by default, so that its files and ours are the same.</summary>
    public const int DefaultSeed = 1;

    public const string Usage =
        """
        usage: Scalability.Benchmarks [--mode compare|llm] [--rows 19000,500000] [--seed 1] [--work DIR]
                                      [--repeat N] [--json] [--chunk-size N] [--workers 0] [--latency-ms 50]
                                      [--state sqlite|memory] [--diagnose] [--keep-outputs]
          --mode          compare (default): the pipeline against the baseline at each size, and the promises;
                          llm: the llm processor against an endpoint simulator (fixed latency, no rate limit) at
                          each worker count, to show throughput growing with workers
          --rows          comma-separated dataset sizes, each generated once and reused (llm: one size, default 5120)
          --seed          the generator's seed
          --work          where datasets and outputs go (default: <temp>/scalability-benchmarks)
          --repeat        runs per mode and size (llm: per worker count); the fastest is reported
          --json          one JSON object on stdout instead of a table
          --chunk-size    the pipeline's records per chunk (default: the product's own choice from the row count;
                          llm: 20)
          --workers       parallel workers of both modes; 0 = one per core (product default)
                          (llm: comma-separated worker counts, default 4,16,64)
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
        string? child = null, input = null, output = null, llmEndpoint = null;
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
                    var other => throw new ArgumentException($"--mode: '{other}' is neither compare nor llm"),
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
                default: throw new ArgumentException($"unknown option '{name}'");
            }
        }

        LlmRunOptions? llm = null;
        int singleWorkers;
        if (run == BenchmarkRun.Llm && child is null)
        {
            if (diagnose)
            {
                throw new ArgumentException("--diagnose is for --mode compare");
            }

            rows ??= [LlmRunOptions.DefaultRows];
            if (rows.Count != 1)
            {
                throw new ArgumentException("--mode llm runs one size: give --rows a single value");
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
                throw new ArgumentException("--latency-ms is for --mode llm");
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

            childOptions = new ChildOptions(mode,
                input ?? throw new ArgumentException("--child needs --input"),
                output ?? throw new ArgumentException("--child needs --out"),
                expectedRows > 0 ? expectedRows : throw new ArgumentException("--child needs --expect-rows"),
                chunkSize ?? JobSpec.AutoChunkSize, singleWorkers, inMemoryState, llmEndpoint);
        }

        return new BenchmarkOptions(run, rows, seed, work, json, repeat, keepOutputs, diagnose, chunkSize ?? JobSpec.AutoChunkSize,
            singleWorkers, inMemoryState, llm, childOptions);
    }

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
