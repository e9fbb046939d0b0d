
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
    private readonly ulong[] _fromFields;
    private readonly ulong[] _headerFields;

    public QuoteMarkers(List<string> attributionOpeners, List<string> attributionVerbs, List<string> fromFields,
        List<string> headerFields, List<string> separators)
    {
        _verbs = Distinct(attributionVerbs);
        _separators = Distinct(separators);
        // Longest first, so that "Original Message" is not found inside "Original Message Forwarded".
        Array.Sort(_separators, static (x, y) => y.Length.CompareTo(x.Length));
        var openers = new List<ulong[]>();
        foreach (var opener in attributionOpeners)
        {
            var hashes = WordScanner.Hashes(opener);
            if (hashes.Length > 0)
            {
                openers.Add(hashes);
            }
        }

        openers.Sort(static (x, y) => y.Length.CompareTo(x.Length));
        _openers = [.. openers];
        _fromFields = Keys(fromFields, out var fromWords);
        _headerFields = Keys([.. headerFields, .. fromFields], out var headerWords);
        LongestFieldWords = Math.Max(1, Math.Max(fromWords, headerWords));
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
        var rest = at;
        while (count < words.Length)
        {
            var start = WordScanner.FirstWord(rest, out var hash, out var length);
            // The opener's first word starts the line (or follows a space).
            if (start < 0 || (count == 0 && start != 0))
            {
                break;
            }

            words[count++] = hash;
            rest = rest[(start + length)..];
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

    public bool IsFromField(ulong key) => _fromFields.AsSpan().Contains(key);

    public bool IsHeaderField(ulong key) => _headerFields.AsSpan().Contains(key);

    private static string[] Distinct(List<string> values)
    {
        var distinct = new List<string>();
        foreach (var value in values)
        {
            if (!distinct.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                distinct.Add(value);
            }
        }

        return [.. distinct];
    }

    private static ulong[] Keys(List<string> labels, out int longest)
    {
        longest = 0;
        var keys = new ulong[labels.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var hashes = WordScanner.Hashes(labels[i]);
            keys[i] = Key(hashes);
            longest = Math.Max(longest, hashes.Length);
        }

        return keys;
    }

    /// <summary>The key of the words of <paramref name="label"/>, as <see cref="Key"/> makes it.</summary>
    public static ulong KeyOf(ReadOnlySpan<char> label)
    {
        var key = 0UL;
        while (true)
        {
            var at = WordScanner.FirstWord(label, out var hash, out var length);
            if (at < 0)
            {
                return key;
            }

            key = (key * 1099511628211) ^ hash;
            label = label[(at + length)..];
        }
    }

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
