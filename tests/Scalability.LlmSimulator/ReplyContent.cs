using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Scalability.LlmSimulation;

/// <summary>
/// Builds the assistant's message content, a JSON string
/// <c>{"category":"…","confidence":0.xx,"summary":"…"}</c>, deterministically from the last user message: the category
/// is the first one (in the configured order) whose name, with underscores as spaces, or one of its built-in keywords
/// appears in the lowercased message; otherwise one picked by a stable hash of the message. The summary is the message's
/// first words: as many as the system message allows ("at most N words"), like a model that uses its allowance, or
/// <see cref="SummaryWords"/> when it sets no limit.
/// </summary>
internal static partial class ReplyContent
{
    public const int SummaryWords = 12;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<string, string[]> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["billing"] = ["invoice", "charged", "charge", "bill", "payment"],
        ["refund"] = ["refund", "money back", "reimburse"],
        ["cancellation"] = ["cancel", "unsubscribe", "terminate"],
        ["account_access"] = ["password", "log in", "login", "sign in", "locked out", "2fa"],
        ["technical_issue"] = ["error", "crash", "bug", "not working", "broken"],
        ["delivery_shipping"] = ["delivery", "shipping", "shipped", "package", "tracking", "arrive"],
        ["product_question"] = ["how do i", "does it", "which model", "compatible", "product"],
        ["feedback"] = ["suggest", "feedback", "love", "great"],
    };

    /// <summary>The summary's length a system message asks for ("at most N words"); <see cref="SummaryWords"/> when none does.</summary>
    public static int SummaryWordsAskedFor(IEnumerable<(string Role, string Content)> messages)
    {
        foreach (var (role, content) in messages)
        {
            if (role == "system" && WordLimit().Match(content) is { Success: true } match &&
                int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var words) && words > 0)
            {
                return words;
            }
        }

        return SummaryWords;
    }

    public static (string Category, string Content) Build(string lastUserMessage, IReadOnlyList<string> categories, int summaryWords = SummaryWords)
    {
        var text = lastUserMessage.ToLowerInvariant();
        var hash = StableHash(text);
        string category;
        decimal confidence;
        var matched = categories.FirstOrDefault(c => Matches(text, c));
        if (matched is not null)
        {
            category = matched;
            confidence = 0.80m + ((hash % 20) / 100m);
        }
        else
        {
            category = categories[(int)(hash % (uint)categories.Count)];
            confidence = 0.40m + ((hash % 30) / 100m);
        }

        var summary = string.Join(' ', lastUserMessage.Split((char[]?)null, summaryWords + 1, StringSplitOptions.RemoveEmptyEntries).Take(summaryWords));

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("category", category);
            writer.WritePropertyName("confidence");
            writer.WriteRawValue(confidence.ToString("0.00", CultureInfo.InvariantCulture));
            writer.WriteString("summary", summary);
            writer.WriteEndObject();
        }

        return (category, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>The content cut to half its length: a prefix of a JSON object without its closing brace is never valid JSON.</summary>
    public static string Truncate(string content) => content[..(content.Length / 2)];

    [System.Text.RegularExpressions.GeneratedRegex(@"at most (\d+) words", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex WordLimit();

    private static bool Matches(string lowerText, string category)
    {
        if (lowerText.Contains(category.Replace('_', ' ').ToLowerInvariant(), StringComparison.Ordinal))
        {
            return true;
        }

        return Keywords.TryGetValue(category, out var words) && words.Any(w => lowerText.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>FNV-1a over the UTF-16 code units: the same on every run and platform, unlike string.GetHashCode.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
