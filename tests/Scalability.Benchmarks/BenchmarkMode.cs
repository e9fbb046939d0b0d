namespace Scalability.Benchmarks;

/// <summary>The ways of processing the same input that the benchmark compares.</summary>
internal enum BenchmarkMode
{
    /// <summary>The product: an embedded silo running a job over chunk grains.</summary>
    Pipeline,

    /// <summary>The competitor: one process, no Orleans, the same reader, processor and writer.</summary>
    Baseline,

    /// <summary>
    /// Diagnostic (<c>--diagnose</c>): the product's own chunk work (planning scan, chunk runner, part assembly) with
    /// no Orleans around it, to tell the cost of the chunked data path from the cost of coordinating it.
    /// </summary>
    Chunks,

    /// <summary>
    /// The product with the llm processor (<c>--mode llm</c>): an embedded silo running one job whose tickets are sent,
    /// one request each, to an OpenAI-compatible endpoint the parent runs.
    /// </summary>
    Llm,

    /// <summary>
    /// The product with a trained model (<c>--mode categorize</c>): an embedded silo running one job that categorizes
    /// with the model the parent trained, summarizer off, as <c>scale run --model … --summarizer none</c>.
    /// </summary>
    Categorize,
}

internal static class BenchmarkModes
{
    public static string Name(this BenchmarkMode mode) => mode switch
    {
        BenchmarkMode.Pipeline => "pipeline",
        BenchmarkMode.Baseline => "baseline",
        BenchmarkMode.Chunks => "chunks",
        BenchmarkMode.Categorize => "categorize",
        _ => "llm",
    };

    public static BenchmarkMode Parse(string name) => name.ToLowerInvariant() switch
    {
        "pipeline" => BenchmarkMode.Pipeline,
        "baseline" => BenchmarkMode.Baseline,
        "chunks" => BenchmarkMode.Chunks,
        "llm" => BenchmarkMode.Llm,
        "categorize" => BenchmarkMode.Categorize,
        _ => throw new ArgumentException($"--child must be 'pipeline', 'baseline', 'chunks', 'llm' or 'categorize', not '{name}'"),
    };
}
