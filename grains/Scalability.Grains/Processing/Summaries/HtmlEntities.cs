using System.Globalization;
using System.Net;
using System.Text;

namespace Scalability.Grains.Processing.Summaries;

/// <summary>
/// Decodes one HTML character reference (<c>&amp;eacute;</c>, <c>&amp;#39;</c>, <c>&amp;#xE9;</c>) without allocating:
/// the named ones that Latin-script tickets carry are looked up in a table built once from
/// <see cref="WebUtility.HtmlDecode(string)"/>, and any other name falls back to it.
/// </summary>
internal static class HtmlEntities
{
    // Latin-1, the typographic marks and the few symbols that exports of European tickets carry.
    private static readonly string[] Names =
    [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
        "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
        "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
        "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
        "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
        "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
        "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
        "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml", "quot", "amp", "lt", "gt",
        "OElig", "oelig", "Scaron", "scaron", "Yuml", "circ", "tilde", "ensp", "emsp", "thinsp", "zwnj", "zwj", "lrm",
        "rlm", "ndash", "mdash", "lsquo", "rsquo", "sbquo", "ldquo", "rdquo", "bdquo", "dagger", "Dagger", "bull",
        "hellip", "permil", "prime", "Prime", "lsaquo", "rsaquo", "euro", "trade", "larr", "rarr", "uarr", "darr",
    ];

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Named = BuildNamed();

    /// <summary>The longest name looked for: a longer run after '&amp;' is not a reference.</summary>
    private const int MaxNameLength = 10;

    /// <summary>
    /// Decodes the reference that starts at <paramref name="text"/>[0] ('&amp;') into <paramref name="output"/>,
    /// returning the characters written (one or two) and consumed; 0 written when it is not a reference.
    /// </summary>
    public static int Decode(ReadOnlySpan<char> text, Span<char> output, out int consumed)
    {
        consumed = 0;
        if (text.Length < 3)
        {
            return 0;
        }

        var semicolon = text[1..Math.Min(text.Length, MaxNameLength + 2)].IndexOf(';') + 1;
        if (semicolon < 2)
        {
            return 0;
        }

        var name = text[1..semicolon];
        if (name[0] == '#')
        {
            var digits = name[1..];
            var hex = digits.Length > 0 && digits[0] is 'x' or 'X';
            if (hex)
            {
                digits = digits[1..];
            }

            if (digits.IsEmpty
                || !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                || !Rune.TryCreate(code, out var rune))
            {
                return 0;
            }

            consumed = semicolon + 1;
            return rune.EncodeToUtf16(output);
        }

        if (Named.TryGetValue(name, out var value))
        {
            consumed = semicolon + 1;
            value.CopyTo(output);
            return value.Length;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return 0;
            }
        }

        var reference = text[..(semicolon + 1)].ToString();
        var decoded = WebUtility.HtmlDecode(reference);
        if (decoded == reference || decoded.Length > output.Length)
        {
            return 0;
        }

        consumed = semicolon + 1;
        decoded.CopyTo(output);
        return decoded.Length;
    }

    private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BuildNamed()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal) { ["apos"] = "'" };
        foreach (var name in Names)
        {
            var reference = "&" + name + ";";
            var decoded = WebUtility.HtmlDecode(reference);
            if (decoded != reference)
            {
                table[name] = decoded;
            }
        }

        return table.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
