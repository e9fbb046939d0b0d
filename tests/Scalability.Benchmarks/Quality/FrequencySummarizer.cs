using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Scalability.Grains.Processing;

namespace Scalability.Benchmarks.Quality;

/// <summary>
/// The product's summarizer before the rebuild, kept as the quality mode's second reference and for measuring the new
/// one's speed against in the same process: it picks the sentences whose content words occur most often in the whole
/// text, relative to their length, with no normalising and no idea of greetings, closings or quoted replies.
/// </summary>
internal sealed class FrequencySummarizer
{
    /// <summary>Ends a summary whose sentence had to be cut.</summary>
    private const char Ellipsis = '\u2026';

    // Added to a sentence's word count when normalising its score, so that a two-word fragment does not beat a
    // full sentence just for having no filler words.
    private const double LengthSmoothing = 5;

    // The first sentence with content usually states the problem; this nudges it ahead of an equal rival.
    private const double LeadSentenceBonus = 1.25;

    // A brace opens a {placeholder} only if it closes within this many characters on the same line, so that a lone
    // brace (code, an emoticon) stays ordinary text instead of swallowing the rest of the ticket.
    private const int MaxPlaceholderLength = 64;

    // Words that say nothing about a ticket's topic: function words and the courtesies every ticket has.
    private static readonly string[] DefaultStopWords =
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cant", "could",
        "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "dont", "down", "during", "each", "either", "else",
        "even", "ever", "every", "few", "for", "from", "further", "get", "got", "had", "hadnt", "has", "hasnt", "have",
        "havent", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "id", "if",
        "ill", "im", "in", "into", "is", "isnt", "it", "its", "itself", "ive", "just", "let", "lets", "like", "made",
        "make", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "need", "no", "nor", "not", "now",
        "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same",
        "shall", "she", "should", "shouldnt", "so", "some", "still", "such", "than", "that", "thats", "the", "their",
        "theirs", "them", "themselves", "then", "there", "theres", "these", "they", "theyre", "this", "those",
        "through", "to", "too", "under", "until", "up", "upon", "us", "very", "via", "was", "wasnt", "we", "were",
        "werent", "what", "whats", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "within",
        "without", "wont", "would", "wouldnt", "yet", "you", "youd", "youll", "your", "youre", "yours", "yourself",
        "youve", "ok", "okay", "hi", "hello", "hey", "dear", "thanks", "thank", "please", "regards", "best", "kind",
        "sincerely", "cheers", "team", "sir", "madam", "greetings", "appreciate", "help", "assist", "know", "want",
        "one", "two", "really", "well", "yes",
    ];

    // Abbreviations after which a period never ends a sentence.
    private static readonly FrozenSet<string> TitleAbbreviations =
        new[] { "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "e.g", "i.e", "cf", "approx" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Abbreviations that precede a number ("No. 5", "Ref. 12"); elsewhere the period may end a sentence.
    private static readonly FrozenSet<string> NumberAbbreviations =
        new[] { "no", "nr", "ref", "tel", "ext", "fig", "vol", "pp", "ca" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?\u2026");
    private static readonly SearchValues<char> SplitCandidates = SearchValues.Create(".!?\u2026\n\r{");
    private static readonly SearchValues<char> PlaceholderStops = SearchValues.Create("}\n\r");
    private static readonly SearchValues<char> ClosingMarks = SearchValues.Create("\"')]}\u201D\u2019\u00BB");
    private static readonly SearchValues<char> TrailingCutMarks = SearchValues.Create(",;:-\u2013\u2014([{/ ");

    [ThreadStatic] private static Scratch? t_scratch;

    private readonly FrozenSet<ulong> _stopWordHashes;

    /// <param name="stopWords">Words that do not count as content; null for a built-in English list.</param>
    public FrequencySummarizer(IEnumerable<string>? stopWords = null)
    {
        _stopWordHashes = (stopWords ?? DefaultStopWords).Select(w => WordHash(w)).ToFrozenSet();
    }

    public static FrequencySummarizer Default { get; } = new();

    /// <summary>
    /// The sentences of <paramref name="text"/> that fit in <paramref name="maxChars"/> characters and carry the
    /// most content, in their original order, joined by single spaces, with runs of whitespace (newlines included)
    /// collapsed to one space. When the best sentence alone is too long it is cut at a word boundary and ends with
    /// <see cref="Ellipsis"/>. Empty or whitespace-only text gives "".
    /// </summary>
    public string Summarize(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var scratch = t_scratch ??= new Scratch();
        var selection = Select(text, maxChars, scratch);
        if (selection.Cut is { } cut)
        {
            scratch.ReleaseIfLarge();
            return cut;
        }

        var output = scratch.Output;
        output.Clear();
        foreach (var index in selection.Sentences)
        {
            if (output.Length > 0)
            {
                output.Append(' ');
            }

            AppendCollapsed(output, text.AsSpan(scratch.Sentences[index].Start, scratch.Sentences[index].Length));
        }

        var summary = output.ToString();
        scratch.ReleaseIfLarge();
        return summary;
    }

    private Selection Select(string text, int maxChars, Scratch scratch)
    {
        var sentences = scratch.Sentences;
        sentences.Clear();
        Split(text, sentences);
        if (sentences.Count == 0)
        {
            // Only punctuation or symbols: nothing to rank, so the text itself (not blank, checked above) is its summary.
            var trimmed = text.AsSpan().Trim();
            sentences.Add(new SentenceInfo(text.Length - text.AsSpan().TrimStart().Length, trimmed.Length));
        }

        CountWords(text, scratch);
        ScoreSentences(scratch);

        var order = scratch.RankSentences();

        var best = sentences[order[0]];
        if (best.CollapsedLength > maxChars)
        {
            return new Selection(scratch.Chosen, Cut(text.AsSpan(best.Start, best.Length), maxChars, scratch.Output));
        }

        var chosen = scratch.Chosen;
        chosen.Clear();
        var used = 0;
        foreach (var index in order)
        {
            var sentence = sentences[index];
            if (chosen.Count > 0 && sentence.Score <= 0)
            {
                break;
            }

            var needed = sentence.CollapsedLength + (chosen.Count > 0 ? 1 : 0);
            if (used + needed <= maxChars)
            {
                chosen.Add(index);
                used += needed;
            }
        }

        chosen.Sort();
        return new Selection(chosen, null);
    }

    /// <summary>
    /// Splits at '.', '!', '?' and '…' followed by whitespace or the end (after any closing quotes or brackets), and
    /// at line breaks. A period does not split after a title ("Dr."), "e.g.", a single initial, a list number at the
    /// start of a line ("3."), before a number after "No.", or inside a {placeholder}.
    /// </summary>
    private static void Split(ReadOnlySpan<char> text, List<SentenceInfo> sentences)
    {
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
            if (c is '\n' or '\r')
            {
                AddTrimmed(text, start, i, sentences);
                start = i + 1;
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
            if (atBoundary && c == '.' && runEnd == i && !PeriodEndsSentence(text, start, i, end))
            {
                atBoundary = false;
            }

            if (atBoundary)
            {
                AddTrimmed(text, start, end, sentences);
                start = end;
            }

            i = end - 1;
        }

        AddTrimmed(text, start, text.Length, sentences);
    }

    private static bool PeriodEndsSentence(ReadOnlySpan<char> text, int sentenceStart, int period, int after)
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

        var titles = TitleAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (titles.Contains(word))
        {
            return false;
        }

        var next = after;
        while (next < text.Length && char.IsWhiteSpace(text[next]) && text[next] is not ('\n' or '\r'))
        {
            next++;
        }

        var numbers = NumberAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (numbers.Contains(word) && next < text.Length && (char.IsDigit(text[next]) || text[next] == '#'))
        {
            return false;
        }

        // "3." opening a line is a list item's number, not a sentence.
        var isListNumber = wordStart == sentenceStart && word.Length <= 3 && !word.ContainsAnyExceptInRange('0', '9');
        return !isListNumber;
    }

    /// <summary>The index of the brace that closes the placeholder opened at <paramref name="open"/>, or -1.</summary>
    private static int PlaceholderEnd(ReadOnlySpan<char> text, int open)
    {
        var window = text.Slice(open + 1, Math.Min(MaxPlaceholderLength, text.Length - open - 1));
        var stop = window.IndexOfAny(PlaceholderStops);
        return stop >= 0 && window[stop] == '}' ? open + 1 + stop : -1;
    }

    /// <summary>Adds [start, end) without surrounding whitespace, if it has a letter or digit.</summary>
    private static void AddTrimmed(ReadOnlySpan<char> text, int start, int end, List<SentenceInfo> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        foreach (var c in text[start..end])
        {
            if (char.IsLetterOrDigit(c))
            {
                sentences.Add(new SentenceInfo(start, end - start));
                return;
            }
        }
    }

    /// <summary>
    /// Hashes every content word of every sentence into the scratch buffers, and counts how often each occurs in the
    /// whole text. Words inside {placeholders} are template slots, not content.
    /// </summary>
    private void CountWords(ReadOnlySpan<char> text, Scratch scratch)
    {
        var sentences = scratch.Sentences;
        var frequencies = scratch.Frequencies;
        frequencies.Clear();
        var hashes = scratch.Hashes(text.Length / 2 + 1);
        var written = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var span = text.Slice(sentence.Start, sentence.Length);
            var firstHash = written;
            var words = 0;
            var collapsedLength = 0;
            var inWhitespace = false;
            var placeholderEnd = -1;
            var i = 0;
            while (i < span.Length)
            {
                var c = span[i];
                if (!TextScanning.TryFoldWordChar(c, out _))
                {
                    if (char.IsWhiteSpace(c))
                    {
                        if (!inWhitespace)
                        {
                            collapsedLength++;
                        }

                        inWhitespace = true;
                    }
                    else
                    {
                        collapsedLength++;
                        inWhitespace = false;
                        if (c == '{' && i > placeholderEnd)
                        {
                            placeholderEnd = PlaceholderEnd(span, i);
                        }
                    }

                    i++;
                    continue;
                }

                inWhitespace = false;
                var wordStart = i;
                var hash = FnvOffset;
                var length = 0;
                for (; i < span.Length; i++)
                {
                    if (TextScanning.TryFoldWordChar(span[i], out var folded))
                    {
                        hash = (hash ^ folded) * FnvPrime;
                        length++;
                        collapsedLength++;
                    }
                    else if (TextScanning.IsApostropheInWord(span, i))
                    {
                        collapsedLength++;
                    }
                    else
                    {
                        break;
                    }
                }

                words++;
                if (wordStart > placeholderEnd && length >= 2 && !_stopWordHashes.Contains(hash))
                {
                    hashes[written++] = hash;
                    ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(frequencies, hash, out _);
                    count++;
                }
            }

            sentences[s] = sentence with
            {
                FirstHash = firstHash,
                HashCount = written - firstHash,
                WordCount = words,
                CollapsedLength = collapsedLength,
            };
        }
    }

    private static void ScoreSentences(Scratch scratch)
    {
        var sentences = scratch.Sentences;
        var hashes = scratch.HashBuffer;
        var leadFound = false;
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var sum = 0;
            for (var h = sentence.FirstHash; h < sentence.FirstHash + sentence.HashCount; h++)
            {
                sum += scratch.Frequencies[hashes[h]];
            }

            var score = sum / (sentence.WordCount + LengthSmoothing);
            if (!leadFound && score > 0)
            {
                score *= LeadSentenceBonus;
                leadFound = true;
            }

            sentences[s] = sentence with { Score = score };
        }
    }

    private static void AppendCollapsed(StringBuilder output, ReadOnlySpan<char> sentence)
    {
        // Sentences are trimmed, so whitespace runs are always inner ones.
        var runStart = 0;
        var i = 0;
        while (i < sentence.Length)
        {
            if (!char.IsWhiteSpace(sentence[i]))
            {
                i++;
                continue;
            }

            output.Append(sentence[runStart..i]).Append(' ');
            while (i < sentence.Length && char.IsWhiteSpace(sentence[i]))
            {
                i++;
            }

            runStart = i;
        }

        output.Append(sentence[runStart..]);
    }

    /// <summary>The sentence, whitespace collapsed, cut at the last word boundary that leaves room for "…".</summary>
    private static string Cut(ReadOnlySpan<char> sentence, int maxChars, StringBuilder buffer)
    {
        buffer.Clear();
        AppendCollapsed(buffer, sentence);
        var room = maxChars - 1;
        if (room == 0)
        {
            return Ellipsis.ToString();
        }

        int cut;
        if (buffer[room] == ' ')
        {
            cut = room;
        }
        else
        {
            cut = room;
            while (cut > 0 && buffer[cut - 1] != ' ')
            {
                cut--;
            }

            // A single word longer than the limit: cut inside it, not between the halves of a surrogate pair.
            if (cut == 0)
            {
                cut = char.IsHighSurrogate(buffer[room - 1]) ? room - 1 : room;
            }
        }

        var trimmed = cut;
        while (trimmed > 0 && TrailingCutMarks.Contains(buffer[trimmed - 1]))
        {
            trimmed--;
        }

        if (trimmed > 0)
        {
            cut = trimmed;
        }

        buffer.Length = cut;
        buffer.Append(Ellipsis);
        return buffer.ToString();
    }

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>FNV-1a over the lower-cased letters and digits of a word, the key its frequency is counted under.</summary>
    private static ulong WordHash(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            if (TextScanning.TryFoldWordChar(c, out var folded))
            {
                hash = (hash ^ folded) * FnvPrime;
            }
        }

        return hash;
    }

    private record struct SentenceInfo(int Start, int Length)
    {
        public int FirstHash;
        public int HashCount;
        public int WordCount;
        public int CollapsedLength;
        public double Score;
    }

    private readonly record struct Selection(List<int> Sentences, string? Cut);

    private readonly struct ByScoreDescending(double[] scores) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byScore = scores[y].CompareTo(scores[x]);
            return byScore != 0 ? byScore : x.CompareTo(y);
        }
    }

    /// <summary>Buffers reused by the calls on one thread, so that summarising allocates little but its result.</summary>
    private sealed class Scratch
    {
        public readonly List<SentenceInfo> Sentences = [];
        public readonly List<int> Chosen = [];
        private int[] _order = new int[64];
        private double[] _scores = new double[64];
        public readonly Dictionary<ulong, int> Frequencies = [];
        public readonly StringBuilder Output = new();
        public ulong[] HashBuffer = new ulong[256];

        /// <summary>Sentence indexes by score, highest first, earlier first among equals: a deterministic order.</summary>
        public ReadOnlySpan<int> RankSentences()
        {
            var count = Sentences.Count;
            if (_order.Length < count)
            {
                _order = new int[Math.Max(count, _order.Length * 2)];
                _scores = new double[_order.Length];
            }

            for (var i = 0; i < count; i++)
            {
                _order[i] = i;
                _scores[i] = Sentences[i].Score;
            }

            var order = _order.AsSpan(0, count);
            order.Sort(new ByScoreDescending(_scores));
            return order;
        }

        public ulong[] Hashes(int capacity)
        {
            if (HashBuffer.Length < capacity)
            {
                HashBuffer = new ulong[Math.Max(capacity, HashBuffer.Length * 2)];
            }

            return HashBuffer;
        }

        /// <summary>Drops buffers grown by an unusually long text, so one outlier does not pin memory on a thread.</summary>
        public void ReleaseIfLarge()
        {
            if (HashBuffer.Length > 16_384 || _order.Length > 4_096)
            {
                t_scratch = null;
            }
        }
    }
}
