namespace Scalability.Grains.Processing.Summaries;

/// <summary>One word of a ticket with what the lexicon says of it.</summary>
/// <param name="BreakBefore">A clause mark (',', ';', ':', a dash) stands between this word and the one before.</param>
/// <param name="InAddress">The word is part of an e-mail or web address.</param>
/// <param name="InPlaceholder">The word is inside a {placeholder}: a template slot, not content.</param>
internal readonly record struct Token(
    ulong Hash, int Start, int Length, WordFlags Flags, bool Capitalized, bool HasDigit, bool HasLetter,
    bool BreakBefore, bool InAddress, bool InPlaceholder)
{
    /// <summary>A word that can say what a ticket is about: no stop word, number, address or placeholder.</summary>
    public bool IsContent => (Flags & WordFlags.Stop) == 0 && !HasDigit && !InAddress && !InPlaceholder && Length >= 2;

    /// <summary>A content word that is not a courtesy either.</summary>
    public bool IsTopical => IsContent && (Flags & (WordFlags.Closing | WordFlags.Filler)) == 0;
}

/// <summary>A sentence with its words and its role; its content (<see cref="ContentToken"/> to
/// <see cref="ContentTokenEnd"/>) leaves out a greeting before it and a courtesy clause after it.</summary>
internal struct SentenceInfo
{
    public SentenceSpan Span;
    public int FirstToken;
    public int TokenCount;
    public int ContentToken;
    public int ContentStart;

    /// <summary>The index after the content's last word, and the text position after it.</summary>
    public int ContentTokenEnd;
    public int ContentEnd;
    public SentenceRole Role;

    /// <summary>The content starts with a lower-case letter after a capitalised greeting that was taken off.</summary>
    public bool Capitalize;

    public double Score;

    /// <summary>The score without the first content sentence's location bonus.</summary>
    public double Unboosted;

    public readonly int End => Span.Start + Span.Length;

    public readonly int ContentLength => ContentEnd - ContentStart;

    public readonly int ContentTokenCount => ContentTokenEnd - ContentToken;
}

/// <summary>
/// A ticket taken apart for summarising: its normalised text, sentences, words and roles. One per thread, reused
/// ticket after ticket, so that summarising allocates little but its result.
/// </summary>
internal sealed class TicketAnalysis
{
    private const int LargeBuffer = 4_096;

    private char[] _text = [];
    private int _length;

    public readonly NormalizerBuffers Buffers = new();
    public readonly SentenceSpans Spans = new();
    public SentenceInfo[] Sentences = new SentenceInfo[32];
    public int SentenceCount;
    public Token[] Tokens = new Token[256];
    public int TokenCount;

    /// <summary>Content words by hash: occurrences in content sentences and whether the subject has them.</summary>
    public readonly WordCounts Frequencies = new();

    public ReadOnlySpan<char> Text => _text.AsSpan(0, _length);

    public ReadOnlySpan<Token> TokensOf(in SentenceInfo sentence) => Tokens.AsSpan(sentence.FirstToken, sentence.TokenCount);

    public ReadOnlySpan<Token> ContentTokensOf(in SentenceInfo sentence) =>
        Tokens.AsSpan(sentence.ContentToken, sentence.ContentTokenCount);

    public ReadOnlySpan<char> TextOf(in SentenceInfo sentence) => Text.Slice(sentence.Span.Start, sentence.Span.Length);

    public ReadOnlySpan<char> ContentOf(in SentenceInfo sentence) => Text.Slice(sentence.ContentStart, sentence.ContentLength);

    /// <summary>Normalises, splits and tokenises <paramref name="text"/>; roles are left to <see cref="SentenceClassifier"/>.</summary>
    public void Load(ReadOnlySpan<char> text, TicketTextNormalizer normalizer, SummaryLexicon lexicon)
    {
        var clean = normalizer.Normalize(text, Buffers);
        if (_text.Length < clean.Length)
        {
            _text = new char[Math.Max(clean.Length, 512)];
        }

        clean.CopyTo(_text);
        _length = clean.Length;

        Spans.Clear();
        SentenceSplitter.Split(Text, Spans, lexicon);
        SentenceCount = 0;
        TokenCount = 0;
        Frequencies.Clear();
        if (Sentences.Length < Spans.Count)
        {
            Sentences = new SentenceInfo[Math.Max(Spans.Count, Sentences.Length * 2)];
        }

        foreach (var span in Spans.AsSpan())
        {
            var first = TokenCount;
            Tokenize(Text.Slice(span.Start, span.Length), span.Start, lexicon);
            Sentences[SentenceCount++] = new SentenceInfo
            {
                Span = span,
                FirstToken = first,
                TokenCount = TokenCount - first,
                ContentToken = first,
                ContentStart = span.Start,
                ContentTokenEnd = TokenCount,
                ContentEnd = span.Start + span.Length,
                Role = SentenceRole.Content,
            };
        }
    }

    /// <summary>Drops buffers grown by an unusually long text, so that one outlier does not pin memory on a thread.</summary>
    public bool IsLarge => _text.Length > LargeBuffer * 16 || Tokens.Length > LargeBuffer || Buffers.IsLarge || Frequencies.IsLarge;

    private void Tokenize(ReadOnlySpan<char> sentence, int offset, SummaryLexicon lexicon)
    {
        var position = 0;
        var previousEnd = 0;
        var placeholderEnd = -1;
        var addressEnd = -1;
        var checkedUntil = 0;
        var mayHaveAddress = MayHaveAddress(sentence);

        // A word takes a character and the next is not one of it, so a sentence has at most (length + 1) / 2 words.
        var most = TokenCount + ((sentence.Length + 1) / 2);
        if (Tokens.Length < most)
        {
            var bigger = new Token[Math.Max(most, Tokens.Length * 2)];
            Tokens.AsSpan(0, TokenCount).CopyTo(bigger);
            Tokens = bigger;
        }

        while (WordScanner.Next(sentence, ref position, out var word))
        {
            // What stands between this word and the one before: usually a space, so a plain loop beats a search.
            var clauseBreak = false;
            for (var g = previousEnd; g < word.Start; g++)
            {
                var c = sentence[g];
                if (c is ',' or ';' or ':' or '\u2013' or '\u2014' || (c == '-' && g > previousEnd && sentence[g - 1] == ' '))
                {
                    clauseBreak = true;
                }
                else if (c == '{')
                {
                    placeholderEnd = Math.Max(placeholderEnd, SentenceSplitter.PlaceholderEnd(sentence, g));
                }
            }

            if (mayHaveAddress && word.Start >= checkedUntil)
            {
                // Each run of non-space characters is looked at once, whatever number of words it holds.
                checkedUntil = RunEnd(sentence, word.Start);
                addressEnd = IsAddress(sentence, word.Start, checkedUntil) ? checkedUntil : -1;
            }

            Tokens[TokenCount++] = new Token(
                word.Hash, offset + word.Start, word.Length, lexicon.Flags(word.Hash), word.Capitalized, word.HasDigit,
                word.HasLetter, BreakBefore: clauseBreak,
                InAddress: word.Start < addressEnd, InPlaceholder: word.Start < placeholderEnd);
            previousEnd = position;
        }
    }

    /// <summary>Whether a sentence may hold an address: an '@', "://" or "www." (one search for the three).</summary>
    private static bool MayHaveAddress(ReadOnlySpan<char> sentence)
    {
        for (var at = sentence.IndexOfAny(AddressMarks); at >= 0; at = Next(sentence, at))
        {
            var c = sentence[at];
            if (c == '@' || (c == ':' && sentence[at..].StartsWith("://")) || (c is '.' && at >= 3 && sentence[(at - 3)..at].Equals("www", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;

        static int Next(ReadOnlySpan<char> sentence, int at)
        {
            var next = sentence[(at + 1)..].IndexOfAny(AddressMarks);
            return next < 0 ? -1 : at + 1 + next;
        }
    }

    private static readonly System.Buffers.SearchValues<char> AddressMarks = System.Buffers.SearchValues.Create("@:.");

    /// <summary>Where the run of non-space characters that <paramref name="at"/> is in ends.</summary>
    private static int RunEnd(ReadOnlySpan<char> sentence, int at)
    {
        var length = sentence[at..].IndexOfAny(' ', '\n');
        return length < 0 ? sentence.Length : at + length;
    }

    /// <summary>
    /// Whether the run of non-space characters around <paramref name="at"/>, up to <paramref name="end"/>, is an
    /// address: it holds an '@' with a word on each side, "://", or starts with "www.".
    /// </summary>
    private static bool IsAddress(ReadOnlySpan<char> sentence, int at, int end)
    {
        var start = at;
        while (start > 0 && sentence[start - 1] != ' ' && sentence[start - 1] != '\n')
        {
            start--;
        }

        var run = sentence[start..end];
        var atSign = run.IndexOf('@');
        var isMail = atSign > 0 && atSign < run.Length - 1 && run[(atSign + 1)..].Contains('.');
        return isMail || run.Contains("://", StringComparison.Ordinal) || run.TrimStart("(<\"").StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }
}
