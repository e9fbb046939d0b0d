using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace Scalability.Grains.Costing;

/// <summary>
/// Counts tokens as an OpenAI-compatible endpoint bills them, with the model's Tiktoken encoding: o200k_base for the
/// gpt-4o, gpt-4.1, gpt-5 and o-series models and for models it does not know (the encoding of current models),
/// cl100k_base for gpt-4 and gpt-3.5. A chat request is billed for its messages' text plus the chat format's framing:
/// three tokens per message and its role's, and three that open the reply.
/// </summary>
public sealed class ChatTokenCounter
{
    public const string O200kBase = "o200k_base";
    public const string Cl100kBase = "cl100k_base";

    private const int TokensPerMessage = 3;
    private const int ReplyPrimingTokens = 3;

    // Building an encoding reads its whole vocabulary (about 200,000 entries); one per process and encoding.
    private static readonly ConcurrentDictionary<string, Lazy<TiktokenTokenizer>> Encodings = new();

    private readonly TiktokenTokenizer _tokenizer;

    private ChatTokenCounter(string encoding)
    {
        Encoding = encoding;
        _tokenizer = Encodings.GetOrAdd(encoding, e => new Lazy<TiktokenTokenizer>(() => TiktokenTokenizer.CreateForEncoding(e))).Value;
    }

    public string Encoding { get; }

    public static ChatTokenCounter ForModel(string model) => new(EncodingOf(model));

    public static string EncodingOf(string model)
    {
        var name = model.Trim().ToLowerInvariant();
        return (name.StartsWith("gpt-4", StringComparison.Ordinal) && !name.StartsWith("gpt-4o", StringComparison.Ordinal)
                && !name.StartsWith("gpt-4.", StringComparison.Ordinal)) || name.StartsWith("gpt-3.5", StringComparison.Ordinal)
            ? Cl100kBase
            : O200kBase;
    }

    public int Count(string text) => text.Length == 0 ? 0 : _tokenizer.CountTokens(text);

    /// <summary>The prompt tokens of a chat request.</summary>
    public int CountChat(IEnumerable<ChatMessage> messages) =>
        ReplyPrimingTokens + messages.Sum(m => TokensPerMessage + Count(m.Role.Value) + Count(m.Text));
}
