using System.Collections.Frozen;

namespace Scalability.Grains.Processing.Summaries;

/// <summary>
/// The quoting rules of every language, compiled for <see cref="TicketTextNormalizer"/>: the attribution verbs and
/// separator phrases as strings, the openers and header fields as word hashes.
/// </summary>
internal sealed class QuoteMarkers
{
    private readonly string[] _verbs;
    private readonly string[] _separators;
    private readonly ulong[][] _openers;
    private readonly FrozenSet<ulong> _fromFields;
    private readonly FrozenSet<ulong> _headerFields;

    public QuoteMarkers(IEnumerable<string> attributionOpeners, IEnumerable<string> attributionVerbs,
        IEnumerable<string> fromFields, IEnumerable<string> headerFields, IEnumerable<string> separators)
    {
        _verbs = attributionVerbs.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _separators = separators.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(s => s.Length).ToArray();
        _openers = attributionOpeners.Select(WordScanner.Hashes).Where(h => h.Length > 0)
            .OrderByDescending(h => h.Length).ToArray();
        _fromFields = fromFields.Select(f => Key(WordScanner.Hashes(f))).ToFrozenSet();
        _headerFields = headerFields.Concat(fromFields).Select(f => Key(WordScanner.Hashes(f))).ToFrozenSet();
        LongestFieldWords = fromFields.Concat(headerFields).Select(f => WordScanner.Hashes(f).Length).DefaultIfEmpty(1).Max();
    }

    /// <summary>The attribution verbs: "wrote", "schrieb", "a écrit" …</summary>
    public ReadOnlySpan<string> Verbs => _verbs;

    /// <summary>The separator phrases, longest first: "original message", "ursprüngliche nachricht" …</summary>
    public ReadOnlySpan<string> Separators => _separators;

    /// <summary>The most words a header field's label has ("enviado el": 2).</summary>
    public int LongestFieldWords { get; }

    /// <summary>Whether an attribution opener ("On", "Il giorno") starts at <paramref name="at"/>.</summary>
    public bool StartsWithOpener(ReadOnlySpan<char> at)
    {
        Span<ulong> words = stackalloc ulong[4];
        var count = 0;
        var position = 0;
        while (count < words.Length && WordScanner.Next(at, ref position, out var word))
        {
            // The opener's words follow each other with spaces only: "On", not "On-line".
            if (count == 0 && word.Start != 0)
            {
                return false;
            }

            words[count++] = word.Hash;
        }

        foreach (var opener in _openers)
        {
            if (opener.Length <= count && words[..opener.Length].SequenceEqual(opener))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsFromField(ulong key) => _fromFields.Contains(key);

    public bool IsHeaderField(ulong key) => _headerFields.Contains(key);

    /// <summary>One key for a run of words: a header label may have two ("antwort an").</summary>
    public static ulong Key(ReadOnlySpan<ulong> words)
    {
        var key = 0UL;
        foreach (var word in words)
        {
            key = (key * 1099511628211) ^ word;
        }

        return key;
    }
}
