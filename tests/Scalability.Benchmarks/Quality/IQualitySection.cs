using System.Text.Json;

namespace Scalability.Benchmarks.Quality;

/// <summary>
/// One section of <c>--mode quality</c>: a kind of output (summaries, languages, categories) measured on the real data
/// sets and labelled fixtures against a named baseline. A new section is a class of its own in this folder, listed in
/// <see cref="QualityBenchmark.Sections"/>.
/// </summary>
internal interface IQualitySection
{
    /// <summary>The section's name for <c>--sections</c> and the JSON report: lower-case, one word.</summary>
    string Name { get; }

    /// <summary>Measures; progress goes to <paramref name="log"/>, the figures into the result.</summary>
    IQualityResult Run(QualityInputs inputs, TextWriter log);
}

/// <summary>What a section found, for people (a table) and for scripts (a JSON value).</summary>
internal interface IQualityResult
{
    void Print(TextWriter output);

    /// <summary>Writes the section's figures as one JSON value.</summary>
    void WriteJson(Utf8JsonWriter writer);
}
