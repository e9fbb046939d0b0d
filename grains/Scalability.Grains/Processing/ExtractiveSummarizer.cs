using System.Text;
using Scalability.Grains.Processing.Summaries;

namespace Scalability.Grains.Processing;

/// <summary>
/// Summarises a support ticket by choosing the sentences that say what is wrong and what the customer asks for, in
/// any of the supported languages (<see cref="Languages.SupportedLanguages"/>), without being told which.
/// Thread-safe and deterministic. The rules, in order:
/// <list type="number">
/// <item><b>Normalise</b> (<see cref="TicketTextNormalizer"/>): literal <c>\n</c> escapes, HTML tags and entities,
/// white space, and quoted earlier messages (attribution lines, header blocks, separators, '&gt;' lines) in every
/// language.</item>
/// <item><b>Split</b> into sentences (<c>SentenceSplitter</c>) and give each a role (<c>SentenceClassifier</c>): the
/// subject line, greetings, closings and thanks, signatures, contact lines, disclaimers and filler are never chosen;
/// a greeting that opens a sentence with content loses the greeting, not the content ("Hi team, my card never
/// arrived." gives "My card never arrived."). The phrases and words are data, one file per language:
/// <c>Processing/Languages/&lt;code&gt;/boilerplate.json</c>; stop words come from its <c>language.json</c>.</item>
/// <item><b>Score</b> each content sentence with four kinds of evidence, as in Edmundson's cue-key-title-location
/// method: cue words (problem words such as negations, "broken", "charged twice", each 1, at most 3; request words such
/// as "please", "refund", "cancel" and a closing '?', each 0.6, at most 3), key words (0.5 for each content word that
/// the ticket's content sentences use more than once), title words (2 for each content word of the subject line),
/// and 0.3 for each content word; divided by 1 + words/20 so that a long sentence pays for its length; multiplied by
/// (1 − excess)², where the excess is the share of numbers, dates, times and timeline words beyond 15% (scaled to
/// 0–1), so that reference numbers and "I called on Monday at 14:30, then on Tuesday" sink; and for the first content
/// sentence (location), which names the matter in most tickets (the problem, or the order, contract or booking the
/// request is about), by 3, unless the ticket has a subject line and the first sentence shares none of its words:
/// then the subject names the matter ("Dishwasher error F6" over "We bought a new kitchen last spring").</item>
/// <item><b>Choose</b> the best sentence, then the next best while they score at least half as much as the best one
/// without its location bonus and fit, never a sentence whose content words are mostly those of one already chosen
/// (no sentence twice, no near-duplicates), in their original order, joined by single spaces.</item>
/// <item><b>Length</b>: at most <c>maxChars</c>, and at most 35% of the normalised ticket but never less than 140
/// characters; a short ticket (at most 300 characters with one or two content sentences) is returned whole, cleaned,
/// up to <c>maxChars</c>. When the best sentence does not fit, the best one that fits and scores at least 70% as much
/// is taken instead; else it is cut at a clause or word boundary and ends with <see cref="Ellipsis"/>.</item>
/// <item><b>Fallbacks</b>: with no content sentence, the best filler sentence; else the subject line without its
/// "Re:"/"AW:" prefixes when it has two content words or more; else "". Text with no sentence at all (only symbols) is
/// its own summary.</item>
/// </list>
/// </summary>
public sealed class ExtractiveSummarizer
{
    /// <summary>Ends a summary whose sentence had to be cut.</summary>
    public const char Ellipsis = '\u2026';

    /// <summary>The most of a ticket's normalised length a summary may take (tickets longer than a short one).</summary>
    public const double MaxShareOfTicket = 0.35;

    /// <summary>
    /// The least a summary may take, so that a ticket just over short still gets a whole sentence: the first sentences
    /// of the labelled sets' bodies are 97-112 characters on average, and a floor of 100 cut many of them short.
    /// </summary>
    public const int MinimumLength = 140;

    /// <summary>A ticket at most this long with one or two content sentences is returned whole.</summary>
    public const int ShortTicketLength = 300;

    // The weights of the evidence (see the class).
    private const double ProblemWeight = 1.0;
    private const double RequestWeight = 0.6;
    private const int MaxCues = 3;
    private const double KeyWeight = 0.5;
    private const double TitleWeight = 2.0;
    private const double ContentWeight = 0.3;
    private const double WordsPerPenalty = 20;

    // Numbers, dates and timeline words up to this share of a sentence's words cost it nothing: a problem is often
    // dated ("since Monday"); a sentence made of them ("ticket #55102 on 3 February, then on 19 February") sinks.
    private const double NoiseAllowance = 0.15;

    // In the labelled fixtures the problem is the first content sentence of 70% of the tickets and the second of 20%.
    // A first sentence with no problem or request word in it is context ("I cancelled my booking on 20 April"), but it
    // names what the ticket is about: on the training tickets, a lower bonus for it (1.5) chose the request instead
    // ("When will I get my refund?") and the summary recovered less of the subject line than the first sentence did.
    private const double LeadSentenceBonus = 3;

    private const double RelativeThreshold = 0.5;
    private const double AlternativeThreshold = 0.7;
    private const double RedundantOverlap = 0.6;
    private const int MinSubjectWords = 2;

    [ThreadStatic] private static StringBuilder? t_output;

    private readonly SummaryLexicon _lexicon;

    public ExtractiveSummarizer()
        : this(SummaryLexicon.Default)
    {
    }

    internal ExtractiveSummarizer(SummaryLexicon lexicon)
    {
        _lexicon = lexicon;
        Reader = ReferenceEquals(lexicon, SummaryLexicon.Default) ? TicketReader.Default : new TicketReader(lexicon);
    }

    /// <summary>What takes a ticket apart for this summarizer, and for a categorizer that reads the same ticket.</summary>
    internal TicketReader Reader { get; }

    /// <summary>
    /// The summarizer with every supported language's rules. The first call for it also starts summarising a made-up
    /// ticket on a pool thread: a job's first tickets would otherwise wait for the lexicon to be read and the common
    /// path's code to be compiled (tens of milliseconds, a sixth of a 19,000-ticket job on two cores), while its reader
    /// is still starting. Rare paths (escapes, tags, quoted replies) are left to compile when a ticket needs them.
    /// </summary>
    public static ExtractiveSummarizer Default { get; } = StartWarming(new ExtractiveSummarizer());

    private const string WarmingTicket =
        "Billing error\n\nHello,\n\nThe checkout said the payment failed, yet the money left my bank twice on Monday. " +
        "Could you please refund the second charge?\n\nThanks,\nAnna";

    private static ExtractiveSummarizer StartWarming(ExtractiveSummarizer summarizer)
    {
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Summarize(WarmingTicket, 240), summarizer, preferLocal: false);
        return summarizer;
    }

    /// <summary>
    /// The sentences of <paramref name="text"/> that best say what is wrong and what is asked, by the rules above, in
    /// their original order, at most <paramref name="maxChars"/> characters. Empty or blank text gives "".
    /// </summary>
    public string Summarize(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var analysis = Reader.Read(text);
        var summary = Summarize(text, analysis, maxChars);
        TicketReader.Release(analysis);
        return summary;
    }

    /// <summary>
    /// The summary of <paramref name="text"/> from the analysis <see cref="Reader"/> made of it, so that a processor
    /// that also categorizes the ticket reads it once. The caller, who read it, releases it.
    /// </summary>
    internal string Summarize(string text, TicketAnalysis analysis, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var output = t_output ??= new StringBuilder(256);
        output.Clear();
        Summarize(text, maxChars, analysis, output, pieces: null);
        var summary = output.ToString();
        if (output.Capacity > 16_384)
        {
            t_output = null;
        }

        return summary;
    }

    /// <summary>The pieces <see cref="Summarize(string, int)"/> joins, in order. For tests.</summary>
    internal IReadOnlyList<string> SummarySentences(string text, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        var pieces = new List<string>();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var analysis = new TicketAnalysis();
            Reader.Read(text, analysis);
            Summarize(text, maxChars, analysis, new StringBuilder(), pieces);
        }

        return pieces;
    }

    /// <summary>
    /// Every sentence of the normalised text, in order, with its content (the sentence without a greeting before it),
    /// role and score. For tests, measures and diagnostics.
    /// </summary>
    internal IReadOnlyList<ExplainedSentence> Explain(string text)
    {
        var analysis = new TicketAnalysis();
        Reader.Read(text, analysis);
        Rank(analysis);
        var result = new List<ExplainedSentence>();
        for (var s = 0; s < analysis.SentenceCount; s++)
        {
            ref var sentence = ref analysis.Sentences[s];
            result.Add(new ExplainedSentence(analysis.TextOf(sentence).ToString(), analysis.ContentOf(sentence).ToString(), sentence.Role, sentence.Score));
        }

        return result;
    }

    /// <summary>Scores the content sentences of a ticket the reader took apart.</summary>
    private static void Rank(TicketAnalysis analysis)
    {
        var titled = CountWords(analysis);
        Score(analysis, titled);
    }

    private void Summarize(string text, int maxChars, TicketAnalysis analysis, StringBuilder output, List<string>? pieces)
    {
        Rank(analysis);
        if (analysis.SentenceCount == 0)
        {
            // Only punctuation or symbols: nothing to rank, so the text itself is its summary.
            AppendPiece(output, pieces, analysis.Text.IsEmpty ? text.AsSpan().Trim() : analysis.Text, capitalize: false, maxChars);
            return;
        }

        Span<int> chosen = stackalloc int[64];
        var count = Choose(analysis, maxChars, chosen, out var cutTo);
        if (count == 0)
        {
            Fallback(analysis, output, pieces, maxChars);
            return;
        }

        chosen[..count].Sort();
        foreach (var index in chosen[..count])
        {
            ref var sentence = ref analysis.Sentences[index];
            AppendPiece(output, pieces, analysis.ContentOf(sentence), sentence.Capitalize, cutTo > 0 ? cutTo : int.MaxValue);
        }
    }

    /// <summary>
    /// Counts each content word over the content sentences, and marks the subject's words; whether the subject had any.
    /// </summary>
    private static bool CountWords(TicketAnalysis analysis)
    {
        var frequencies = analysis.Frequencies;
        var titled = false;
        for (var s = 0; s < analysis.SentenceCount; s++)
        {
            ref var sentence = ref analysis.Sentences[s];
            if (sentence.Role is not (SentenceRole.Content or SentenceRole.Subject))
            {
                continue;
            }

            var subject = sentence.Role == SentenceRole.Subject;
            foreach (var token in analysis.ContentTokensOf(sentence))
            {
                if (!token.IsTopical)
                {
                    continue;
                }

                if (subject)
                {
                    frequencies.MarkSubject(token.Hash);
                    titled = true;
                }
                else
                {
                    frequencies.Add(token.Hash);
                }
            }
        }

        return titled;
    }

    /// <summary>
    /// Scores each content sentence; <paramref name="titled"/> says the ticket has a subject line with content words,
    /// which then names the matter instead of the first sentence when that sentence shares none of them.
    /// </summary>
    private static void Score(TicketAnalysis analysis, bool titled)
    {
        var lead = -1;
        var leadTitled = false;
        var othersTitled = false;
        for (var s = 0; s < analysis.SentenceCount; s++)
        {
            ref var sentence = ref analysis.Sentences[s];
            if (sentence.Role != SentenceRole.Content)
            {
                continue;
            }

            var tokens = analysis.ContentTokensOf(sentence);
            var problems = 0;
            var requests = 0;
            var noise = 0;
            var keys = 0;
            var titles = 0;
            var content = 0;
            foreach (var token in tokens)
            {
                var flags = token.Flags;
                problems += (flags & WordFlags.Problem) != 0 ? 1 : 0;
                requests += (flags & WordFlags.Request) != 0 ? 1 : 0;
                if (token.HasDigit || (flags & WordFlags.Noise) != 0)
                {
                    noise++;
                    continue;
                }

                if (!token.IsTopical)
                {
                    continue;
                }

                content++;
                var frequency = analysis.Frequencies.Get(token.Hash);
                keys += (frequency & (WordCounts.InSubject - 1)) >= 2 ? 1 : 0;
                titles += (frequency & WordCounts.InSubject) != 0 ? 1 : 0;
            }

            var text = analysis.ContentOf(sentence);
            requests += text.TrimEnd("\"')]\u00BB\u201D").EndsWith('?') ? 1 : 0;
            var words = Math.Max(1, tokens.Length);
            var evidence = (ProblemWeight * Math.Min(problems, MaxCues)) + (RequestWeight * Math.Min(requests, MaxCues))
                           + (KeyWeight * keys) + (TitleWeight * titles) + (ContentWeight * content);
            var clean = 1.0 - (Math.Max(0, ((double)noise / words) - NoiseAllowance) / (1 - NoiseAllowance));
            var score = evidence / (1 + (words / WordsPerPenalty)) * clean * clean;
            sentence.Unboosted = score;
            sentence.Score = score;
            if (lead < 0)
            {
                lead = s;
                leadTitled = titles > 0;
            }
            else
            {
                othersTitled |= titles > 0;
            }
        }

        if (lead >= 0 && !(titled && !leadTitled && othersTitled))
        {
            analysis.Sentences[lead].Score *= LeadSentenceBonus;
        }
    }

    /// <summary>
    /// Chooses the summary's sentences (see the class) into <paramref name="chosen"/>; <paramref name="cutTo"/> is
    /// the length the one chosen sentence must be cut to, or 0.
    /// </summary>
    private static int Choose(TicketAnalysis analysis, int maxChars, Span<int> chosen, out int cutTo)
    {
        cutTo = 0;
        Span<int> order = analysis.SentenceCount <= 256 ? stackalloc int[analysis.SentenceCount] : new int[analysis.SentenceCount];
        var candidates = 0;
        for (var s = 0; s < analysis.SentenceCount; s++)
        {
            if (analysis.Sentences[s].Role == SentenceRole.Content)
            {
                order[candidates++] = s;
            }
        }

        if (candidates == 0)
        {
            return 0;
        }

        order = order[..candidates];
        var sentences = analysis.Sentences;
        SortByScore(order, sentences);

        var length = analysis.Text.Length;
        var shortTicket = candidates <= 2 && length <= ShortTicketLength;
        var budget = shortTicket
            ? maxChars
            : Math.Min(maxChars, Math.Max((int)Math.Ceiling(MaxShareOfTicket * length), MinimumLength));

        var best = order[0];
        var bestScore = sentences[best].Score;

        // More sentences are measured against the best one's own evidence, not its bonus for coming first.
        var threshold = RelativeThreshold * sentences[best].Unboosted;
        if (sentences[best].ContentLength > budget)
        {
            var alternative = -1;
            foreach (var index in order[1..])
            {
                if (sentences[index].Score < AlternativeThreshold * bestScore)
                {
                    break;
                }

                if (sentences[index].ContentLength <= budget)
                {
                    alternative = index;
                    break;
                }
            }

            if (alternative < 0)
            {
                chosen[0] = best;
                cutTo = budget;
                return 1;
            }

            best = alternative;
            threshold = RelativeThreshold * sentences[best].Unboosted;
        }

        var count = 0;
        chosen[count++] = best;
        var used = sentences[best].ContentLength;
        foreach (var index in order)
        {
            if (index == best)
            {
                continue;
            }

            if (count == chosen.Length || (!shortTicket && sentences[index].Score < threshold))
            {
                break;
            }

            var needed = sentences[index].ContentLength + 1;
            if (used + needed > budget || Repeats(analysis, index, chosen[..count]))
            {
                continue;
            }

            chosen[count++] = index;
            used += needed;
        }

        return count;
    }

    /// <summary>
    /// Whether most of a sentence's content words are those of a chosen sentence, or the other way round: the same
    /// sentence twice, or one that only rephrases another.
    /// </summary>
    private static bool Repeats(TicketAnalysis analysis, int candidate, ReadOnlySpan<int> chosen)
    {
        var words = analysis.ContentTokensOf(analysis.Sentences[candidate]);
        var own = Topical(words);
        foreach (var other in chosen)
        {
            var theirs = analysis.ContentTokensOf(analysis.Sentences[other]);
            var shared = 0;
            foreach (var word in words)
            {
                if (!word.IsTopical)
                {
                    continue;
                }

                foreach (var their in theirs)
                {
                    if (their.Hash == word.Hash && their.IsTopical)
                    {
                        shared++;
                        break;
                    }
                }
            }

            var smaller = Math.Min(own, Topical(theirs));
            if (smaller == 0 ? analysis.ContentOf(analysis.Sentences[candidate]).SequenceEqual(analysis.ContentOf(analysis.Sentences[other]))
                    : shared >= RedundantOverlap * smaller)
            {
                return true;
            }
        }

        return false;
    }

    private static int Topical(ReadOnlySpan<Token> tokens)
    {
        var count = 0;
        foreach (var token in tokens)
        {
            count += token.IsTopical ? 1 : 0;
        }

        return count;
    }

    /// <summary>No content sentence: the best filler, else the subject if it says something, else nothing.</summary>
    private void Fallback(TicketAnalysis analysis, StringBuilder output, List<string>? pieces, int maxChars)
    {
        var filler = -1;
        var subjectStart = -1;
        var subjectEnd = -1;
        var subjectWords = 0;
        for (var s = 0; s < analysis.SentenceCount; s++)
        {
            ref var sentence = ref analysis.Sentences[s];
            if (sentence.Role == SentenceRole.Filler && (filler < 0 || sentence.TokenCount > analysis.Sentences[filler].TokenCount))
            {
                filler = s;
            }
            else if (sentence.Role == SentenceRole.Subject)
            {
                var tokens = analysis.TokensOf(sentence);
                var skip = 0;
                while (skip < tokens.Length && _lexicon.IsReplyPrefix(tokens[skip].Hash)
                       && analysis.Text[(tokens[skip].Start + tokens[skip].Length)..].TrimStart(' ').StartsWith(':'))
                {
                    skip++;
                }

                if (subjectStart < 0 && skip < tokens.Length)
                {
                    subjectStart = tokens[skip].Start;
                }

                subjectEnd = sentence.End;
                foreach (var token in tokens[skip..])
                {
                    subjectWords += token.IsTopical ? 1 : 0;
                }
            }
        }

        if (filler >= 0)
        {
            ref var sentence = ref analysis.Sentences[filler];
            AppendPiece(output, pieces, analysis.ContentOf(sentence), sentence.Capitalize, maxChars);
        }
        else if (subjectStart >= 0 && subjectWords >= MinSubjectWords)
        {
            AppendPiece(output, pieces, analysis.Text[subjectStart..subjectEnd], capitalize: false, maxChars);
        }
    }

    /// <summary>Appends one piece, line breaks as spaces, cut to <paramref name="limit"/> characters if longer.</summary>
    private static void AppendPiece(StringBuilder output, List<string>? pieces, ReadOnlySpan<char> piece, bool capitalize, int limit)
    {
        var start = output.Length;
        if (start > 0)
        {
            output.Append(' ');
            start++;
        }

        if (piece.Length > limit)
        {
            Cut(output, piece, limit);
        }
        else
        {
            output.Append(piece);
        }

        for (var i = start; i < output.Length; i++)
        {
            if (output[i] == '\n')
            {
                output[i] = ' ';
            }
        }

        if (capitalize && start < output.Length)
        {
            output[start] = char.ToUpperInvariant(output[start]);
        }

        pieces?.Add(output.ToString(start, output.Length - start));
    }

    /// <summary>
    /// Sentence indexes by score, highest first, earlier first among equals: a deterministic order. An insertion sort:
    /// a ticket has a handful of sentences, and a general sort of a struct comparer is much more code to compile when a
    /// job starts.
    /// </summary>
    private static void SortByScore(Span<int> order, SentenceInfo[] sentences)
    {
        for (var i = 1; i < order.Length; i++)
        {
            var index = order[i];
            var score = sentences[index].Score;
            var j = i - 1;
            while (j >= 0 && (sentences[order[j]].Score < score || (sentences[order[j]].Score == score && order[j] > index)))
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = index;
        }
    }

    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create(",;:\u2013\u2014");
    private static readonly System.Buffers.SearchValues<char> TrailingCutMarks = System.Buffers.SearchValues.Create(",;:-\u2013\u2014([{/ \n");

    /// <summary>
    /// The sentence cut to leave room for "…" in <paramref name="limit"/> characters: after the last clause mark in its
    /// second half if it has one, else at the last word boundary, else (one long word) inside it.
    /// </summary>
    private static void Cut(StringBuilder output, ReadOnlySpan<char> sentence, int limit)
    {
        var room = limit - 1;
        if (room <= 0)
        {
            output.Append(Ellipsis);
            return;
        }

        var kept = sentence[..room];
        int cut;
        var clause = kept.LastIndexOfAny(ClauseEnds);
        if (clause >= room / 2)
        {
            cut = clause;
        }
        else if (char.IsWhiteSpace(sentence[room]))
        {
            cut = room;
        }
        else
        {
            cut = kept.LastIndexOfAny(' ', '\n');
            if (cut <= 0)
            {
                // A single word longer than the limit: cut inside it, not between the halves of a surrogate pair.
                cut = char.IsHighSurrogate(sentence[room - 1]) ? room - 1 : room;
            }
        }

        var trimmed = cut;
        while (trimmed > 0 && TrailingCutMarks.Contains(sentence[trimmed - 1]))
        {
            trimmed--;
        }

        output.Append(sentence[..(trimmed > 0 ? trimmed : cut)]).Append(Ellipsis);
    }
}
