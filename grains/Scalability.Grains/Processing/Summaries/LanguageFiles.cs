using System.Text.Json;
using Scalability.Grains.Processing.Languages;

namespace Scalability.Grains.Processing.Summaries;

/// <summary>
/// Reads the summarizer's language files (<c>boilerplate.json</c>, and the stop words of <c>language.json</c>) with a
/// <see cref="Utf8JsonReader"/>, which the runtime ships compiled: every job's first ticket waits for these, and a
/// first <see cref="JsonSerializer"/> call would compile for longer than the 19,000-ticket benchmark takes to
/// summarise a third of its tickets. The files are objects of string lists (and one object of them, "quoting");
/// other members are skipped, a missing list is left null for <see cref="SummaryLexicon.Build"/> to name.
/// </summary>
internal static class LanguageFiles
{
    /// <exception cref="InvalidDataException">The file is not such JSON; the message names the resource.</exception>
    public static BoilerplateFile ReadBoilerplate(string code)
    {
        var lists = Read(code, "boilerplate", out var quoting, out var fileCode);
        IReadOnlyList<string> List(string name) => lists.GetValueOrDefault(name)!;
        QuotingRules? rules = quoting is null
            ? null
            : new QuotingRules(quoting.GetValueOrDefault("attributionOpeners")!, quoting.GetValueOrDefault("attributionVerbs")!,
                quoting.GetValueOrDefault("fromFields")!, quoting.GetValueOrDefault("headerFields")!, quoting.GetValueOrDefault("separators")!);
        return new BoilerplateFile(fileCode ?? code, List("greetings"), List("addressees"), List("valedictions"), List("closingWords"),
            List("fillerWords"), List("signatureLines"), List("contactLabels"), List("disclaimerCues"), List("problemCues"),
            List("requestCues"), List("noiseWords"), List("months"), List("replyPrefixes"), rules!);
    }

    /// <exception cref="InvalidDataException">The file is not such JSON, or has no stop words.</exception>
    public static IReadOnlyList<string> ReadStopWords(string code) =>
        Read(code, "language", out _, out _).GetValueOrDefault("stopWords")
        ?? throw new InvalidDataException($"the language resource '{LanguageResources.ResourceName(code, "language")}' has no 'stopWords'");

    private static Dictionary<string, string[]> Read(string code, string name, out Dictionary<string, string[]>? quoting, out string? fileCode)
    {
        var resource = LanguageResources.ResourceName(code, name);
        var reader = new Utf8JsonReader(LanguageResources.Bytes(code, name), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            quoting = null;
            fileCode = null;
            Expect(ref reader, JsonTokenType.StartObject);
            var lists = new Dictionary<string, string[]>(StringComparer.Ordinal);
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var property = reader.GetString()!;
                switch (Next(ref reader))
                {
                    case JsonTokenType.StartArray:
                        lists[property] = ReadStrings(ref reader);
                        break;
                    case JsonTokenType.StartObject when property == "quoting":
                        quoting = new Dictionary<string, string[]>(StringComparer.Ordinal);
                        while (Next(ref reader) == JsonTokenType.PropertyName)
                        {
                            var member = reader.GetString()!;
                            Expect(ref reader, JsonTokenType.StartArray);
                            quoting[member] = ReadStrings(ref reader);
                        }

                        break;
                    case JsonTokenType.String when property == "code":
                        fileCode = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return lists;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the language resource '{resource}' cannot be read: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"the language resource '{resource}' cannot be read: {e.Message}", e);
        }
    }

    private static string[] ReadStrings(ref Utf8JsonReader reader)
    {
        var strings = new List<string>();
        while (Next(ref reader) == JsonTokenType.String)
        {
            strings.Add(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException($"a list holds a {reader.TokenType} at byte {reader.TokenStartIndex}, not a string");
        }

        return [.. strings];
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("the file ends early");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new JsonException($"expected {type} at byte {reader.TokenStartIndex}, found {reader.TokenType}");
        }
    }
}
