using System.Collections.Concurrent;
using System.Text.Json;
using Scalability.GrainInterfaces;

namespace Scalability.Grains.Processing.Languages;

/// <summary>What <c>Languages/&lt;code&gt;/language.json</c> says of a language.</summary>
/// <param name="StopWords">Function words that say nothing of a ticket's topic, lower-case, with their accents and
/// without apostrophes (an elided "l'" or "d'" is listed as "l" and "d").</param>
public sealed record LanguageInfo(string Code, string Name, IReadOnlyList<string> StopWords);

/// <summary>
/// Reads the per-language resources embedded in this assembly: the file <c>Processing/Languages/&lt;code&gt;/&lt;name&gt;.json</c>
/// is the resource <c>Scalability.Grains.Languages.&lt;code&gt;/&lt;name&gt;.json</c>. Each file is read once.
/// </summary>
public static class LanguageResources
{
    private static readonly ConcurrentDictionary<string, LanguageInfo> Infos = new(StringComparer.Ordinal);

    public static LanguageInfo Info(string code) => Infos.GetOrAdd(code, static c => Read<LanguageInfo>(c, "language"));

    /// <summary>The stop words of every supported language together, for text whose language is not known.</summary>
    public static IReadOnlySet<string> AllStopWords { get; } =
        SupportedLanguages.Codes.SelectMany(c => Info(c).StopWords).ToHashSet(StringComparer.Ordinal);

    /// <exception cref="InvalidOperationException">The assembly has no such resource: a build without its data.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T Read<T>(string code, string name)
    {
        var resource = ResourceName(code, name);
        using var stream = Open(resource);
        try
        {
            return JsonSerializer.Deserialize<T>(stream, ScaleJson.Options)
                   ?? throw new InvalidDataException($"the language resource '{resource}' is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the language resource '{resource}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// The file's bytes, for a reader of its own (<see cref="Summaries.LanguageFiles"/> reads with a
    /// <see cref="Utf8JsonReader"/> what every job needs at its start, where a first deserialisation costs tens of
    /// milliseconds of compiling).
    /// </summary>
    /// <exception cref="InvalidOperationException">The assembly has no such resource: a build without its data.</exception>
    public static byte[] Bytes(string code, string name)
    {
        using var stream = Open(ResourceName(code, name));
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The resource's name, as the error messages give it.</summary>
    public static string ResourceName(string code, string name) => $"Scalability.Grains.Languages.{code}/{name}.json";

    private static Stream Open(string resource) =>
        typeof(LanguageResources).Assembly.GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"the language resource '{resource}' is missing from the assembly");
}
