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
                if (char.IsAsciiDigit(c) || (c > 0x7F && char.IsDigit(c)))
                {
                    hasDigit = true;
                }
                else
                {
                    hasLetter = true;
                }
            }
            else if (!TextScanning.IsApostropheInWord(text, i))
            {
                break;
            }
        }

        position = i;
        word = new WordSpan(start, i - start, hash, hasDigit, hasLetter, char.IsUpper(text[start]));
        return true;
    }

    /// <summary>The hashes of the words of a phrase, in order.</summary>
    public static ulong[] Hashes(string phrase)
    {
        var hashes = new List<ulong>();
        var position = 0;
        while (Next(phrase, ref position, out var word))
        {
            hashes.Add(word.Hash);
        }

        return [.. hashes];
    }
}
