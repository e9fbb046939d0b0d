using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Scalability.Grains.Processing;

/// <summary>
/// Folding for keyword matching across languages: case and accents ignored ("Rückerstattung" and "ruckerstattung",
/// "accès" and "acces" are the same word, as customers type them either way), a decomposed accent (e + U+0301, as
/// some systems export) part of its word, and the HTML entities of damaged exports read as what they stand for.
/// </summary>
internal static partial class TextScanning
{
    private const char FirstFolded = '\u00C0';
    private const char LastFolded = '\u024F';

    // For U+00C0 to U+024F: the letter without its accent, lower-case, or two letters for ß, æ, œ; null for a
    // non-letter (× and ÷).
    private static readonly string?[] LatinFolds = BuildLatinFolds();

    private static readonly FrozenDictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> NamedEntities =
        new Dictionary<string, char>(StringComparer.Ordinal)
        {
            ["amp"] = '&', ["nbsp"] = '\u00A0', ["quot"] = '"', ["apos"] = '\'', ["lt"] = '<', ["gt"] = '>',
            ["rsquo"] = '\u2019', ["lsquo"] = '\u2018', ["ndash"] = '\u2013', ["mdash"] = '\u2014', ["euro"] = '€',
            ["szlig"] = 'ß', ["aelig"] = 'æ', ["AElig"] = 'Æ', ["oelig"] = 'œ', ["OElig"] = 'Œ', ["oslash"] = 'ø',
            ["Oslash"] = 'Ø', ["aring"] = 'å', ["Aring"] = 'Å', ["ccedil"] = 'ç', ["Ccedil"] = 'Ç', ["ntilde"] = 'ñ',
            ["Ntilde"] = 'Ñ', ["iexcl"] = '¡', ["iquest"] = '¿', ["laquo"] = '«', ["raquo"] = '»',
        }.Concat(AccentedEntities()).ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether <paramref name="c"/> belongs to a word for keyword matching, and its folded form: lower-case without
    /// accents; <paramref name="second"/> is the second letter of ß ("ss"), æ and œ, else '\0'. A combining accent
    /// belongs to its word and folds to nothing (<paramref name="folded"/> is '\0').
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFoldKeywordChar(char c, out char folded, out char second)
    {
        second = '\0';
        if (c < 0x80)
        {
            return TryFoldWordChar(c, out folded);
        }

        if (c >= FirstFolded && c <= LastFolded)
        {
            var fold = LatinFolds[c - FirstFolded];
            if (fold is null)
            {
                folded = c;
                return false;
            }

            folded = fold[0];
            if (fold.Length > 1)
            {
                second = fold[1];
            }

            return true;
        }

        if (c is >= '\u0300' and <= '\u036F')
        {
            folded = '\0';
            return true;
        }

        return TryFoldWordChar(c, out folded);
    }

    /// <summary>
    /// The HTML entity at text[i] ("&amp;eacute;", "&amp;#39;", "&amp;#x27;"), decoded: its length, or 0 if there is
    /// none. Exports that went through HTML carry them inside words ("r&amp;eacute;siliation").
    /// </summary>
    public static int DecodeEntity(ReadOnlySpan<char> text, int i, out char decoded)
    {
        decoded = '\0';
        if (text[i] != '&')
        {
            return 0;
        }

        var end = text.Slice(i + 1, Math.Min(10, text.Length - i - 1)).IndexOf(';');
        if (end < 2)
        {
            return 0;
        }

        var name = text.Slice(i + 1, end);
        if (name[0] == '#')
        {
            var digits = name[1..];
            var hex = digits.Length > 1 && (digits[0] | 0x20) == 'x';
            if (!int.TryParse(hex ? digits[1..] : digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None,
                    CultureInfo.InvariantCulture, out var code) || code is <= 0 or > 0xFFFF)
            {
                return 0;
            }

            decoded = (char)code;
            return end + 2;
        }

        if (!NamedEntities.TryGetValue(name, out decoded))
        {
            return 0;
        }

        return end + 2;
    }

    private static string?[] BuildLatinFolds()
    {
        var folds = new string?[LastFolded - FirstFolded + 1];
        for (var c = FirstFolded; c <= LastFolded; c++)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            var fold = c switch
            {
                'ß' or 'ẞ' => "ss",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ø' or 'Ø' => "o",
                'đ' or 'Đ' => "d",
                'ł' or 'Ł' => "l",
                'ı' => "i",
                'ħ' or 'Ħ' => "h",
                'þ' or 'Þ' => "th",
                _ => null,
            };
            if (fold is null)
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                fold = char.IsAsciiLetter(decomposed[0]) ? char.ToLowerInvariant(decomposed[0]).ToString() : char.ToLowerInvariant(c).ToString();
            }

            folds[c - FirstFolded] = fold;
        }

        return folds;
    }

    private static IEnumerable<KeyValuePair<string, char>> AccentedEntities()
    {
        (string Name, char Mark)[] accents = [("acute", '\u0301'), ("grave", '\u0300'), ("circ", '\u0302'), ("uml", '\u0308'), ("tilde", '\u0303')];
        foreach (var letter in "aeiouyAEIOUY")
        {
            foreach (var (name, mark) in accents)
            {
                var composed = string.Concat(letter, mark).Normalize(NormalizationForm.FormC);
                if (composed.Length == 1)
                {
                    yield return new(letter + name, composed[0]);
                }
            }
        }
    }
}
