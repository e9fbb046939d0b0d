namespace Scalability.Grains.Processing.Training.Linear;

/// <summary>
/// A text's words and word pairs as 64-bit hashes, without making a string: a word is a run of two or more letters,
/// digits or underscores, lower-cased (the tokens of scikit-learn's <c>TfidfVectorizer</c> with its default pattern
/// <c>\b\w\w+\b</c>), and a pair is two words in a row. The hash is FNV-1a over the lower-cased UTF-16 code units, and a
/// pair's hash is mixed from its words' hashes, so that the same text gives the same hashes in every process and on
/// every machine (a model file stores them). Two different terms share a hash with odds of about one in 2^64 per pair
/// of terms, which a vocabulary of millions of terms never meets.
/// </summary>
public static class WordNgrams
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>Words shorter than this are not terms (one letter, one digit).</summary>
    public const int MinimumWordLength = 2;

    /// <summary>Calls <paramref name="sink"/> with the hash of every word and every pair of adjacent words, in text order.</summary>
    public static void Hash<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, ITermSink
    {
        var previous = 0UL;
        var hasPrevious = false;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var hash = FnvOffset;
            while (i < text.Length && IsWordChar(text[i]))
            {
                hash = (hash ^ char.ToLowerInvariant(text[i])) * FnvPrime;
                i++;
            }

            if (i - start < MinimumWordLength)
            {
                // sklearn's pattern never yields such a word, so a pair spans it: "a" in "pay a bill" does not break "pay bill".
                continue;
            }

            hash = Finish(hash);
            sink.Add(hash);
            if (hasPrevious)
            {
                sink.Add(Pair(previous, hash));
            }

            previous = hash;
            hasPrevious = true;
        }
    }

    /// <summary>The hash of a word pair; never equal to either word's own hash except by chance.</summary>
    public static ulong Pair(ulong first, ulong second) => Finish(first * 0x9E3779B97F4A7C15UL ^ second ^ 0xD6E8FEB86659FD93UL);

    /// <summary>The hash of one word as <see cref="Hash{TSink}"/> reports it: for tests and diagnostics.</summary>
    public static ulong Word(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * FnvPrime;
        }

        return Finish(hash);
    }

    private static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) || c == '_' : char.IsLetterOrDigit(c);

    // SplitMix64's finalizer: FNV-1a's low bits are weak, and the vocabulary's table uses them.
    private static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>Receives the term hashes of a text from <see cref="WordNgrams.Hash{TSink}"/>; a struct, so the call is inlined.</summary>
public interface ITermSink
{
    void Add(ulong term);
}
