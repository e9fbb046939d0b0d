using System.Buffers;

namespace Scalability.Grains.Processing.Summaries;

/// <summary>One sentence of a normalised text: where it is, and the line and paragraph it starts on.</summary>
/// <param name="StartsLine">Nothing but white space stands between the sentence and the line break before it.</param>
/// <param name="EndsLine">The sentence ends its line (or the text).</param>
internal readonly record struct SentenceSpan(int Start, int Length, int Line, int Paragraph, bool StartsLine, bool EndsLine);

/// <summary>
/// The sentences of one text, reused text after text. A plain growable array: a generic list of a struct type would be
/// one more class to compile when a job starts, for nothing.
/// </summary>
internal sealed class SentenceSpans
{
    private SentenceSpan[] _items = new SentenceSpan[32];

    public int Count { get; private set; }

    public ref readonly SentenceSpan this[int index] => ref _items.AsSpan(0, Count)[index];

    public ReadOnlySpan<SentenceSpan> AsSpan() => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(SentenceSpan sentence)
    {
        if (Count == _items.Length)
        {
            var bigger = new SentenceSpan[_items.Length * 2];
            _items.AsSpan().CopyTo(bigger);
            _items = bigger;
        }

        _items[Count++] = sentence;
    }
}

/// <summary>
/// Splits a normalised text (<see cref="TicketTextNormalizer"/>: '\n' line breaks, single spaces) into sentences at
/// '.', '!', '?' and '…' followed by white space or the end (after any closing quotes or brackets), at blank lines,
/// and at line breaks, except where a line break only wraps a sentence (the line ends in a letter or comma and the
/// next starts with a lower-case letter, not with an address). A period does not split after a title ("Dr.", "Sra."), "e.g.", a
/// single initial, a list number at the start of a line ("3."), before a number after "No." or "Nr.", or inside a
/// {placeholder}, or after a date's number when a lower-case word or a month name follows ("am 07.03. gar nicht",
/// "am 3. Juni"). Pieces without a letter or digit are dropped.
/// </summary>
internal static class SentenceSplitter
{
    // A brace opens a {placeholder} only if it closes within this many characters on the same line, so that a lone
    // brace (code, an emoticon) stays ordinary text instead of swallowing the rest of the ticket.
    public const int MaxPlaceholderLength = 64;

    // Abbreviations after which a period never ends a sentence: titles and forms of address in the supported
    // languages, and the Latin and German ones that stand inside sentences.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleAbbreviations = Lookup(
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "e.g", "i.e", "cf", "approx", "sra", "srta", "dña",
        "exmo", "exma", "exmos", "exmas", "dra", "sig", "sigra", "dott", "ing", "avv", "gent", "spett", "egr", "dhr",
        "mevr", "mw", "mme", "mlle", "z.b", "bzw", "ggf", "evtl", "bspw", "inkl", "zzgl", "u.a", "d.h", "bijv", "o.a",
        "ca");

    // Abbreviations that precede a number ("No. 5", "Ref. 12", "Kundennr. 4002"); elsewhere the period may end a sentence.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberAbbreviations = Lookup(
        "no", "nr", "ref", "réf", "rif", "tel", "tél", "ext", "fig", "vol", "pp", "núm", "num", "art", "kundennr",
        "bestellnr", "rechnungsnr", "auftragsnr", "vertragsnr", "tlf", "tfno", "telef");

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?\u2026");
    private static readonly SearchValues<char> SplitCandidates = SearchValues.Create(".!?\u2026\n{");
    private static readonly SearchValues<char> PlaceholderStops = SearchValues.Create("}\n");
    private static readonly SearchValues<char> ClosingMarks = SearchValues.Create("\"')]}\u201D\u2019\u00BB");

    /// <summary>Adds the sentences of <paramref name="text"/> to <paramref name="sentences"/>, in order.</summary>
    /// <param name="lexicon">Tells month names ("am 3. Juni"); without it an ordinal's period ends a sentence.</param>
    public static void Split(ReadOnlySpan<char> text, SentenceSpans sentences, SummaryLexicon? lexicon = null)
    {
        var state = new State();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // Jump to the next character that can matter; most of a text is plain words.
            var skip = text[i..].IndexOfAny(SplitCandidates);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            var c = text[i];
            if (c == '\n')
            {
                var blank = i + 1 < text.Length && text[i + 1] == '\n';
                if (!blank && Wraps(text, i))
                {
                    continue;
                }

                Add(text, start, i, ref state, sentences, endsLine: true);
                state.Line++;
                if (blank)
                {
                    state.Paragraph++;
                    state.Line++;
                    i++;
                }

                start = i + 1;
                state.LineStart = start;
                state.LineHasText = false;
                continue;
            }

            if (c == '{')
            {
                // Nothing inside a placeholder ends a sentence: "{store.name}".
                i = Math.Max(i, PlaceholderEnd(text, i));
                continue;
            }

            var runEnd = i;
            while (runEnd + 1 < text.Length && SentenceEnds.Contains(text[runEnd + 1]))
            {
                runEnd++;
            }

            var end = runEnd + 1;
            while (end < text.Length && ClosingMarks.Contains(text[end]))
            {
                end++;
            }

            var atBoundary = end == text.Length || char.IsWhiteSpace(text[end]);
            if (atBoundary && c == '.' && runEnd == i && !PeriodEndsSentence(text, start, i, end, lexicon))
            {
                atBoundary = false;
            }

            if (atBoundary)
            {
                var endsLine = end == text.Length || text[end] == '\n';
                Add(text, start, end, ref state, sentences, endsLine);
                start = end;
            }

            i = end - 1;
        }

        Add(text, start, text.Length, ref state, sentences, endsLine: true);
    }

    /// <summary>The index of the brace that closes the placeholder opened at <paramref name="open"/>, or -1.</summary>
    public static int PlaceholderEnd(ReadOnlySpan<char> text, int open)
    {
        var window = text.Slice(open + 1, Math.Min(MaxPlaceholderLength, text.Length - open - 1));
        var stop = window.IndexOfAny(PlaceholderStops);
        return stop >= 0 && window[stop] == '}' ? open + 1 + stop : -1;
    }

    private struct State
    {
        public int Line;
        public int Paragraph;
        public int LineStart;

        /// <summary>A piece with text was met on this line already, so later sentences on it do not start it.</summary>
        public bool LineHasText;
    }

    /// <summary>
    /// Whether the line break at <paramref name="at"/> only wraps a sentence onto the next line: a letter or comma
    /// before it, a lower-case letter after it, and no address starting the next line ("T: +44 161 …\nwww.example.com"
    /// are two lines of a signature).
    /// </summary>
    private static bool Wraps(ReadOnlySpan<char> text, int at)
    {
        if (at == 0 || at + 1 >= text.Length || !char.IsLower(text[at + 1]))
        {
            return false;
        }

        var before = text[at - 1];
        if (!char.IsLetter(before) && before != ',')
        {
            return false;
        }

        var next = text[(at + 1)..];
        var word = next.IndexOfAny(' ', '\n');
        var first = word < 0 ? next : next[..word];
        return !first.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && !first.Contains('@');
    }

    private static bool PeriodEndsSentence(ReadOnlySpan<char> text, int sentenceStart, int period, int after, SummaryLexicon? lexicon)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '\''))
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        if (word.IsEmpty)
        {
            return true;
        }

        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return false;
        }

        if (TitleAbbreviations.Contains(word))
        {
            return false;
        }

        var next = after;
        while (next < text.Length && text[next] == ' ')
        {
            next++;
        }

        if (NumberAbbreviations.Contains(word) && next < text.Length && (char.IsDigit(text[next]) || text[next] == '#'))
        {
            return false;
        }

        // A date's period inside a sentence: "am 07.03. gar nicht", "am 3. Juni", "op 2. mei".
        if (char.IsDigit(word[^1]) && next < text.Length && text[next] != '\n')
        {
            if (char.IsLower(text[next]))
            {
                return false;
            }

            if (lexicon is not null && word.Length <= 2 && wordStart > sentenceStart && IsMonth(text[next..], lexicon))
            {
                return false;
            }
        }

        // "3." opening a line is a list item's number, not a sentence.
        var isListNumber = wordStart == sentenceStart && word.Length <= 3 && !word.ContainsAnyExceptInRange('0', '9');
        return !isListNumber;
    }

    private static bool IsMonth(ReadOnlySpan<char> text, SummaryLexicon lexicon) =>
        WordScanner.FirstWord(text, out var hash, out _) == 0 && (lexicon.Flags(hash) & WordFlags.Month) != 0;

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        new HashSet<string>(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Adds [start, end) without surrounding white space, if it has a letter or digit.</summary>
    private static void Add(ReadOnlySpan<char> text, int start, int end, ref State state, SentenceSpans sentences, bool endsLine)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            return;
        }

        // Whether the line held nothing before this piece: checked once per line, so that a flattened ticket of one
        // long line costs no more than one of many lines.
        var startsLine = !state.LineHasText && text[state.LineStart..start].IsWhiteSpace();
        state.LineHasText = true;
        if (!text[start..end].ContainsAnyExcept(NoWords))
        {
            return;
        }

        foreach (var c in text[start..end])
        {
            if (char.IsLetterOrDigit(c))
            {
                sentences.Add(new SentenceSpan(start, end - start, state.Line, state.Paragraph, startsLine, endsLine));
                return;
            }
        }
    }

    // A fast pre-check: a piece made only of these has no word.
    private static readonly SearchValues<char> NoWords = SearchValues.Create(" \n.,;:!?-_=*~#/|()[]\"'\u2026\u2013\u2014");
}
