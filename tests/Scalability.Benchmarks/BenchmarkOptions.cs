using System.Globalization;
using Scalability.GrainInterfaces.Jobs;

namespace Scalability.Benchmarks;

/// <summary>What one measurement process is told to do; the parent passes it on the command line.</summary>
/// <param name="InMemoryState">The pipeline keeps job state in memory instead of the embedded default's SQLite file.</param>
internal sealed record ChildOptions(
    BenchmarkMode Mode, string InputPath, string OutputPath, long ExpectedRows, int ChunkSize, int Workers, bool InMemoryState = false)
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
    ];

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The benchmark's command line.</summary>
internal sealed record BenchmarkOptions(
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
    ChildOptions? Child)
{
    public static readonly IReadOnlyList<long> DefaultRows = [19_000, 500_000];

    /// <summary>The seed <c>scale generate</c> uses by default, so that its files and ours are the same.</summary>
    public const int DefaultSeed = 1;

    public const string Usage =
        """
        usage: Scalability.Benchmarks [--rows 19000,500000] [--seed 1] [--work DIR] [--repeat N] [--json]
                                      [--chunk-size N] [--workers 0] [--state sqlite|memory] [--diagnose]
                                      [--keep-outputs]
          --rows          comma-separated dataset sizes, each generated once and reused
          --seed          the generator's seed
          --work          where datasets and outputs go (default: <temp>/scalability-benchmarks)
          --repeat        runs per mode and size; the fastest is reported
          --json          one JSON object on stdout instead of a table
          --chunk-size    the pipeline's records per chunk (default: the product's own choice from the row count)
          --workers       parallel workers of both modes; 0 = one per core (product default)
          --state         where the pipeline's embedded silo keeps job state: sqlite (the product's default, saved
                          at every lease and commit) or memory (to measure what durability costs)
          --diagnose      also run the product's chunk path without Orleans (mode "chunks"), to split the
                          pipeline's cost into data path and coordination
          --keep-outputs  leave the output files in the work folder
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var rows = DefaultRows;
        var seed = DefaultSeed;
        var work = Path.Combine(Path.GetTempPath(), "scalability-benchmarks");
        var (json, keepOutputs, diagnose, repeat) = (false, false, false, 1);
        var (chunkSize, workers, inMemoryState) = (JobSpec.AutoChunkSize, 0, false);
        string? child = null, input = null, output = null;
        long expectedRows = 0;

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--rows": rows = Value().Split(',', Separated).Select(r => Positive(name, r)).ToArray(); break;
                case "--seed": seed = Int(name, Number(name, Value())); break;
                case "--work": work = Path.GetFullPath(Value()); break;
                case "--json": json = true; break;
                case "--keep-outputs": keepOutputs = true; break;
                case "--diagnose": diagnose = true; break;
                case "--repeat": repeat = Int(name, Positive(name, Value())); break;
                case "--chunk-size": chunkSize = Int(name, Positive(name, Value())); break;
                case "--workers": workers = Int(name, Number(name, Value()) is >= 0 and var w ? w : throw new ArgumentException("--workers: must be 0 (one per core) or more")); break;
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
                default: throw new ArgumentException($"unknown option '{name}'");
            }
        }

        if (rows.Count == 0)
        {
            throw new ArgumentException("--rows needs at least one size");
        }

        ChildOptions? childOptions = null;
        if (child is not null)
        {
            childOptions = new ChildOptions(BenchmarkModes.Parse(child),
                input ?? throw new ArgumentException("--child needs --input"),
                output ?? throw new ArgumentException("--child needs --out"),
                expectedRows > 0 ? expectedRows : throw new ArgumentException("--child needs --expect-rows"),
                chunkSize, workers, inMemoryState);
        }

        return new BenchmarkOptions(rows, seed, work, json, repeat, keepOutputs, diagnose, chunkSize, workers, inMemoryState, childOptions);
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
