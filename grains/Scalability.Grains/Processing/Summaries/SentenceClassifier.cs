namespace Scalability.Grains.Processing.Summaries;

/// <summary>
/// Gives each sentence of a <see cref="TicketAnalysis"/> its <see cref="SentenceRole"/>, by the rules of every
/// language at once (their phrases are anchored at a sentence's start and rarely collide):
/// <list type="bullet">
/// <item>Subject: the text's first line, when a blank line follows it, it is at most 150 characters and one sentence,
/// it does not open with a greeting, closing or signature phrase, and it does not end like a sentence ('.', ',', ':',
/// ';', or '?' and '!' after six words or more); or any such line that starts with a reply prefix ("Re:", "AW:").</item>
/// <item>Greeting: before the first content (or, after it, as a whole line), a greeting phrase ("Hi", "Sehr geehrte Damen und Herren", "Bonjour"),
/// then up to four addressee words (listed ones such as "team", or capitalised names), then a comma, colon, '!' or the
/// end of the sentence. What follows in the sentence is its content: "Hi team, my card never arrived." keeps "My card
/// never arrived." Without such a mark only the phrase and listed addressees that are not stop words go ("hi my card
/// …" keeps "my card …").</item>
/// <item>Closing: a valediction phrase ("Kind regards", "Mit freundlichen Grüßen", "Cordialement") alone or with a
/// name after it; or a sentence whose words are all stop words, courtesies and filler, with at least one courtesy
/// ("Thanks in advance for your help!", "I look forward to hearing from you."). A leading courtesy clause of a
/// content sentence is taken off, with a contrast word after it: "Thank you for the quick reply, but the refund never
/// came." keeps "The refund never came."; so is a trailing one after three words or more: "Please send the invoice by
/// post, thanks!" keeps "Please send the invoice by post".</item>
/// <item>Signature: a line opening with a signature phrase ("Sent from my iPhone", "Von meinem iPhone gesendet");
/// after a closing that follows content, the short lines (up to 8 words, no sentence end, no problem word) that
/// follow it: names, titles, companies, addresses; a last line of at most three capitalised words; and the last
/// paragraph of a letter when it is only such lines, the first of them maybe ending in a comma (a sign-off that no
/// list names, "Au plaisir d'échanger avec vous," then a name and a company).</item>
/// <item>Contact: a line with an e-mail or web address, or seven digits or more with a contact label or more digits
/// than letters, and at most two other words ("T: +44 161 496 0752", "Tel. 0176 55512345").</item>
/// <item>Disclaimer: a sentence with two different disclaimer words ("confidential", "intended recipient"), and the
/// rest of its paragraph.</item>
/// <item>Filler: a sentence of stop words and filler words only ("Can you help me?").</item>
/// </list>
/// </summary>
internal static class SentenceClassifier
{
    public const int MaxSubjectLength = 150;

    // A first line that ends in '?' or '!' with this many words is the customer's question, not a subject ("Could you
    // please issue a corrected invoice?"); shorter ones are subjects ("Where is my order #123?", "Great service!").
    private const int MinSentenceWords = 6;
    private const int MaxAddresseeWords = 4;
    private const int MaxNameWords = 5;
    private const int MaxSignatureLineWords = 8;
    private const int MaxNameLineWords = 3;
    private const int MinPhoneDigits = 7;
    private const int MinWordsBeforeCourtesyTail = 3;

    public static void Classify(TicketAnalysis analysis, SummaryLexicon lexicon)
    {
        var sentences = analysis.Sentences.AsSpan(0, analysis.SentenceCount);
        MarkSubject(analysis, lexicon, sentences);

        var seenContent = false;
        var signatureZone = false;
        var disclaimerParagraph = -1;
        for (var s = 0; s < sentences.Length; s++)
        {
            ref var sentence = ref sentences[s];
            if (sentence.Role == SentenceRole.Subject)
            {
                continue;
            }

            var tokens = analysis.TokensOf(sentence);
            var text = analysis.TextOf(sentence);
            var phrase = LongestPhrase(lexicon, tokens, out var phraseWords);
            if ((phrase & PhraseKinds.SignatureLine) != 0)
            {
                sentence.Role = SentenceRole.Signature;
                signatureZone |= seenContent;
                continue;
            }

            if (sentence.Span.Paragraph == disclaimerParagraph || DistinctDisclaimerWords(tokens) >= 2)
            {
                sentence.Role = SentenceRole.Disclaimer;
                disclaimerParagraph = sentence.Span.Paragraph;
                continue;
            }

            if (IsContact(tokens, text))
            {
                sentence.Role = SentenceRole.Contact;
                continue;
            }

            if (signatureZone && IsSignatureLike(sentence, tokens, text))
            {
                sentence.Role = SentenceRole.Signature;
                continue;
            }

            if ((phrase & PhraseKinds.Valediction) != 0 && IsNamesOnly(tokens[phraseWords..]))
            {
                sentence.Role = SentenceRole.Closing;
                signatureZone |= seenContent;
                continue;
            }

            // After content, only a line that is nothing but a greeting is one: it opens the letter below a first line
            // that read like a sentence ("Rückmeldung zu unserer Reise, 14.–21.11." then "Sehr geehrte Damen und Herren,").
            var greetingLine = sentence.Span.StartsLine && sentence.Span.EndsLine;
            if ((phrase & PhraseKinds.Greeting) != 0 && (!seenContent || greetingLine))
            {
                var content = GreetingEnd(analysis, lexicon, tokens, phraseWords, text, sentence.Span.Start);
                if (content >= tokens.Length)
                {
                    sentence.Role = SentenceRole.Greeting;
                    continue;
                }

                if (!seenContent)
                {
                    SkipTo(analysis, ref sentence, content);
                    tokens = analysis.ContentTokensOf(sentence);
                }
            }

            switch (Courtesy(tokens))
            {
                case SentenceRole.Closing:
                    sentence.Role = SentenceRole.Closing;
                    signatureZone |= seenContent;
                    continue;
                case SentenceRole.Filler:
                    sentence.Role = SentenceRole.Filler;
                    continue;
            }

            var clause = CourtesyClauseEnd(tokens);
            if (clause > 0)
            {
                // "…, but the refund never came": the contrast word that joined the courtesy goes with it.
                if ((tokens[clause].Flags & (WordFlags.Stop | WordFlags.Problem)) == (WordFlags.Stop | WordFlags.Problem) && clause + 3 < tokens.Length)
                {
                    clause++;
                }

                SkipTo(analysis, ref sentence, sentence.ContentToken - sentence.FirstToken + clause);
                tokens = analysis.ContentTokensOf(sentence);
            }

            var tail = CourtesyTailStart(tokens);
            if (tail > 0)
            {
                // "…per Post schicken, danke": the thanks is a closing, not part of the request.
                sentence.ContentTokenEnd = sentence.ContentToken + tail;
                sentence.ContentEnd = tokens[tail - 1].Start + tokens[tail - 1].Length;
            }

            sentence.Role = SentenceRole.Content;
            seenContent = true;
            signatureZone = false;
        }

        MarkNameLine(analysis, sentences);
        MarkSignOffParagraph(analysis, sentences);
    }

    /// <summary>The first line is a subject when a blank line follows it and it reads like one (see the class).</summary>
    private static void MarkSubject(TicketAnalysis analysis, SummaryLexicon lexicon, Span<SentenceInfo> sentences)
    {
        var text = analysis.Text;
        var firstBreak = text.IndexOf("\n\n");
        if (sentences.Length < 2 || firstBreak <= 0 || firstBreak > MaxSubjectLength || text[..firstBreak].Contains('\n'))
        {
            return;
        }

        ref var first = ref sentences[0];
        var tokens = analysis.TokensOf(first);
        if (tokens.IsEmpty)
        {
            return;
        }

        var replyPrefix = lexicon.IsReplyPrefix(tokens[0].Hash)
                          && text[(tokens[0].Start + tokens[0].Length)..].TrimStart(' ').StartsWith(':');
        var last = text[firstBreak - 1];
        if (!replyPrefix && (last is '.' or ',' or ':' or ';' || (last is '?' or '!' && tokens.Length >= MinSentenceWords)))
        {
            return;
        }

        // A line of several sentences is a message's first line, not its subject: "Hi, my card never arrived. Help!"
        if (!replyPrefix && sentences[1].Span.Paragraph == 0)
        {
            return;
        }

        var phrase = LongestPhrase(lexicon, tokens, out _);
        if (!replyPrefix && (phrase & (PhraseKinds.Greeting | PhraseKinds.Valediction | PhraseKinds.SignatureLine)) != 0)
        {
            return;
        }

        foreach (ref var sentence in sentences)
        {
            if (sentence.Span.Paragraph != 0)
            {
                break;
            }

            sentence.Role = SentenceRole.Subject;
        }
    }

    /// <summary>The kinds of the longest phrase that the sentence's first words make, and its length in words.</summary>
    private static PhraseKinds LongestPhrase(SummaryLexicon lexicon, ReadOnlySpan<Token> tokens, out int words)
    {
        words = 0;
        if (tokens.IsEmpty)
        {
            return PhraseKinds.None;
        }

        foreach (var phrase in lexicon.PhrasesStartingWith(tokens[0].Hash))
        {
            if (phrase.Words.Length > tokens.Length)
            {
                continue;
            }

            var matches = true;
            for (var i = 1; i < phrase.Words.Length && matches; i++)
            {
                matches = tokens[i].Hash == phrase.Words[i];
            }

            if (matches)
            {
                words = phrase.Words.Length;
                return phrase.Kinds;
            }
        }

        return PhraseKinds.None;
    }

    /// <summary>
    /// The index of the first word after a greeting whose phrase is the sentence's first <paramref name="phraseWords"/>
    /// words: after the addressee and the mark that closes it (see the class); the sentence's length if it is all greeting.
    /// </summary>
    private static int GreetingEnd(TicketAnalysis analysis, SummaryLexicon lexicon, ReadOnlySpan<Token> tokens, int phraseWords,
        ReadOnlySpan<char> sentence, int sentenceStart)
    {
        var end = phraseWords;
        if (!ClosedAfter(analysis, tokens, end - 1, sentence, sentenceStart))
        {
            // "Dear customer service team, …", "Hallo Frau Schneider, …": an addressee, then the mark.
            var j = end;
            while (j < tokens.Length && j - end < MaxAddresseeWords && IsAddresseeWord(tokens[j]))
            {
                j++;
                if (ClosedAfter(analysis, tokens, j - 1, sentence, sentenceStart))
                {
                    break;
                }
            }

            if (j > end && ClosedAfter(analysis, tokens, j - 1, sentence, sentenceStart))
            {
                end = j;
            }
            else if (tokens.Length - end <= MaxAddresseeWords && EndsWithComma(tokens[^1], sentence, sentenceStart) && IsTitle(tokens[end..]))
            {
                // A whole greeting line whose addressee is a title nobody capitalises: "Geachte functionaris
                // gegevensbescherming,". Not "Hi I want a refund," (stop words, a request).
                return tokens.Length;
            }
            else
            {
                // No mark: "hi my card never arrived" loses "hi" and listed addressees only, not an article that
                // begins the content ("hola el router …").
                while (end < tokens.Length && (tokens[end].Flags & (WordFlags.Addressee | WordFlags.Stop)) == WordFlags.Addressee)
                {
                    end++;
                }

                return end;
            }
        }

        // "Geachte heer, mevrouw," and "Madame, Monsieur,": listed addressees after the comma, then another mark.
        while (end < tokens.Length)
        {
            var j = end;
            while (j < tokens.Length && j - end < 3 && (tokens[j].Flags & WordFlags.Addressee) != 0)
            {
                j++;
            }

            if (j == end || !ClosedAfter(analysis, tokens, j - 1, sentence, sentenceStart))
            {
                break;
            }

            end = j;
        }

        // A second greeting after the first: "Olá, boa tarde!".
        if (end < tokens.Length)
        {
            var rest = tokens[end..];
            var next = LongestPhrase(lexicon, rest, out var nextWords);
            if ((next & PhraseKinds.Greeting) != 0 && ClosedAfter(analysis, tokens, end + nextWords - 1, sentence, sentenceStart))
            {
                return end + GreetingEnd(analysis, lexicon, rest, nextWords, sentence, sentenceStart);
            }
        }

        return end;
    }

    private static bool IsAddresseeWord(in Token token) =>
        (token.Flags & WordFlags.Addressee) != 0
        || (token.Capitalized && token.HasLetter && !token.HasDigit && token.Length > 1 && (token.Flags & WordFlags.Stop) == 0);

    /// <summary>Words that can name an addressee: no stop word, no problem or request word.</summary>
    private static bool IsTitle(ReadOnlySpan<Token> words)
    {
        foreach (var word in words)
        {
            if ((word.Flags & (WordFlags.Stop | WordFlags.Problem | WordFlags.Request)) != 0 || word.HasDigit)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the sentence ends, after its last word, with a comma or a colon: a line of address, not a sentence.</summary>
    private static bool EndsWithComma(in Token last, ReadOnlySpan<char> sentence, int sentenceStart)
    {
        var after = sentence[(last.Start + last.Length - sentenceStart)..].Trim();
        return after is "," or ":";
    }

    /// <summary>Whether a greeting mark (',', ':', ';', '!', a dash) or the sentence's end follows word <paramref name="index"/>.</summary>
    private static bool ClosedAfter(TicketAnalysis analysis, ReadOnlySpan<Token> tokens, int index, ReadOnlySpan<char> sentence, int sentenceStart)
    {
        if (index < 0)
        {
            return false;
        }

        var from = tokens[index].Start + tokens[index].Length - sentenceStart;
        var to = index + 1 < tokens.Length ? tokens[index + 1].Start - sentenceStart : sentence.Length;
        var gap = sentence[from..to];
        return index + 1 == tokens.Length
               || gap.ContainsAny(",:;!\u2013\u2014") || gap.Contains(" - ", StringComparison.Ordinal) || gap.Contains('\n');
    }

    /// <summary>Moves a sentence's content start to its word <paramref name="index"/> (relative to its first word).</summary>
    private static void SkipTo(TicketAnalysis analysis, ref SentenceInfo sentence, int index)
    {
        var text = analysis.Text;
        var start = analysis.Tokens[sentence.FirstToken + index].Start;
        // Keep an opening quote or bracket that belongs to the content: "(order 123) …", "«livré»".
        while (start > sentence.ContentStart && text[start - 1] is '"' or '(' or '\u00AB' or '\u201C' or '\u201E' or '\u00BF' or '\u00A1' or '\'')
        {
            start--;
        }

        var wasCapital = char.IsUpper(text[sentence.Span.Start]);
        sentence.ContentToken = sentence.FirstToken + index;
        sentence.ContentStart = start;
        sentence.Capitalize = wasCapital && char.IsLower(text[start]);
    }

    /// <summary>
    /// Closing, Filler or Content, by the sentence's words (see the class). Timeline words ("today", "again") are
    /// courtesies beside a thanks ("Thanks again!", "I hope you are doing well today.") and content otherwise.
    /// </summary>
    private static SentenceRole Courtesy(ReadOnlySpan<Token> tokens)
    {
        var closing = 0;
        var timeline = 0;
        foreach (var token in tokens)
        {
            if (token.InPlaceholder || (token.Flags & WordFlags.Stop) != 0 && !token.HasDigit)
            {
                continue;
            }

            if ((token.Flags & WordFlags.Closing) != 0)
            {
                closing++;
            }
            else if ((token.Flags & WordFlags.Noise) != 0 && !token.HasDigit)
            {
                timeline++;
            }
            else if ((token.Flags & (WordFlags.Filler | WordFlags.Addressee)) == 0 || token.HasDigit)
            {
                return SentenceRole.Content;
            }
        }

        return closing > 0 ? SentenceRole.Closing : timeline > 0 ? SentenceRole.Content : SentenceRole.Filler;
    }

    /// <summary>
    /// The word after a leading clause of thanks and courtesies ("Thank you for the quick reply, but …"), when at
    /// least three words follow it; else 0.
    /// </summary>
    private static int CourtesyClauseEnd(ReadOnlySpan<Token> tokens)
    {
        for (var i = 1; i < tokens.Length - 2; i++)
        {
            if (tokens[i].BreakBefore)
            {
                return Courtesy(tokens[..i]) == SentenceRole.Closing ? i : 0;
            }
        }

        return 0;
    }

    /// <summary>
    /// The first word of a trailing clause of thanks and courtesies ("…, thanks", "…, merci d'avance"), when at least
    /// three words come before it; else 0. A capital after a small letter starts one too, where a line break was lost
    /// ("…sent the screenshots again Thank you!").
    /// </summary>
    private static int CourtesyTailStart(ReadOnlySpan<Token> tokens)
    {
        for (var i = tokens.Length - 1; i >= MinWordsBeforeCourtesyTail; i--)
        {
            if (tokens[i].BreakBefore)
            {
                return Courtesy(tokens[i..]) == SentenceRole.Closing ? i : 0;
            }

            if (tokens[i].Capitalized && !tokens[i - 1].Capitalized && Courtesy(tokens[i..]) == SentenceRole.Closing)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>Whether the words after a valediction are a name at most ("Anna", "Stefan and Julia Novak") or none.</summary>
    private static bool IsNamesOnly(ReadOnlySpan<Token> tokens)
    {
        if (tokens.Length > MaxNameWords)
        {
            return false;
        }

        var names = 0;
        foreach (var token in tokens)
        {
            if (token.HasDigit)
            {
                return false;
            }

            if (token.Capitalized)
            {
                names++;
            }
            else if ((token.Flags & WordFlags.Stop) == 0)
            {
                return false;
            }
        }

        return tokens.IsEmpty || names > 0;
    }

    private static int DistinctDisclaimerWords(ReadOnlySpan<Token> tokens)
    {
        var first = 0UL;
        foreach (var token in tokens)
        {
            if ((token.Flags & WordFlags.Disclaimer) == 0)
            {
                continue;
            }

            if (first == 0)
            {
                first = token.Hash;
            }
            else if (token.Hash != first)
            {
                return 2;
            }
        }

        return first == 0 ? 0 : 1;
    }

    private static bool IsContact(ReadOnlySpan<Token> tokens, ReadOnlySpan<char> text)
    {
        var address = false;
        var labels = 0;
        var others = 0;
        var digits = 0;
        var letters = 0;
        foreach (var token in tokens)
        {
            address |= token.InAddress;
            if (token.InAddress)
            {
                continue;
            }

            if ((token.Flags & WordFlags.ContactLabel) != 0)
            {
                labels++;
            }
            else if (token.IsContent)
            {
                others++;
            }
        }

        if (others > 2)
        {
            return false;
        }

        if (address)
        {
            return true;
        }

        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                digits++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return digits >= MinPhoneDigits && (labels > 0 || digits >= letters);
    }

    /// <summary>A short line that a signature is made of: a name, a title, a company, an address.</summary>
    private static bool IsSignatureLike(in SentenceInfo sentence, ReadOnlySpan<Token> tokens, ReadOnlySpan<char> text)
    {
        if (!sentence.Span.StartsLine || !sentence.Span.EndsLine || tokens.Length > MaxSignatureLineWords)
        {
            return false;
        }

        foreach (var token in tokens)
        {
            if ((token.Flags & WordFlags.Problem) != 0)
            {
                return false;
            }
        }

        // "B.V." and "Mrs D." end in a period that ends no sentence.
        var last = text[^1];
        return last is not ('.' or '!' or '?') || (tokens.Length > 0 && tokens[^1].Length == 1);
    }

    /// <summary>
    /// The last paragraph of a letter, when each of its lines is short, capitalised, asks nothing and ends no sentence,
    /// is its sign-off: a first line that ends in a comma is a closing, the other lines (a name, a title, a company)
    /// are a signature. The paragraph before it must end a sentence ('.', '!', '?'): a chat written without
    /// punctuation keeps its lines.
    /// </summary>
    private static void MarkSignOffParagraph(TicketAnalysis analysis, Span<SentenceInfo> sentences)
    {
        var first = sentences.Length;
        var lines = 0;
        while (first > 0 && sentences[first - 1].Span.Paragraph == sentences[^1].Span.Paragraph)
        {
            first--;
        }

        if (first == 0 || sentences[first - 1].Role != SentenceRole.Content || analysis.TextOf(sentences[first - 1])[^1] is not ('.' or '!' or '?'))
        {
            return;
        }

        for (var s = first; s < sentences.Length; s++)
        {
            ref var sentence = ref sentences[s];
            if (sentence.Role != SentenceRole.Content)
            {
                continue;
            }

            var tokens = analysis.TokensOf(sentence);
            if (tokens.Length == 0 || !tokens[0].Capitalized || !IsSignatureLike(sentence, tokens, analysis.TextOf(sentence)))
            {
                return;
            }

            foreach (var token in tokens)
            {
                if ((token.Flags & WordFlags.Request) != 0)
                {
                    return;
                }
            }

            lines++;
        }

        for (var s = first; lines > 0 && s < sentences.Length; s++)
        {
            ref var sentence = ref sentences[s];
            if (sentence.Role == SentenceRole.Content)
            {
                sentence.Role = s == first && analysis.TextOf(sentence)[^1] == ',' ? SentenceRole.Closing : SentenceRole.Signature;
            }
        }
    }

    /// <summary>
    /// A last line of at most three capitalised words after content (or above the contact lines that end the ticket) is
    /// its writer's name.
    /// </summary>
    private static void MarkNameLine(TicketAnalysis analysis, Span<SentenceInfo> sentences)
    {
        if (sentences.Length < 2)
        {
            return;
        }

        // The name may stand above the writer's phone number or e-mail address.
        var index = sentences.Length - 1;
        while (index > 0 && sentences[index].Role == SentenceRole.Contact)
        {
            index--;
        }

        ref var last = ref sentences[index];
        if (last.Role != SentenceRole.Content || !last.Span.StartsLine || last.Span.Line == 0)
        {
            return;
        }

        var tokens = analysis.TokensOf(last);
        var text = analysis.TextOf(last);
        if (tokens.Length > MaxNameLineWords || text[^1] is '.' or '!' or '?' or ':' or ',')
        {
            return;
        }

        foreach (var token in tokens)
        {
            if (!token.Capitalized || token.HasDigit || (token.Flags & (WordFlags.Problem | WordFlags.Request)) != 0)
            {
                return;
            }
        }

        var content = 0;
        foreach (var sentence in sentences)
        {
            content += sentence.Role == SentenceRole.Content ? 1 : 0;
        }

        if (content >= 2)
        {
            last.Role = SentenceRole.Signature;
        }
    }
}
