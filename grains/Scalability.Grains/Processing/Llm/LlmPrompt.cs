using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Scalability.Grains.Processing.Llm;

/// <summary>What a model's reply says about a ticket, once validated.</summary>
public readonly record struct LlmAnswer(string Category, double Confidence, string Summary);

/// <summary>
/// The llm processor's prompt and the checks on its replies, apart from any endpoint. The model is asked for one JSON
/// object with a category from the taxonomy, a confidence and a short summary; a reply is accepted only when it is
/// exactly that. A reply that is not gets one repair turn that says what was wrong.
/// </summary>
public sealed class LlmPrompt
{
    private readonly Dictionary<string, string> _categories;
    private readonly ChatMessage _system;

    public LlmPrompt(IReadOnlyList<string> categories, int summaryMaxWords)
    {
        if (categories.Count < 2)
        {
            throw new ArgumentException("the llm taxonomy needs at least two categories");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(summaryMaxWords, 1);
        _categories = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var category in categories)
        {
            if (string.IsNullOrWhiteSpace(category) || !_categories.TryAdd(category.Trim(), category.Trim()))
            {
                throw new ArgumentException($"the llm taxonomy has a blank or repeated category: '{category}'");
            }
        }

        Categories = categories;
        FallbackCategory = _categories.GetValueOrDefault(SupportTaxonomy.OtherCategory) ?? categories[^1];
        SummaryMaxWords = summaryMaxWords;
        _system = new ChatMessage(ChatRole.System, SystemText(categories, summaryMaxWords));
    }

    public IReadOnlyList<string> Categories { get; }

    /// <summary>The instructions sent with every ticket (the system message).</summary>
    public string Instructions => _system.Text;

    /// <summary>The category of a blank ticket: <c>other</c> when the taxonomy has it, else its last category.</summary>
    public string FallbackCategory { get; }

    public int SummaryMaxWords { get; }

    /// <summary>The request for one ticket: the instructions, then the ticket's text as the user's message.</summary>
    public List<ChatMessage> Request(string ticketText) => [_system, new ChatMessage(ChatRole.User, ticketText)];

    /// <summary>The request again with the unusable reply and a note of what was wrong, for the one repair attempt.</summary>
    public List<ChatMessage> Repair(List<ChatMessage> request, string reply, string problem) =>
    [
        .. request,
        new ChatMessage(ChatRole.Assistant, reply),
        new ChatMessage(ChatRole.User,
            $"That reply could not be used: {problem}. Answer again with only the JSON object described above, nothing else."),
    ];

    /// <summary>Reads a reply. On failure, <paramref name="problem"/> says what is wrong in words a model can act on.</summary>
    public bool TryRead(string? reply, out LlmAnswer answer, out string problem)
    {
        answer = default;
        var json = StripCodeFence(reply ?? "");
        if (json.Length == 0)
        {
            problem = "the reply was empty";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            problem = $"it is not valid JSON ({e.Message})";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "it is not a JSON object";
                return false;
            }

            if (!root.TryGetProperty("category", out var categoryElement) || categoryElement.ValueKind != JsonValueKind.String)
            {
                problem = "\"category\" is missing or not a string";
                return false;
            }

            if (!_categories.TryGetValue(categoryElement.GetString()!.Trim(), out var category))
            {
                problem = $"\"category\" is '{categoryElement.GetString()}', which is not one of: {string.Join(", ", Categories)}";
                return false;
            }

            if (!root.TryGetProperty("confidence", out var confidenceElement) ||
                confidenceElement.ValueKind != JsonValueKind.Number ||
                !confidenceElement.TryGetDouble(out var confidence) || confidence is < 0 or > 1)
            {
                problem = "\"confidence\" is missing or not a number between 0 and 1";
                return false;
            }

            if (!root.TryGetProperty("summary", out var summaryElement) || summaryElement.ValueKind != JsonValueKind.String)
            {
                problem = "\"summary\" is missing or not a string";
                return false;
            }

            answer = new LlmAnswer(category, confidence, LimitWords(summaryElement.GetString()!, SummaryMaxWords));
            problem = "";
            return true;
        }
    }

    /// <summary>
    /// A summary over the limit is cut at it rather than refused: the model did the work, and the limit is about the
    /// output's size, which cutting restores.
    /// </summary>
    public static string LimitWords(string text, int maxWords)
    {
        var words = text.Split((char[]?)null, maxWords + 1, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length <= maxWords ? string.Join(' ', words) : string.Join(' ', words.Take(maxWords));
    }

    /// <summary>Models often wrap JSON in a Markdown code fence even when asked not to; the fence is not an error.</summary>
    private static string StripCodeFence(string reply)
    {
        var text = reply.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n');
        var closing = text.LastIndexOf("```", StringComparison.Ordinal);
        return firstLineEnd < 0 || closing <= firstLineEnd ? text : text[(firstLineEnd + 1)..closing].Trim();
    }

    private static string SystemText(IReadOnlyList<string> categories, int summaryMaxWords)
    {
        var text = new StringBuilder();
        text.Append("You categorize and summarize customer-support tickets. ");
        text.Append("Reply with only a JSON object of this form, nothing before or after it: ");
        text.Append("{\"category\": \"<one of the categories>\", \"confidence\": <a number from 0 to 1>, ");
        text.Append(CultureInfo.InvariantCulture, $"\"summary\": \"<at most {summaryMaxWords} words>\"}}. ");
        text.Append("Categories: ");
        text.AppendJoin(", ", categories);
        text.Append('.');
        return text.ToString();
    }
}
