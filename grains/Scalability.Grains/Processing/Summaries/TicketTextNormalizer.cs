using System.Buffers;

namespace Scalability.Grains.Processing.Summaries;

/// <summary>
/// Turns a ticket's text as exports deliver it into what its writer meant, before anything reads its sentences:
/// <list type="number">
/// <item>literal escapes decoded: the two characters <c>\n</c>, <c>\r\n</c>, <c>\r</c> become a line break, <c>\t</c>
/// a space (only when the text shows they are escapes, so that a path such as <c>C:\new</c> stays as it is);</item>
/// <item>HTML: character references decoded (<c>&amp;eacute;</c>, <c>&amp;#39;</c>), line-level tags (<c>&lt;br&gt;</c>,
/// <c>&lt;p&gt;</c>, <c>&lt;div&gt;</c>, <c>&lt;li&gt;</c> …) made line breaks, other known tags, comments and the
/// contents of <c>&lt;style&gt;</c>/<c>&lt;script&gt;</c> removed; a '&lt;' that opens no known tag ("a &lt; b",
/// "&lt;support@example.com&gt;") is kept;</item>
/// <item>quoted earlier messages removed: lines starting with '&gt;'; from a separator line ("-----Original
/// Message-----", "-----Ursprüngliche Nachricht-----", "Begin forwarded message:"), a header block (a "From:" line
/// followed by "Sent:", "To:" or "Subject:", in each language's words: "Von:"/"Gesendet:", "De :"/"Objet :" …) or an
/// attribution line ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", "El … escribió:", "Em … escreveu:",
/// "Il … ha scritto:", "Op … schreef …:", with a date or an address in it) everything to the end, except that an
/// attribution followed by '&gt;' lines only drops itself (the reply may go on below the quote). When that would
/// leave nothing, the quoted text is kept instead;</item>
/// <item>white space: other spaces (no-break, thin, tabs) become plain spaces, runs of spaces one, lines are trimmed,
/// runs of blank lines become one blank line, and the text starts and ends with a non-blank line; zero-width
/// characters and soft hyphens are dropped.</item>
/// </list>
/// The words of the quoting rules are data: <see cref="QuotingRules"/> in each language's boilerplate.json.
/// Thread-safe; deterministic.
/// </summary>
public sealed class TicketTextNormalizer
{
    private const string AsciiTriggers = "\\&<\r\t\v\f";
    private const string OtherTriggers =
        "\u0085\u00A0\u00AD\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A" +
        "\u200B\u200C\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF";

    private static readonly SearchValues<char> DecodeTriggers = SearchValues.Create(AsciiTriggers + OtherTriggers);

    // The same split in two: a search among ASCII characters is vectorised, one that includes others is not, and most
    // tickets need only the first, and the second only when they have a character beyond ASCII at all.
    private static readonly SearchValues<char> AsciiDecodeTriggers = SearchValues.Create(AsciiTriggers);
    private static readonly SearchValues<char> OtherDecodeTriggers = SearchValues.Create(OtherTriggers);

    private static readonly SearchValues<char> SeparatorDecoration = SearchValues.Create("-_=*~ ");
    private static readonly SearchValues<char> QuoteHints = SearchValues.Create(":-_");

    // A tag longer than this is not a tag: a '<' in prose whose '>' comes much later.
    private const int MaxTagLength = 1024;

    // How far an attribution's opener may stand before its verb, and its colon after.
    private const int MaxAttributionLength = 250;
    private const int MaxColonDistance = 120;

    // How many lines after a "From:" line the block's next field may come.
    private const int HeaderBlockLines = 4;

    private readonly QuoteMarkers _markers;

    internal TicketTextNormalizer(QuoteMarkers markers)
    {
        _markers = markers;
    }

    /// <summary>The normaliser with every supported language's quoting rules.</summary>
    public static TicketTextNormalizer Default { get; } = new(SummaryLexicon.Default.Quoting);

    /// <summary>The text as its writer meant it, without quoted messages; see the class's rules.</summary>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Normalize(text, new NormalizerBuffers()).ToString();
    }

    /// <summary>The same into <paramref name="buffers"/>, which the result points into: it is valid until their next use.</summary>
    internal ReadOnlySpan<char> Normalize(ReadOnlySpan<char> text, NormalizerBuffers buffers)
    {
        var decoded = text;
        var triggers = text.ContainsAny(AsciiDecodeTriggers)
                       || (text.ContainsAnyExceptInRange('\0', '\u007F') && text.ContainsAny(OtherDecodeTriggers));
        if (!triggers && IsAlreadyNormal(text))
        {
            return text;
        }

        if (triggers)
        {
            var escapes = text.Contains('\\') && EscapesAreLineBreaks(text);
            var target = buffers.Decoded(text.Length);
            var length = Decode(text, target, escapes, out var revealed);
            decoded = target.AsSpan(0, length);
            if (revealed)
            {
                // "&lt;br&gt;" and "&amp;eacute;": exported twice, decoded twice.
                var again = buffers.Spare(length);
                decoded = again.AsSpan(0, Decode(decoded, again, escapes: false, out _));
            }
        }

        var output = buffers.Structured(decoded.Length);
        var written = Structure(decoded, output, keepQuoted: false);
        if (!HasLetterOrDigit(output.AsSpan(0, written)) && HasLetterOrDigit(decoded))
        {
            written = Structure(decoded, output, keepQuoted: true);
        }

        return output.AsSpan(0, written);
    }

    /// <summary>
    /// Whether a text without escapes, tags or odd spaces is already what <see cref="Structure"/> would make of it: no
    /// colon or dashes that a quoted message would need, no '&gt;' line, no space to collapse or trim, no run of blank
    /// lines. Most tickets are, and a few searches cost less than copying them line by line.
    /// </summary>
    private static bool IsAlreadyNormal(ReadOnlySpan<char> text) =>
        text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]) && text[0] != '>'
        && !text.Contains(':') && !text.Contains("--", StringComparison.Ordinal) && !text.Contains("__", StringComparison.Ordinal)
        && !text.Contains("\n>", StringComparison.Ordinal) && !text.Contains("  ", StringComparison.Ordinal)
        && !text.Contains(" \n", StringComparison.Ordinal) && !text.Contains("\n ", StringComparison.Ordinal)
        && !text.Contains("\n\n\n", StringComparison.Ordinal);

    /// <summary>
    /// Whether the text's backslashes are line-break escapes: some "\n" stands where a line break would (after
    /// punctuation, before a capital, a digit, a space or another escape) and not where a path has one ("C:\new").
    /// </summary>
    private static bool EscapesAreLineBreaks(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOf('\\'); i >= 0 && i + 1 < text.Length; i = NextBackslash(text, i + 1))
        {
            var next = text[i + 1];
            if (next == 'r' && text[(i + 2)..].StartsWith("\\n"))
            {
                return true;
            }

            if (next != 'n')
            {
                continue;
            }

            var before = i > 0 ? text[i - 1] : ' ';
            var after = i + 2 < text.Length ? text[i + 2] : ' ';
            if (before == ':')
            {
                continue;
            }

            if (after is '\\' or ' ' || char.IsUpper(after) || char.IsDigit(after) || i + 2 == text.Length
                || before is '.' or ',' or '!' or '?' or ';' or ')' or '"' or '\'' or ' ')
            {
                return true;
            }
        }

        return false;
    }

    private static int NextBackslash(ReadOnlySpan<char> text, int from)
    {
        var at = text[from..].IndexOf('\\');
        return at < 0 ? -1 : from + at;
    }

    /// <summary>Pass one: escapes, references, tags and odd white space, character by character into <paramref name="output"/>.</summary>
    /// <param name="revealed">Set when a reference decoded to '&lt;' or '&amp;': there may be more to decode.</param>
    private static int Decode(ReadOnlySpan<char> text, Span<char> output, bool escapes, out bool revealed)
    {
        revealed = false;
        var w = 0;
        var i = 0;
        Span<char> reference = stackalloc char[16];
        while (i < text.Length)
        {
            var skip = text[i..].IndexOfAny(DecodeTriggers);
            if (skip < 0)
            {
                text[i..].CopyTo(output[w..]);
                w += text.Length - i;
                break;
            }

            text.Slice(i, skip).CopyTo(output[w..]);
            w += skip;
            i += skip;
            var c = text[i];
            switch (c)
            {
                case '\\':
                    var next = i + 1 < text.Length ? text[i + 1] : '\0';
                    if (escapes && next is 'n' or 'r')
                    {
                        output[w++] = '\n';
                        i += next == 'r' && text[(i + 2)..].StartsWith("\\n") ? 4 : 2;
                    }
                    else if (escapes && next == 't')
                    {
                        output[w++] = ' ';
                        i += 2;
                    }
                    else
                    {
                        output[w++] = c;
                        i++;
                    }

                    break;
                case '\r':
                    output[w++] = '\n';
                    i += i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    break;
                case '\u0085' or '\u2028' or '\u2029':
                    output[w++] = '\n';
                    i++;
                    break;
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    i++;
                    break;
                case '&':
                    var written = HtmlEntities.Decode(text[i..], reference, out var consumed);
                    if (written == 0)
                    {
                        output[w++] = c;
                        i++;
                        break;
                    }

                    foreach (var d in reference[..written])
                    {
                        revealed |= d is '<' or '&';
                        output[w++] = char.IsWhiteSpace(d) && d != '\n' ? ' ' : d;
                    }

                    i += consumed;
                    break;
                case '<':
                    var tag = Tag(text[i..], out var length);
                    if (tag == TagKind.None)
                    {
                        output[w++] = c;
                        i++;
                        break;
                    }

                    if (tag == TagKind.Break)
                    {
                        output[w++] = '\n';
                    }
                    else if (tag == TagKind.Cell)
                    {
                        output[w++] = ' ';
                    }

                    i += length;
                    break;
                default:
                    // Tabs and the other spaces.
                    output[w++] = ' ';
                    i++;
                    break;
            }
        }

        return w;
    }

    private enum TagKind : byte
    {
        None,
        Break,
        Cell,
        Inline,
        SkipContent,
    }

    /// <summary>What the tag at <paramref name="text"/>[0] ('&lt;') is, and how long it is with any content it hides.</summary>
    private static TagKind Tag(ReadOnlySpan<char> text, out int length)
    {
        length = 0;
        if (text.Length < 3)
        {
            return TagKind.None;
        }

        if (text[1] is '!' or '?')
        {
            // <!-- comment -->, <!DOCTYPE …>, <?xml …?>
            var end = text.StartsWith("<!--") ? text.IndexOf("-->") : text.IndexOf('>');
            if (end < 0 || end > MaxTagLength)
            {
                return TagKind.None;
            }

            length = end + (text.StartsWith("<!--") ? 3 : 1);
            return TagKind.Inline;
        }

        var nameStart = text[1] == '/' ? 2 : 1;
        var nameEnd = nameStart;
        while (nameEnd < text.Length && nameEnd - nameStart < 12 && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] == ':'))
        {
            nameEnd++;
        }

        if (nameEnd == nameStart || nameEnd >= text.Length || !char.IsAsciiLetter(text[nameStart])
            || !(text[nameEnd] is '>' or '/' || char.IsWhiteSpace(text[nameEnd])))
        {
            return TagKind.None;
        }

        Span<char> name = stackalloc char[nameEnd - nameStart];
        text[nameStart..nameEnd].ToLowerInvariant(name);
        if (!KnownTags.Lookup.TryGetValue(name, out var kind))
        {
            return TagKind.None;
        }

        var close = text[nameEnd..Math.Min(text.Length, MaxTagLength)].IndexOfAny('>', '<');
        if (close < 0 || text[nameEnd + close] != '>')
        {
            return TagKind.None;
        }

        length = nameEnd + close + 1;
        if (kind == TagKind.SkipContent && nameStart == 1)
        {
            // <style>…</style>: the content is not text.
            Span<char> closing = stackalloc char[name.Length + 2];
            "</".CopyTo(closing);
            name.CopyTo(closing[2..]);
            var end = text[length..].IndexOf(closing, StringComparison.OrdinalIgnoreCase);
            if (end >= 0)
            {
                var after = text[(length + end)..].IndexOf('>');
                length = after < 0 ? text.Length : length + end + after + 1;
            }

            return TagKind.Inline;
        }

        return kind == TagKind.SkipContent ? TagKind.Inline : kind;
    }

    /// <summary>The tag names a '&lt;' may open, built the first time a text has one: most tickets have none.</summary>
    private static class KnownTags
    {
        public static readonly Dictionary<string, TagKind>.AlternateLookup<ReadOnlySpan<char>> Lookup = Build();

        private static Dictionary<string, TagKind>.AlternateLookup<ReadOnlySpan<char>> Build()
        {
        var tags = new Dictionary<string, TagKind>(StringComparer.Ordinal);
        foreach (var name in "br p div li ul ol tr table tbody thead tfoot hr h1 h2 h3 h4 h5 h6 blockquote pre section article header footer dd dt dl address center".Split(' '))
        {
            tags[name] = TagKind.Break;
        }

        foreach (var name in "td th".Split(' '))
        {
            tags[name] = TagKind.Cell;
        }

        foreach (var name in "a b i u s em strong span font small big sub sup strike code tt img abbr label o:p meta link html head body wbr mark q cite del ins time col colgroup caption nobr".Split(' '))
        {
            tags[name] = TagKind.Inline;
        }

        foreach (var name in "style script title".Split(' '))
        {
            tags[name] = TagKind.SkipContent;
        }

        return tags.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>
    /// Pass two, line by line: drops quoted lines, cuts at the start of a quoted message, and writes each kept line
    /// trimmed with single spaces, with at most one blank line between lines.
    /// </summary>
    private int Structure(ReadOnlySpan<char> text, Span<char> output, bool keepQuoted)
    {
        var w = 0;
        var blankPending = false;
        // Where the last line written starts in the output (before its line break): an attribution found on the
        // next line may have begun on it.
        var lastLineOutput = -1;
        var position = 0;
        while (position < text.Length)
        {
            var end = text[position..].IndexOf('\n');
            var lineEnd = end < 0 ? text.Length : position + end;
            var lineStart = position;
            position = lineEnd + 1;
            var line = text[lineStart..lineEnd].Trim(' ');
            if (line.IsEmpty)
            {
                blankPending = w > 0;
                continue;
            }

            var offset = lineStart + (text[lineStart..lineEnd].Length - text[lineStart..lineEnd].TrimStart(' ').Length);
            if (line[0] == '>')
            {
                if (!keepQuoted)
                {
                    continue;
                }

                var unquoted = line.TrimStart("> ");
                offset += line.Length - unquoted.Length;
                line = unquoted;
                if (line.IsEmpty)
                {
                    continue;
                }
            }

            var cut = -1;
            var dropLine = false;
            var rewindToPrevious = false;
            // Every marker of a quoted message has a colon or a separator's dashes; most lines have neither, and one
            // search for the three tells.
            if (!keepQuoted && line.IndexOfAny(QuoteHints) is var hint and >= 0)
            {
                var colon = line[hint..].IndexOf(':');
                if (colon >= 0)
                {
                    cut = HeaderBlockStart(text, offset, line, hint + colon);
                }

                if (cut < 0)
                {
                    cut = SeparatorStart(offset, line);
                }

                if (cut < 0 && colon >= 0)
                {
                    cut = AttributionStart(text, offset, line, lineStart, hint + colon, out dropLine, out rewindToPrevious);
                }
            }

            if (dropLine)
            {
                if (rewindToPrevious && lastLineOutput >= 0)
                {
                    w = lastLineOutput;
                    lastLineOutput = -1;
                }

                continue;
            }

            if (cut >= 0)
            {
                if (rewindToPrevious && lastLineOutput >= 0 && cut <= offset)
                {
                    w = lastLineOutput;
                }
                else if (cut > offset && HasLetterOrDigit(text[offset..cut]))
                {
                    w = WriteLine(output, w, text[offset..cut].TrimEnd(' '), blankPending);
                }

                return TrimEndOfText(output, w);
            }

            lastLineOutput = w;
            w = WriteLine(output, w, line, blankPending);
            blankPending = false;
        }

        return TrimEndOfText(output, w);
    }

    private static int WriteLine(Span<char> output, int w, ReadOnlySpan<char> line, bool blankBefore)
    {
        if (w > 0)
        {
            output[w++] = '\n';
            if (blankBefore)
            {
                output[w++] = '\n';
            }
        }

        // Runs of spaces become one; the line is already trimmed.
        while (true)
        {
            var run = line.IndexOf("  ");
            if (run < 0)
            {
                line.CopyTo(output[w..]);
                return w + line.Length;
            }

            line[..(run + 1)].CopyTo(output[w..]);
            w += run + 1;
            line = line[(run + 1)..].TrimStart(' ');
        }
    }

    private static int TrimEndOfText(Span<char> output, int w)
    {
        while (w > 0 && output[w - 1] is '\n' or ' ')
        {
            w--;
        }

        return w;
    }

    /// <summary>
    /// Where a quoted header block starts on this line: a "From:" field at the line's start or after a space, with
    /// another header field after it on the same line or at the start of one of the next lines; -1 when none.
    /// </summary>
    private int HeaderBlockStart(ReadOnlySpan<char> text, int offset, ReadOnlySpan<char> line, int firstColon)
    {
        var colon = firstColon;
        while (colon > 0)
        {
            if (FieldBefore(line, colon, out var labelStart, out var isFrom) && isFrom
                && (labelStart == 0 || line[labelStart - 1] == ' '))
            {
                if (HasFieldAfter(line, colon + 1) || FieldOnNextLines(text, offset + line.Length))
                {
                    return offset + labelStart;
                }
            }

            var next = line[(colon + 1)..].IndexOf(':');
            colon = next < 0 ? -1 : colon + 1 + next;
        }

        return -1;
    }

    /// <summary>Whether another header field ("Sent:", "Objet :") follows on the rest of a flattened line.</summary>
    private bool HasFieldAfter(ReadOnlySpan<char> line, int from)
    {
        var colon = line[from..].IndexOf(':');
        while (colon >= 0)
        {
            var at = from + colon;
            if (FieldBefore(line, at, out var labelStart, out _) && labelStart > from && line[labelStart - 1] == ' ')
            {
                return true;
            }

            var next = line[(at + 1)..].IndexOf(':');
            colon = next < 0 ? -1 : at + 1 - from + next;
        }

        return false;
    }

    private bool FieldOnNextLines(ReadOnlySpan<char> text, int from)
    {
        var position = from;
        for (var lines = 0; lines < HeaderBlockLines && position < text.Length; lines++)
        {
            var end = text[position..].IndexOf('\n');
            var lineEnd = end < 0 ? text.Length : position + end;
            var line = text[position..lineEnd].Trim(' ').TrimStart("> ");
            position = lineEnd + 1;
            var colon = line.IndexOf(':');
            if (colon > 0 && FieldBefore(line, colon, out var labelStart, out _) && labelStart == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the words just before the colon at <paramref name="colon"/> (spaces allowed between, as in French
    /// "Objet :") are a header field's label, and where the label starts.
    /// </summary>
    private bool FieldBefore(ReadOnlySpan<char> line, int colon, out int labelStart, out bool isFrom)
    {
        labelStart = -1;
        isFrom = false;
        var end = colon;
        while (end > 0 && line[end - 1] == ' ')
        {
            end--;
        }

        if (end == 0 || !char.IsLetter(line[end - 1]))
        {
            return false;
        }

        // The label's last words, back from the colon, joined by a space or a hyphen ("Enviado el", "Reply-To").
        Span<int> starts = stackalloc int[4];
        var count = 0;
        var i = end;
        while (count < Math.Min(starts.Length, _markers.LongestFieldWords))
        {
            var wordEnd = i;
            while (i > 0 && IsWordChar(line, i - 1))
            {
                i--;
            }

            if (i == wordEnd)
            {
                break;
            }

            starts[count++] = i;
            if (i < 2 || line[i - 1] is not (' ' or '-') || !IsWordChar(line, i - 2))
            {
                break;
            }

            i--;
        }

        for (var words = count; words >= 1; words--)
        {
            var key = QuoteMarkers.KeyOf(line[starts[words - 1]..end]);
            if (_markers.IsHeaderField(key))
            {
                labelStart = starts[words - 1];
                isFrom = _markers.IsFromField(key);
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(ReadOnlySpan<char> text, int i) =>
        TextScanning.TryFoldWordChar(text[i], out _) || TextScanning.IsApostropheInWord(text, i);

    /// <summary>
    /// Where a separator line ("-----Original Message-----", "Begin forwarded message:") starts on this line, or in a
    /// flattened text the dashes before its phrase; -1 when none. Only lines with decoration or a closing colon are
    /// searched for the phrases.
    /// </summary>
    private int SeparatorStart(int offset, ReadOnlySpan<char> line)
    {
        if (!line.Contains("--", StringComparison.Ordinal) && !line.Contains("__", StringComparison.Ordinal) && line[^1] != ':')
        {
            return -1;
        }

        foreach (var separator in _markers.Separators)
        {
            var at = line.IndexOf(separator, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && IsSeparator(line, at, separator.Length, out var cut))
            {
                return offset + cut;
            }
        }

        return -1;
    }

    /// <summary>
    /// Where an attribution ("On … wrote:", "Am … schrieb …:") that ends on this line starts: at a colon (not a time's)
    /// that follows an attribution verb within a short distance, with an opener before the verb, a digit between them,
    /// and the colon ending the line or an address between. Returns -1 when there is none; sets
    /// <paramref name="dropLine"/> instead for an attribution that only introduces '&gt;' lines, and
    /// <paramref name="rewindToPrevious"/> when it began on the line before.
    /// </summary>
    private int AttributionStart(ReadOnlySpan<char> text, int offset, ReadOnlySpan<char> line, int lineStart, int firstColon,
        out bool dropLine, out bool rewindToPrevious)
    {
        dropLine = false;
        rewindToPrevious = false;
        for (var colon = firstColon; colon >= 0; colon = NextColon(line, colon))
        {
            if (colon + 1 < line.Length && char.IsDigit(line[colon + 1]))
            {
                continue;
            }

            var windowStart = Math.Max(0, colon - MaxColonDistance);
            var window = line[windowStart..colon];
            foreach (var verb in _markers.Verbs)
            {
                var at = window.LastIndexOf(verb, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    continue;
                }

                var inLine = windowStart + at;
                if (inLine > 0 && char.IsLetter(line[inLine - 1]))
                {
                    continue;
                }

                var opener = OpenerBefore(text, lineStart, offset, inLine, out var onPreviousLine);
                if (opener < 0)
                {
                    continue;
                }

                var endsLine = colon + 1 == line.Length;
                var attribution = text[opener..(offset + colon)];
                if (!attribution.ContainsAnyInRange('0', '9') || !(endsLine || attribution.ContainsAny('@', '<')))
                {
                    continue;
                }

                rewindToPrevious = onPreviousLine;
                if (endsLine && NextLineIsQuoted(text, offset + line.Length))
                {
                    dropLine = true;
                    return -1;
                }

                return opener;
            }
        }

        return -1;
    }

    private static int NextColon(ReadOnlySpan<char> line, int colon)
    {
        var next = line[(colon + 1)..].IndexOf(':');
        return next < 0 ? -1 : colon + 1 + next;
    }

    /// <summary>
    /// Where the attribution opener before the verb at <paramref name="inLine"/> starts: at the start of this line, of
    /// the line before (a wrapped attribution), or within this line after a space when capitalised ("… Tom On Tue, …").
    /// </summary>
    private int OpenerBefore(ReadOnlySpan<char> text, int lineStart, int offset, int inLine, out bool onPreviousLine)
    {
        onPreviousLine = false;
        if (_markers.StartsWithOpener(text[offset..]))
        {
            return offset;
        }

        if (lineStart > 0 && offset + inLine - lineStart < MaxAttributionLength)
        {
            var previousEnd = lineStart - 1;
            var previousStart = text[..previousEnd].LastIndexOf('\n') + 1;
            var previous = text[previousStart..previousEnd];
            var trimmed = previousStart + (previous.Length - previous.TrimStart(' ').Length);
            if (trimmed < previousEnd && _markers.StartsWithOpener(text[trimmed..]) && offset + inLine - trimmed < MaxAttributionLength)
            {
                onPreviousLine = true;
                return trimmed;
            }
        }

        for (var i = inLine - 1; i > 0 && inLine - i < MaxAttributionLength; i--)
        {
            var at = offset + i;
            if (text[at - 1] == ' ' && char.IsUpper(text[at]) && _markers.StartsWithOpener(text[at..]))
            {
                return at;
            }
        }

        return -1;
    }

    private static bool NextLineIsQuoted(ReadOnlySpan<char> text, int from)
    {
        var rest = text[Math.Min(from, text.Length)..].TrimStart(" \n");
        return !rest.IsEmpty && rest[0] == '>';
    }

    /// <summary>
    /// Whether a separator phrase at <paramref name="at"/> makes a separator line: only decoration ("-----", "___")
    /// around it, or, in a flattened text, at least two dashes before it; the cut goes where the decoration starts.
    /// </summary>
    private static bool IsSeparator(ReadOnlySpan<char> line, int at, int length, out int cut)
    {
        cut = at;
        while (cut > 0 && SeparatorDecoration.Contains(line[cut - 1]))
        {
            cut--;
        }

        var before = line[cut..at];
        var after = line[(at + length)..];
        var decoratedBefore = before.Count('-') + before.Count('_') >= 2;
        if (cut > 0 && !decoratedBefore)
        {
            return false;
        }

        var rest = after.TrimStart(" :");
        var decoratedAfter = rest.IsEmpty || rest.IndexOfAnyExcept(SeparatorDecoration) < 0 || rest.StartsWith("--") || after.TrimStart(' ').StartsWith(':');
        if (cut == 0 && !decoratedBefore && !decoratedAfter)
        {
            return false;
        }

        while (cut > 0 && line[cut - 1] == ' ')
        {
            cut--;
        }

        return decoratedAfter || decoratedBefore;
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The buffers one thread's normalising reuses, grown as texts need.</summary>
internal sealed class NormalizerBuffers
{
    private char[] _decoded = new char[512];
    private char[] _spare = new char[512];
    private char[] _structured = new char[512];

    public char[] Decoded(int length) => Ensure(ref _decoded, length);

    public char[] Spare(int length) => Ensure(ref _spare, length);

    public char[] Structured(int length) => Ensure(ref _structured, length);

    /// <summary>Whether an unusually long text grew a buffer past what is worth keeping on a thread.</summary>
    public bool IsLarge => _decoded.Length > 65_536 || _structured.Length > 65_536 || _spare.Length > 65_536;

    private static char[] Ensure(ref char[] buffer, int length)
    {
        if (buffer.Length < length + 2)
        {
            buffer = new char[Math.Max(length + 2, buffer.Length * 2)];
        }

        return buffer;
    }
}
