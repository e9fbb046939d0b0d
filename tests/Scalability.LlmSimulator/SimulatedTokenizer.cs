using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;

namespace Scalability.LlmSimulation;

/// <summary>
/// Counts usage as a real endpoint bills it: with the model's Tiktoken encoding (o200k_base when the model's name is not
/// one Tiktoken knows), and for a prompt, the chat format's framing too: three tokens per message plus its role's, and
/// three that open the reply.
/// </summary>
internal static class SimulatedTokenizer
{
    private static readonly ConcurrentDictionary<string, Lazy<Tokenizer>> ByModel = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Loads the encoding of unknown model names and the gpt-4o family, the one tests and benchmarks use.</summary>
    public static void Warm() => Count("gpt-4o-mini", "warm");

    public static int Count(string model, string text) => text.Length == 0 ? 0 : For(model).CountTokens(text);

    public static int CountPrompt(string model, IEnumerable<(string Role, string Content)> messages) =>
        3 + messages.Sum(m => 3 + Count(model, m.Role) + Count(model, m.Content));

    private static Tokenizer For(string model) => ByModel.GetOrAdd(model, m => new Lazy<Tokenizer>(() => Create(m))).Value;

    private static Tokenizer Create(string model)
    {
        try
        {
            return TiktokenTokenizer.CreateForModel(model);
        }
        catch (NotSupportedException)
        {
            return TiktokenTokenizer.CreateForEncoding("o200k_base");
        }
    }
}
