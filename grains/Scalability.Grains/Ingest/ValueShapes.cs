using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Scalability.Grains.Ingest;

/// <summary>
/// What one value looks like: an e-mail address, a URL, a date or time, a number or an amount, a phone number, a
/// person's name; and how many words it holds. Each test looks at one trimmed, non-empty value; the
/// <see cref="ColumnProfiler"/> weighs a column's values together.
/// </summary>
public static partial class ValueShapes
{
    public static bool IsEmail(string value) => value.Length <= 320 && EmailPattern().IsMatch(value);

    // A bare address, or one with a display name: "Ana Lima <ana@example.com>".
    [GeneratedRegex(@"^(?:[^<>@]*<)?[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;.]+>?$")]
    private static partial Regex EmailPattern();

    public static bool IsUrl(string value) => UrlPattern().IsMatch(value);

    [GeneratedRegex(@"^(?:(?:https?|ftp)://|www\.)\S+$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    /// <summary>A number as people write them: <c>42</c>, <c>-3.5</c>, <c>1,234.50</c>, <c>1.234,50</c>, <c>12 %</c>, <c>1e6</c>.</summary>
    public static bool IsNumber(string value) => NumberPattern().IsMatch(value);

    [GeneratedRegex(@"^[+-]?(?:\d{1,3}(?:[,.\u00A0\u202F' ]\d{3})+|\d+)(?:[.,]\d+)?(?:[eE][+-]?\d+)?\s?%?$")]
    private static partial Regex NumberPattern();

    /// <summary>Digits only, with an optional sign: what an integer id looks like (leading zeros included).</summary>
    public static bool IsInteger(string value) => IntegerPattern().IsMatch(value);

    [GeneratedRegex(@"^[+-]?\d+$")]
    private static partial Regex IntegerPattern();

    // Symbols, then codes: a longer mark is tried before a shorter one it starts with ("US$" before "$").
    private static readonly string[] Currencies =
    [
        "US$", "R$", "$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₴", "₪", "฿", "₫", "₱",
        "USD", "EUR", "GBP", "CHF", "JPY", "CAD", "AUD", "NZD", "CNY", "INR", "SEK", "NOK", "DKK", "PLN", "CZK",
        "HUF", "BRL", "MXN", "ZAR", "SGD", "HKD", "KRW", "RUB", "TRY", "kr", "zł", "Kč", "Ft",
    ];

    /// <summary>A number with a currency before or after it: <c>$12.50</c>, <c>-€3</c>, <c>12,50 €</c>, <c>USD 100</c>.</summary>
    public static bool IsAmount(string value)
    {
        var unsigned = value.Length > 1 && value[0] is '-' or '+' ? value[1..] : value;
        foreach (var currency in Currencies)
        {
            if (unsigned.StartsWith(currency, StringComparison.Ordinal))
            {
                var rest = unsigned[currency.Length..].TrimStart();
                return rest.Length > 0 && char.IsAsciiDigit(rest[0]) && IsNumber(rest);
            }

            if (value.EndsWith(currency, StringComparison.Ordinal))
            {
                var rest = value[..^currency.Length].TrimEnd();
                return rest.Length > 0 && char.IsAsciiDigit(rest[^1]) && IsNumber(rest);
            }
        }

        return false;
    }

    /// <summary>What a date-or-time value holds.</summary>
    [Flags]
    public enum DateParts
    {
        None = 0,
        Date = 1,
        Time = 2,
    }

    // The day, month and year orders of ISO 8601, of most of Europe, of the US, and with English month names (the
    // invariant culture's, which e-mail and log exports use). "d" and "M" take one or two digits.
    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d",
        "d/M/yyyy", "M/d/yyyy", "d/M/yy", "M/d/yy",
        "d-M-yyyy", "M-d-yyyy",
        "d.M.yyyy", "d.M.yy", "d. M. yyyy",
        "d MMM yyyy", "d MMMM yyyy", "d-MMM-yyyy", "d-MMM-yy", "d. MMMM yyyy",
        "MMM d, yyyy", "MMMM d, yyyy", "MMM d yyyy", "MMMM d yyyy",
        "ddd, d MMM yyyy", "dddd, d MMMM yyyy", "ddd, MMM d, yyyy", "dddd, MMMM d, yyyy", "ddd MMM d yyyy",
    ];

    // A time after a date (or alone), with seconds, fractions, AM/PM and a zone when there are any.
    [GeneratedRegex(@"^(?<date>.*?)(?:^|[T ]+)(?<time>\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)(?:\s*(?<ampm>[AaPp]\.?[Mm]\.?))?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?$")]
    private static partial Regex TimePattern();

    /// <summary>Whether the value is a date, a time, or both (and which), as <see cref="DateParts.None"/> when it is neither.</summary>
    public static DateParts DateOrTime(string value)
    {
        // Every format starts with a digit or a month or day name, and none is long.
        if (value.Length is < 4 or > 48 || !value.Any(char.IsAsciiDigit))
        {
            return DateParts.None;
        }

        var date = value;
        var parts = DateParts.None;
        if (TimePattern().Match(value) is { Success: true } match)
        {
            if (!ValidTime(match.Groups["time"].Value, match.Groups["ampm"].Success))
            {
                return DateParts.None;
            }

            parts = DateParts.Time;
            date = match.Groups["date"].Value.Trim().TrimEnd(',');
            if (date.Length == 0)
            {
                return parts;
            }
        }

        return DateTime.TryParseExact(date, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
            ? parts | DateParts.Date
            : DateParts.None;
    }

    private static bool ValidTime(string time, bool twelveHour)
    {
        var fields = time.Split(':');
        var hours = int.Parse(fields[0], CultureInfo.InvariantCulture);
        var minutes = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var seconds = fields.Length > 2 ? double.Parse(fields[2].Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
        return (twelveHour ? hours is >= 1 and <= 12 : hours <= 23) && minutes <= 59 && seconds < 61;
    }

    /// <summary>
    /// A phone number: 7 to 15 digits with the marks people group them by, written as a phone number is (a leading
    /// <c>+</c> or <c>(</c>, or two or more groups): <c>+49 30 1234567</c>, <c>(555) 123-4567</c>, <c>555.123.4567</c>.
    /// Digits alone are left to the number and id tests.
    /// </summary>
    public static bool IsPhone(string value)
    {
        var match = PhonePattern().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var number = match.Groups["number"].Value;
        var digits = number.Count(char.IsAsciiDigit);
        if (digits is < 7 or > 15)
        {
            return false;
        }

        var groups = 0;
        for (var i = 1; i < number.Length; i++)
        {
            if (!char.IsAsciiDigit(number[i]) && char.IsAsciiDigit(number[i - 1]))
            {
                groups++;
            }
        }

        return number[0] is '+' or '(' || groups >= 2;
    }

    [GeneratedRegex(@"^(?<number>\+?[\d\s().\-/]+?)(?:\s*(?:x|ext\.?)\s*\d{1,6})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();

    // Lower-case words that names carry between capitalised ones ("Ludwig van Beethoven", "Maria da Silva").
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "van", "von", "de", "der", "den", "da", "das", "di", "do", "dos", "du", "del", "della", "la", "le", "bin", "ibn",
        "al", "el", "y", "e", "ter", "ten", "zu",
    };

    /// <summary>
    /// Two to five words that each start with a capital letter (or are a particle such as "van" or "de"), letters
    /// only: "Marisa Obrien", "Jean-Luc Picard", "O'Brien, Mary", "Maria da Silva". A product or team name looks the
    /// same; the profiler tells them apart by how often they repeat.
    /// </summary>
    public static bool IsPersonName(string value)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 5)
        {
            return false;
        }

        var capitalised = 0;
        foreach (var raw in words)
        {
            var word = raw.TrimEnd(',');
            if (NameParticles.Contains(word))
            {
                continue;
            }

            if (word.Length == 0 || !char.IsUpper(word[0]) || !word.All(c => char.IsLetter(c) || c is '\'' or '’' or '-' or '.'))
            {
                return false;
            }

            capitalised++;
        }

        return capitalised >= 2;
    }

    /// <summary>
    /// Whether every word of a value of two or more words starts with a capital letter ("LG Smart TV", "Pending
    /// Customer Response"), as names of things are written and phrases are not; null for a value of fewer words.
    /// </summary>
    public static bool? IsTitleCased(string value)
    {
        var words = 0;
        var capitalised = 0;
        var start = true;
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                if (start)
                {
                    words++;
                    capitalised += char.IsUpper(c) ? 1 : 0;
                }

                start = false;
            }
            else
            {
                start = c is not ('\'' or '’' or '-' or '_') && !char.IsDigit(c);
            }
        }

        return words < 2 ? null : capitalised == words;
    }

    /// <summary>
    /// The words of a value: runs of letters and digits (an apostrophe, a hyphen or an underscore inside one does not
    /// end it, so that "don't", "e-mail" and a code such as "cancel_order" are one word each), and
    /// in scripts written without spaces (Chinese, Japanese, Thai) one word for every two characters, about what a
    /// word there is long.
    /// </summary>
    public static int Words(string value)
    {
        var words = 0;
        var inWord = false;
        var unspaced = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsUnspaced(rune))
            {
                unspaced++;
                inWord = false;
                continue;
            }

            words += (unspaced + 1) / 2;
            unspaced = 0;
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                if (!inWord)
                {
                    words++;
                    inWord = true;
                }
            }
            else if (!(inWord && rune.Value is '\'' or '’' or '-' or '_'))
            {
                inWord = false;
            }
        }

        return words + (unspaced + 1) / 2;
    }

    private static bool IsUnspaced(Rune rune) => rune.Value is
        (>= 0x3040 and <= 0x30FF) or // hiragana, katakana
        (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x2FFFF) or // Han
        (>= 0x0E00 and <= 0x0E7F); // Thai
}
