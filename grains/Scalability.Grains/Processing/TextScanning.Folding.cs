using System.Globalization;
using System.Runtime.CompilerServices;

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

    // Built when the first entity is met: most exports have none.
    private static readonly Lazy<Dictionary<string, char>.AlternateLookup<ReadOnlySpan<char>>> NamedEntities = new(() =>
        new Dictionary<string, char>(StringComparer.Ordinal)
        {
            ["amp"] = '&', ["nbsp"] = '\u00A0', ["quot"] = '"', ["apos"] = '\'', ["lt"] = '<', ["gt"] = '>',
            ["rsquo"] = '\u2019', ["lsquo"] = '\u2018', ["ndash"] = '\u2013', ["mdash"] = '\u2014', ["euro"] = '€',
            ["szlig"] = 'ß', ["aelig"] = 'æ', ["AElig"] = 'Æ', ["oelig"] = 'œ', ["OElig"] = 'Œ', ["oslash"] = 'ø',
            ["Oslash"] = 'Ø', ["aring"] = 'å', ["Aring"] = 'Å', ["ccedil"] = 'ç', ["Ccedil"] = 'Ç', ["ntilde"] = 'ñ',
            ["Ntilde"] = 'Ñ', ["iexcl"] = '¡', ["iquest"] = '¿', ["laquo"] = '«', ["raquo"] = '»',
        }.Concat(AccentedEntities()).ToDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>());

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

        if (!NamedEntities.Value.TryGetValue(name, out decoded))
        {
            return 0;
        }

        return end + 2;
    }

    // Each letter of U+00C0 to U+024F without its accent, lower-case ('\0' for × and ÷, U+0001 where the letter
    // folds to two, below). Written out rather than computed with string.Normalize, which does not decompose under
    // the invariant globalization the product runs with.
    private const string LatinFoldTable =
        "aaaaaa\u0001ceeeeiiiidnooooo\0ouuuuy\u0001\u0001" + // U+00C0
        "aaaaaa\u0001ceeeeiiiidnooooo\0ouuuuy\u0001y" + // U+00E0
        "aaaaaaccccccccddddeeeeeeeeeegggg" + // U+0100
        "gggghhhhiiiiiiiiii\u0001\u0001jjkkklllllll" + // U+0120
        "lllnnnnnnnnnoooooo\u0001\u0001rrrrrrssssss" + // U+0140
        "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs" + // U+0160
        "bbƃƃƅƅɔccddƌƌƍǝəɛffɠɣƕɩɨkklƛɯnnɵ" + // U+0180
        "ooƣƣppʀƨƨʃƪttttuuʊvyyzzʒƹƹƺƻƽƽƾƿ" + // U+01A0
        "ǀǁǂǃǆǆǆǉǉǉǌǌǌaaiioouuuuuuuuuuǝaa" + // U+01C0
        "aaǣǣǥǥggkkooooǯǯjǳǳǳggƕƿnnaaǽǽǿǿ" + // U+01E0
        "aaaaeeeeiiiioooorrrruuuussttȝȝhh" + // U+0200
        "ƞȡȣȣzzaaeeooooooooyyȴȵȶȷȸȹacclts" + // U+0220
        "zɂɂƀʉʌeejjɋɋrryy"; // U+0240

    [MethodImpl(MethodImplOptions.NoOptimization)]
    private static string?[] BuildLatinFolds()
    {
        var folds = new string?[LastFolded - FirstFolded + 1];
        for (var i = 0; i < folds.Length; i++)
        {
            var c = (char)(FirstFolded + i);
            folds[i] = LatinFoldTable[i] switch
            {
                '\0' => null,
                '\u0001' => c switch
                {
                    'ß' => "ss",
                    'Æ' or 'æ' => "ae",
                    'Œ' or 'œ' => "oe",
                    'Þ' or 'þ' => "th",
                    _ => "ij",
                },
                var folded => folded.ToString(),
            };
        }

        return folds;
    }

    private static IEnumerable<KeyValuePair<string, char>> AccentedEntities()
    {
        // HTML's named entities for accented letters: "&eacute;" is é.
        (string Accent, string Base, string Letters)[] entities =
        [
            ("acute", "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"),
            ("grave", "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
            ("circ", "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
            ("uml", "aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ"),
            ("tilde", "aoAO", "ãõÃÕ"),
        ];
        foreach (var (accent, bases, letters) in entities)
        {
            for (var i = 0; i < bases.Length; i++)
            {
                yield return new(bases[i] + accent, letters[i]);
            }
        }
    }
}
