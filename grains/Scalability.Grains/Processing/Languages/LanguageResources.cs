using System.Collections.Concurrent;
using System.Text.Json;
using Scalability.GrainInterfaces;

namespace Scalability.Grains.Processing.Languages;

/// <summary>What <c>Languages/&lt;code&gt;/language.json</c> says of a language.</summary>
/// <param name="StopWords">Function words that say nothing of a ticket's topic, lower-case, with their accents and
/// without apostrophes (an elided "l'" or "d'" is listed as "l" and "d").</param>
/// <param name="Detection">What tells the language apart from others (see <see cref="LanguageDetector"/>), besides its
/// stop words.</param>
/// <param name="Transliterations">Letters that customers also spell out in plain ASCII, with that spelling (German
/// "ü" written "ue"), so that the taxonomy's terms match both spellings.</param>
public sealed record LanguageInfo(
    string Code,
    string Name,
    IReadOnlyList<string> StopWords,
    DetectionEvidence? Detection = null,
    IReadOnlyDictionary<string, string>? Transliterations = null);

/// <summary>The words, word endings and letters by which <see cref="LanguageDetector"/> recognises a language.</summary>
/// <param name="Words">Frequent words of the language, lower-case with their accents, apostrophes dropped.</param>
/// <param name="Endings">Endings of the language's content words ("-ung", "-ção"), counted for words not in any list.</param>
/// <param name="Letters">Letters that occur in few languages, with how much one occurrence says (about 3 for a letter of
/// this language only, ß or ñ; well under 1 for one shared by several, é).</param>
/// <param name="Script">The script it is written in: Latin (the default) or Cyrillic.</param>
public sealed record DetectionEvidence(
    IReadOnlyList<string> Words,
    IReadOnlyList<string>? Endings = null,
    IReadOnlyDictionary<string, double>? Letters = null,
    string? Script = null);

/// <summary>A language the processor has no vocabulary for, but that the detector names (Polish, Swedish, Russian, …).</summary>
public sealed record DetectedOnlyLanguage(
    string Code,
    string Name,
    IReadOnlyList<string> Words,
    IReadOnlyList<string>? Endings = null,
    IReadOnlyDictionary<string, double>? Letters = null,
    string? Script = null);

/// <summary>The file <c>Languages/other-languages.json</c>.</summary>
public sealed record OtherLanguages(IReadOnlyList<DetectedOnlyLanguage> Languages);

/// <summary>
/// Reads the per-language resources embedded in this assembly: the file <c>Processing/Languages/&lt;code&gt;/&lt;name&gt;.json</c>
/// is the resource <c>Scalability.Grains.Languages.&lt;code&gt;/&lt;name&gt;.json</c>. Each file is read once.
/// </summary>
public static class LanguageResources
{
    private static readonly ConcurrentDictionary<string, LanguageInfo> Infos = new(StringComparer.Ordinal);

    private static readonly Lazy<OtherLanguages> OtherLanguagesFile = new(() =>
    {
        const string Resource = "Scalability.Grains.Languages.other-languages.json";
        return LanguageJson.ReadOtherLanguages(Bytes(Resource), Resource);
    });

    private static readonly Lazy<IReadOnlySet<string>> StopWordsOfAll =
        new(() => SupportedLanguages.Codes.SelectMany(c => Info(c).StopWords).ToHashSet(StringComparer.Ordinal));

    /// <exception cref="InvalidOperationException">The assembly has no such resource: a build without its data.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON for a language.</exception>
    public static LanguageInfo Info(string code) => Infos.GetOrAdd(code, static c =>
    {
        var resource = ResourceName(c, "language");
        return LanguageJson.ReadLanguageInfo(Bytes(resource), resource);
    });

    /// <summary>The languages without a folder of their own that the detector tells by their words.</summary>
    public static OtherLanguages Others => OtherLanguagesFile.Value;

    /// <summary>The stop words of every supported language together, for text whose language is not known.</summary>
    /// <remarks>Read when first asked for: a job reads only the resources it uses.</remarks>
    public static IReadOnlySet<string> AllStopWords => StopWordsOfAll.Value;

    /// <summary>A language's <c>taxonomy.json</c>.</summary>
    internal static TaxonomyFile Taxonomy(string code)
    {
        var resource = ResourceName(code, "taxonomy");
        return LanguageJson.ReadTaxonomy(Bytes(resource), resource);
    }

    /// <summary>Any other resource of a language, read with the general serializer.</summary>
    /// <exception cref="InvalidOperationException">The assembly has no such resource: a build without its data.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T Read<T>(string code, string name)
    {
        var resource = ResourceName(code, name);
        try
        {
            return JsonSerializer.Deserialize<T>(Bytes(resource), ScaleJson.Options)
                   ?? throw new InvalidDataException($"the language resource '{resource}' is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the language resource '{resource}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>The resource's name, as the error messages give it.</summary>
    public static string ResourceName(string code, string name) => $"Scalability.Grains.Languages.{code}/{name}.json";

    /// <summary>
    /// A language file's bytes, for a reader of its own: what every job needs at its start is read with a
    /// <see cref="Utf8JsonReader"/>, where a first deserialisation costs tens of milliseconds of compiling.
    /// </summary>
    /// <exception cref="InvalidOperationException">The assembly has no such resource: a build without its data.</exception>
    public static byte[] Bytes(string code, string name) => Bytes(ResourceName(code, name));

    /// <summary>The bytes of an embedded resource.</summary>
    /// <exception cref="InvalidOperationException">The assembly has no such resource.</exception>
    internal static byte[] Bytes(string resource)
    {
        using var stream = typeof(LanguageResources).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"the language resource '{resource}' is missing from the assembly");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
