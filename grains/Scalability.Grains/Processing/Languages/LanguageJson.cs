using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scalability.Grains.Processing.Languages;

/// <summary>The JSON form of <c>Languages/&lt;code&gt;/taxonomy.json</c>: categories in order, their terms grouped by weight.</summary>
internal sealed record TaxonomyFile(IReadOnlyList<TaxonomyFileCategory> Categories);

internal sealed record TaxonomyFileCategory(string Name, IReadOnlyList<TaxonomyFileTerms> Terms);

internal sealed record TaxonomyFileTerms(double Weight, IReadOnlyList<string> Words);

/// <summary>The JSON form of <c>Processing/keyword-calibration.json</c>.</summary>
internal sealed record CalibrationFile(string? Source, double NoMatch, IReadOnlyList<CalibrationPoint>? Points);

internal sealed record CalibrationPoint(double Raw, double Confidence);

/// <summary>Writes the calibration file (the fit's output) with the serializer's indentation.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(CalibrationFile))]
internal sealed partial class LanguageJsonContext : JsonSerializerContext;

/// <summary>
/// Reads the language resources with <see cref="Utf8JsonReader"/> into plain values and then into their records. They
/// are read when a job's first ticket is processed, and the serializer's first use alone would add some 30 ms of CPU
/// to the start of every job (measured against a 19,000-ticket job that takes a quarter of a second on two cores).
/// </summary>
internal static class LanguageJson
{
    /// <exception cref="InvalidDataException">The JSON is malformed or lacks a member the record needs.</exception>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    public static LanguageInfo ReadLanguageInfo(ReadOnlySpan<byte> json, string source)
    {
        var root = Object(Parse(json, source), source, "the file");
        var detection = Optional(root, "detection") is { } d ? Evidence(Object(d, source, "detection"), source) : null;
        return new LanguageInfo(
            String(root, "code", source),
            String(root, "name", source),
            Strings(root, "stopWords", source),
            detection,
            Optional(root, "transliterations") is { } t ? Object(t, source, "transliterations").ToDictionary(p => p.Key, p => AsString(p.Value, source, p.Key)) : null);
    }

    [MethodImpl(MethodImplOptions.NoOptimization)]
    public static OtherLanguages ReadOtherLanguages(ReadOnlySpan<byte> json, string source)
    {
        var root = Object(Parse(json, source), source, "the file");
        return new OtherLanguages(Array(root, "languages", source).Select(value =>
        {
            var language = Object(value, source, "a language");
            var evidence = Evidence(language, source);
            return new DetectedOnlyLanguage(String(language, "code", source), String(language, "name", source), evidence.Words,
                evidence.Endings, evidence.Letters, evidence.Script);
        }).ToArray());
    }

    [MethodImpl(MethodImplOptions.NoOptimization)]
    public static TaxonomyFile ReadTaxonomy(ReadOnlySpan<byte> json, string source)
    {
        var root = Object(Parse(json, source), source, "the file");
        return new TaxonomyFile(Array(root, "categories", source).Select(value =>
        {
            var category = Object(value, source, "a category");
            return new TaxonomyFileCategory(String(category, "name", source), Array(category, "terms", source).Select(group =>
            {
                var terms = Object(group, source, "a group of terms");
                return new TaxonomyFileTerms(Number(terms, "weight", source), Strings(terms, "words", source));
            }).ToArray());
        }).ToArray());
    }

    [MethodImpl(MethodImplOptions.NoOptimization)]
    public static CalibrationFile ReadCalibration(ReadOnlySpan<byte> json, string source)
    {
        var root = Object(Parse(json, source), source, "the file");
        var points = Optional(root, "points") is { } p
            ? Array(root, "points", source).Select(value =>
            {
                var point = Object(value, source, "a point");
                return new CalibrationPoint(Number(point, "raw", source), Number(point, "confidence", source));
            }).ToArray()
            : null;
        return new CalibrationFile(Optional(root, "source") as string, Number(root, "noMatch", source), points);
    }

    private static DetectionEvidence Evidence(Dictionary<string, object?> evidence, string source) => new(
        Strings(evidence, "words", source),
        Optional(evidence, "endings") is not null ? Strings(evidence, "endings", source) : null,
        Optional(evidence, "letters") is { } letters
            ? Object(letters, source, "letters").ToDictionary(p => p.Key, p => AsNumber(p.Value, source, p.Key))
            : null,
        Optional(evidence, "script") as string);

    /// <summary>The JSON as nested dictionaries (objects), lists (arrays), strings, doubles, booleans and nulls.</summary>
    private static object? Parse(ReadOnlySpan<byte> json, string source)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            reader.Read();
            var value = Value(ref reader);
            if (reader.Read())
            {
                throw new InvalidDataException($"{source}: more than one JSON value");
            }

            return value;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} cannot be read: {e.Message}", e);
        }
    }

    [MethodImpl(MethodImplOptions.NoOptimization)]
    private static object? Value(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    members[name] = Value(ref reader);
                }

                return members;
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Value(ref reader));
                }

                return items;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                return null;
        }
    }

    private static object? Optional(Dictionary<string, object?> members, string name) => members.GetValueOrDefault(name);

    private static Dictionary<string, object?> Object(object? value, string source, string what) =>
        value as Dictionary<string, object?> ?? throw new InvalidDataException($"{source}: {what} is not a JSON object");

    private static List<object?> Array(Dictionary<string, object?> members, string name, string source) =>
        Optional(members, name) as List<object?> ?? throw new InvalidDataException($"{source}: '{name}' is missing or not an array");

    private static string String(Dictionary<string, object?> members, string name, string source) =>
        AsString(Optional(members, name), source, name);

    private static double Number(Dictionary<string, object?> members, string name, string source) =>
        AsNumber(Optional(members, name), source, name);

    private static string[] Strings(Dictionary<string, object?> members, string name, string source) =>
        Array(members, name, source).Select(item => AsString(item, source, name)).ToArray();

    private static string AsString(object? value, string source, string name) =>
        value as string ?? throw new InvalidDataException($"{source}: '{name}' is missing or not a string");

    private static double AsNumber(object? value, string source, string name) =>
        value is double number ? number : throw new InvalidDataException(
            string.Create(CultureInfo.InvariantCulture, $"{source}: '{name}' is missing or not a number"));
}
