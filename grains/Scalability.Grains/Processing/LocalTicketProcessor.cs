namespace Scalability.Grains.Processing;

/// <summary>
/// The built-in processor: <see cref="KeywordCategorizer"/> for the category and <see cref="ExtractiveSummarizer"/>
/// for the summary, on the calling thread, no network. Thread-safe.
/// </summary>
public sealed class LocalTicketProcessor : ITicketProcessor
{
    // How many tickets are processed between checks of the cancellation token: checking costs little, but a batch
    // of short tickets goes by in microseconds.
    private const int CancellationCheckInterval = 256;

    private readonly KeywordCategorizer _categorizer;
    private readonly ExtractiveSummarizer _summarizer;

    public LocalTicketProcessor(KeywordCategorizer categorizer, ExtractiveSummarizer summarizer, int summaryMaxChars)
    {
        ArgumentNullException.ThrowIfNull(categorizer);
        ArgumentNullException.ThrowIfNull(summarizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(summaryMaxChars, 1);
        _categorizer = categorizer;
        _summarizer = summarizer;
        SummaryMaxChars = summaryMaxChars;
    }

    public int SummaryMaxChars { get; }

    /// <summary>A processor with the default taxonomy and the spec's summary length.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The spec's <see cref="ProcessorSpec.SummaryMaxChars"/> is below 1.</exception>
    public static LocalTicketProcessor Create(ProcessorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new LocalTicketProcessor(KeywordCategorizer.Default, ExtractiveSummarizer.Default, spec.SummaryMaxChars);
    }

    public ValueTask<IReadOnlyList<TicketResult>> ProcessAsync(IReadOnlyList<Ticket> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new TicketResult[batch.Count];
        for (var i = 0; i < results.Length; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            results[i] = Process(batch[i].Text);
        }

        return ValueTask.FromResult<IReadOnlyList<TicketResult>>(results);
    }

    /// <summary>
    /// Categorises and summarises one text. A blank text is not an error: it gets the fallback category with
    /// confidence 0 and an empty summary.
    /// </summary>
    public TicketResult Process(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TicketResult(_categorizer.Taxonomy.FallbackCategory, 0, "", TicketStatus.Ok, null);
        }

        var prediction = _categorizer.Categorize(text);
        var summary = _summarizer.Summarize(text, SummaryMaxChars);
        return new TicketResult(prediction.Category, prediction.Confidence, summary, TicketStatus.Ok, null);
    }
}
