using Scalability.Grains.Processing.Summaries;

namespace Scalability.Grains.Processing;

/// <summary>
/// How much each part of a ticket counts as evidence of its category. The keyword scores of a whole ticket treat the
/// customer's thanks, the agent's signature and the subject alike; a ticket's topic is mostly in what it asks and in
/// its subject, never in its greeting, closing ("thanks for the quick delivery last time"), signature or contact lines
/// ("Billing department, ACME Ltd"), and quoted earlier messages are already left out by the normaliser.
/// </summary>
internal static class TicketEvidence
{
    // The customer's own subject names the topic ("Refund for cancelled booking"); a reply's subject ("Re: Your flight
    // was cancelled") is the company's and counts as one sentence.
    public const double SubjectWeight = 3;
    public const double ReplySubjectWeight = 1;
    public const double ContentWeight = 1;

    // "Can you help me?" and its like say nothing of the topic but are not wrong either.
    public const double FillerWeight = 0.5;

    /// <summary>Adds the keyword weights of every sentence of <paramref name="analysis"/>, weighted by its part; of the
    /// whole text when no sentence counts ("Thank you so much!" alone is all the ticket says).</summary>
    public static void Accumulate(KeywordCategorizer categorizer, TicketAnalysis analysis, Span<double> scores)
    {
        var counted = false;
        for (var s = 0; s < analysis.SentenceCount; s++)
        {
            ref var sentence = ref analysis.Sentences[s];
            var weight = WeightOf(analysis, sentence);
            if (weight > 0)
            {
                categorizer.Accumulate(analysis.ContentOf(sentence), weight, scores);
                counted = true;
            }
        }

        if (!counted)
        {
            categorizer.Accumulate(analysis.Text, ContentWeight, scores);
        }
    }

    /// <summary>How many words of <paramref name="analysis"/> count as evidence (those of sentences whose weight is
    /// above 0), up to <paramref name="enough"/>.</summary>
    public static int CountWords(TicketAnalysis analysis, int enough = int.MaxValue)
    {
        var words = 0;
        for (var s = 0; s < analysis.SentenceCount && words < enough; s++)
        {
            ref var sentence = ref analysis.Sentences[s];
            if (WeightOf(analysis, sentence) > 0)
            {
                foreach (var token in analysis.ContentTokensOf(sentence))
                {
                    words += token.HasLetter ? 1 : 0;
                }
            }
        }

        return words;
    }

    /// <summary>What a sentence's keywords count for, by its role.</summary>
    public static double WeightOf(TicketAnalysis analysis, in SentenceInfo sentence)
    {
        switch (sentence.Role)
        {
            case SentenceRole.Subject:
                var tokens = analysis.TokensOf(sentence);
                return tokens.Length > 0 && (tokens[0].Flags & WordFlags.ReplyPrefix) != 0 ? ReplySubjectWeight : SubjectWeight;
            case SentenceRole.Content:
                return ContentWeight;
            case SentenceRole.Filler:
                return FillerWeight;
            default:
                return 0;
        }
    }
}
