namespace Scalability.Benchmarks;

/// <summary>A run that cannot be trusted: a child failed, or the outputs disagree. The figures are not printed.</summary>
internal sealed class BenchmarkFailedException(string message) : Exception(message);
