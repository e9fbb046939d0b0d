namespace Scalability.Grains.Processing.Summaries;

/// <summary>
/// Takes a ticket apart once for everything that reads it: normalised, split into sentences and words, and each
/// sentence given its role (<see cref="SentenceClassifier"/>). The summarizer ranks its sentences; the categorizer
/// weighs its words by the role of their sentence. Thread-safe: each thread reuses one analysis, ticket after ticket.
/// </summary>
internal sealed class TicketReader
{
    [ThreadStatic] private static TicketAnalysis? t_analysis;

    private readonly TicketTextNormalizer _normalizer;

    public TicketReader(SummaryLexicon lexicon)
    {
        Lexicon = lexicon;
        _normalizer = new TicketTextNormalizer(lexicon.Quoting);
    }

    /// <summary>The reader with every supported language's rules.</summary>
    public static TicketReader Default { get; } = new(SummaryLexicon.Default);

    public SummaryLexicon Lexicon { get; }

    /// <summary>The calling thread's analysis of <paramref name="text"/>: valid until the thread reads its next text.</summary>
    public TicketAnalysis Read(ReadOnlySpan<char> text)
    {
        var analysis = t_analysis ??= new TicketAnalysis();
        Read(text, analysis);
        return analysis;
    }

    /// <summary>Fills <paramref name="analysis"/> with <paramref name="text"/> taken apart.</summary>
    public void Read(ReadOnlySpan<char> text, TicketAnalysis analysis)
    {
        analysis.Load(text, _normalizer, Lexicon);
        SentenceClassifier.Classify(analysis, Lexicon);
    }

    /// <summary>Lets the thread's analysis go when an unusually long text grew it, so that one outlier does not pin
    /// memory on a thread.</summary>
    public static void Release(TicketAnalysis analysis)
    {
        if (analysis.IsLarge && ReferenceEquals(analysis, t_analysis))
        {
            t_analysis = null;
        }
    }
}
