using Scalability.Benchmarks;
using Scalability.Benchmarks.Quality;

// One executable plays both roles: without --child it is the parent that prepares the data, launches one fresh
// process per measurement and compares them; with --child it is one of those measurements.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

try
{
    if (options.Child is { } child)
    {
        var result = child.Mode switch
        {
            BenchmarkMode.Pipeline => await PipelineChild.RunAsync(child),
            BenchmarkMode.Baseline => await BaselineChild.RunAsync(child),
            BenchmarkMode.Chunks => await ChunksChild.RunAsync(child),
            BenchmarkMode.Categorize => await PipelineChild.RunAsync(child),
            _ => await PipelineChild.RunAsync(child),
        };
        Console.Out.WriteLine(BenchmarkJson.Serialize(result));
        return 0;
    }

    return options.Run switch
    {
        BenchmarkRun.Llm => await LlmBenchmark.RunAsync(options),
        BenchmarkRun.AutoScale => await AutoScaleBenchmark.RunAsync(options),
        BenchmarkRun.Quality => await QualityBenchmark.RunAsync(options),
        BenchmarkRun.Categorize => await CategorizeBenchmark.RunAsync(options),
        _ => await BenchmarkParent.RunAsync(options),
    };
}
catch (BenchmarkFailedException e)
{
    Console.Error.WriteLine($"benchmark failed: {e.Message}");
    return 1;
}
