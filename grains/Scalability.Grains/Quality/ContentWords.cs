using System.Text;
using Scalability.Grains.Processing.Languages;

namespace Scalability.Grains.Quality;

/// <summary>One content word of a text, as the clustering compares it.</summary>
/// <param name="Key">The word lower-cased, a plural ending taken off ("points" → "point", "deliveries" → "delivery"), so
/// that the forms of a word meet.</param>
/// <param name="Word">The word lower-cased as the text has it, for showing.</param>
/// <param name="FollowsPrevious">Whether it comes right after the previous content word, with nothing left out in
/// between: the two then make a phrase ("gift card").</param>
public readonly record struct ContentWord(string Key, string Word, bool FollowsPrevious);

/// <summary>
/// The words of a ticket that say what it is about. Words are runs of letters of 3 to 30 characters, lower-cased; a
/// hyphen or a slash parts them ("gift-card" is "gift" and "card"). Left out: the stop words of every supported
/// language (a ticket's language may not be known), numbers and anything with a digit or an underscore in it (ids,
/// order numbers, codes such as "ORD-998"), template placeholders such as <c>{product_purchased}</c> or
/// <c>{{Order Number}}</c>, and e-mail and web addresses. An elided article ("l'adresse") gives the word after it; an
/// English contraction ("we'd", "don't") is a stop word and is left out, a possessive ("company's") gives its word.
/// Pure and thread-safe.
/// </summary>
public sealed class ContentWords(IReadOnlySet<string> stopWords)
{
    public const int MinLength = 3;
    public const int MaxLength = 30;

    // A brace that is not closed this soon is not a placeholder.
    private const int MaxPlaceholderLength = 64;

    public static ContentWords Default { get; } = new(LanguageResources.AllStopWords);

    /// <summary>The content words of <paramref name="text"/>, in order, added to <paramref name="words"/>.</summary>
    public void Extract(string text, List<ContentWord> words)
    {
        ArgumentNullException.ThrowIfNull(text);
        var token = new StringBuilder(MaxLength + 8);
        var follows = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{' && PlaceholderEnd(text, i) is var end and > 0)
            {
                i = end;
                follows = false;
                continue;
            }

            if (!IsWordChar(c))
            {
                // A phrase runs over spaces, not over punctuation.
                follows &= char.IsWhiteSpace(c);
                i++;
                continue;
            }

            // A compound: words joined by hyphens, slashes, dots or an @. One with a digit is an id or a code
            // ("ORD-998", "v2"), one with a dot or an @ an address ("shop.example", "ann@mail.example"): left out whole.
            var start = i;
            var code = false;
            while (i < text.Length)
            {
                if (IsWordChar(text[i]) || IsApostrophe(text[i]))
                {
                    code |= char.IsDigit(text[i]) || text[i] == '_';
                    i++;
                }
                else if (text[i] is '-' or '/' or '.' or '@' or ':' && i + 1 < text.Length && (IsWordChar(text[i + 1]) || text[i] == ':' && text[i + 1] == '/'))
                {
                    code |= text[i] is '.' or '@' or ':';
                    i++;
                }
                else
                {
                    break;
                }
            }

            if (code)
            {
                follows = false;
                continue;
            }

            foreach (var part in text.AsSpan(start, i - start).ToString().Split('-', '/'))
            {
                if (Word(part, token) is { } word)
                {
                    words.Add(new ContentWord(KeyOf(word), word, follows));
                    follows = true;
                }
                else
                {
                    follows = false;
                }
            }
        }
    }

    /// <summary>The key of a lower-cased word: its plural ending taken off.</summary>
    public static string KeyOf(string word)
    {
        if (word.Length >= 5 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.Length >= 4 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            return word[..^1];
        }

        return word;
    }

    /// <summary>The word a run of letters (and apostrophes) stands for, or null when it is left out.</summary>
    private string? Word(ReadOnlySpan<char> run, StringBuilder token)
    {
        token.Clear();
        if (run.Length > 2 * MaxLength)
        {
            return null;
        }

        var apostrophe = run.IndexOfAny('\'', '’');
        if (apostrophe > 0 && run[(apostrophe + 1)..].IndexOfAny('\'', '’') < 0)
        {
            var before = run[..apostrophe];
            var after = run[(apostrophe + 1)..];
            if (after.Length >= MinLength && (before.Length <= 2 || before.Length <= MaxLength && stopWords.Contains(Lower(before))))
            {
                // An elided article or pronoun: the word is what follows it.
                run = after;
            }
            else if (after is "s" or "S")
            {
                run = before;
            }
            else if (after.Length <= 2)
            {
                // A contraction of a pronoun or an auxiliary (we'd, they're, don't): function words both.
                return null;
            }
        }

        foreach (var c in run)
        {
            if (char.IsLetter(c))
            {
                token.Append(char.ToLowerInvariant(c));
            }
        }

        if (token.Length < MinLength || token.Length > MaxLength)
        {
            return null;
        }

        var word = token.ToString();
        return stopWords.Contains(word) ? null : word;
    }

    private static string Lower(ReadOnlySpan<char> text)
    {
        Span<char> lower = stackalloc char[text.Length];
        text.ToLowerInvariant(lower);
        return lower.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsApostrophe(char c) => c is '\'' or '’';

    /// <summary>Where a placeholder that opens at <paramref name="open"/> ends (after its last brace), or 0.</summary>
    private static int PlaceholderEnd(string text, int open)
    {
        var limit = Math.Min(text.Length, open + MaxPlaceholderLength);
        for (var i = open + 1; i < limit; i++)
        {
            if (text[i] == '}')
            {
                while (i < text.Length && text[i] == '}')
                {
                    i++;
                }

                return i;
            }

            if (text[i] == '\n')
            {
                return 0;
            }
        }

        return 0;
    }
}
