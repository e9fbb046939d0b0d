using System.Runtime.CompilerServices;

namespace Scalability.Grains.Processing.Summaries;

/// <summary>One word of a text: where it is, its hash, and what it looks like.</summary>
internal readonly record struct WordSpan(int Start, int Length, ulong Hash, bool HasDigit, bool HasLetter, bool Capitalized);

/// <summary>
/// Finds words the way <see cref="TextScanning"/> folds them: runs of letters and digits, with apostrophes inside a
/// word ("can't") kept in it, each hashed (FNV-1a over its lower-cased characters) for the lexicon's lookups. The
/// boilerplate lists are read with the same scanner, so that a list entry and a word of a ticket hash alike.
/// </summary>
internal static class WordScanner
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>The next word at or after <paramref name="position"/>, which moves past it; false at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Next(ReadOnlySpan<char> text, ref int position, out WordSpan word)
    {
        var i = position;
        while (i < text.Length && !TextScanning.TryFoldWordChar(text[i], out _))
        {
            i++;
        }

        if (i >= text.Length)
        {
            position = i;
            word = default;
            return false;
        }

        var start = i;
        var hash = FnvOffset;
        var hasDigit = false;
        var hasLetter = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (TextScanning.TryFoldWordChar(c, out var folded))
            {
                hash = (hash ^ folded) * FnvPrime;
                // Branch-free for ASCII: a folded word character is a digit or a letter.
                var digit = (uint)(folded - '0') <= 9 || (c > 0x7F && char.IsDigit(c));
                hasDigit |= digit;
                hasLetter |= !digit;
            }
            else if (!TextScanning.IsApostropheInWord(text, i))
            {
                break;
            }
        }

        position = i;
        var first = text[start];
        word = new WordSpan(start, i - start, hash, hasDigit, hasLetter, first < 0x80 ? (uint)(first - 'A') <= 'Z' - 'A' : char.IsUpper(first));
        return true;
    }

    /// <summary>
    /// Where the first word of <paramref name="text"/> starts, its hash and length; -1 when there is none. Not inlined:
    /// for the paths that look at a word now and then, so that the scanner's loop is compiled into the hot path only.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int FirstWord(ReadOnlySpan<char> text, out ulong hash, out int length)
    {
        var position = 0;
        if (Next(text, ref position, out var word))
        {
            hash = word.Hash;
            length = word.Length;
            return word.Start;
        }

        hash = 0;
        length = 0;
        return -1;
    }

    /// <summary>The hashes of the words of a phrase, in order.</summary>
    public static ulong[] Hashes(ReadOnlySpan<char> phrase)
    {
        var count = 0;
        for (var rest = phrase; ;)
        {
            var at = FirstWord(rest, out _, out var length);
            if (at < 0)
            {
                break;
            }

            count++;
            rest = rest[(at + length)..];
        }

        var hashes = new ulong[count];
        var i = 0;
        for (var rest = phrase; i < count;)
        {
            var at = FirstWord(rest, out hashes[i++], out var length);
            rest = rest[(at + length)..];
        }

        return hashes;
    }
}
