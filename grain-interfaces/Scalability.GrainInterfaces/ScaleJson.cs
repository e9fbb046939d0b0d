using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scalability.GrainInterfaces;

/// <summary>The JSON shape of everything the product prints or writes for scripts: camelCase, enums as words.</summary>
public static class ScaleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The same on one line, for streams of objects (one per line).</summary>
    public static JsonSerializerOptions Compact { get; } = new(Options) { WriteIndented = false };
}
