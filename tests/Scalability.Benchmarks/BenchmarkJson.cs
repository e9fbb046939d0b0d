using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scalability.Benchmarks;

/// <summary>The benchmark's JSON: camelCase, one line, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChildResult))]
[JsonSerializable(typeof(BenchmarkReport))]
[JsonSerializable(typeof(DatasetMarker))]
[JsonSerializable(typeof(LlmReport))]
[JsonSerializable(typeof(AutoScaleReport))]
[JsonSerializable(typeof(MachineInfo))]
[JsonSerializable(typeof(CategorizeReport))]
[JsonSerializable(typeof(CategorizeBenchmark.PeerResult))]
internal sealed partial class BenchmarkJson : JsonSerializerContext
{
    public static string Serialize(ChildResult result) => JsonSerializer.Serialize(result, Default.ChildResult);

    public static string Serialize(BenchmarkReport report) => JsonSerializer.Serialize(report, Default.BenchmarkReport);

    public static string Serialize(LlmReport report) => JsonSerializer.Serialize(report, Default.LlmReport);

    public static string Serialize(AutoScaleReport report) => JsonSerializer.Serialize(report, Default.AutoScaleReport);

    public static string Serialize(CategorizeReport report) => JsonSerializer.Serialize(report, Default.CategorizeReport);
}
