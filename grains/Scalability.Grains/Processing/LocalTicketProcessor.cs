using Scalability.Grains.Processing.Languages;
using Scalability.Grains.Processing.Summaries;

namespace Scalability.Grains.Processing;

/// <summary>
/// The built-in processor: a categorizer (<see cref="MultilingualKeywordCategorizer"/> by default: the keyword
/// taxonomy of the ticket's language) for the category and <see cref="ExtractiveSummarizer"/> for the summary, on the
/// calling thread, no network. Every ticket gets its language (<see cref="LanguageDetector"/>), whichever categorizer
/// runs, or none. Either half can be switched off (an empty category with confidence 0, or an empty summary).
/// Thread-safe.
/// </summary>
public sealed class LocalTicketProcessor : ITicketProcessor
{
    // How many tickets are processed between checks of the cancellation token: checking costs little, but a batch
    // of short tickets goes by in microseconds.
    private const int CancellationCheckInterval = 256;

    private readonly ITicketCategorizer? _categorizer;
    private readonly ExtractiveSummarizer? _summarizer;

    /// <param name="categorizer">The categorizer, or null to leave categories empty.</param>
    /// <param name="summarizer">The summarizer, or null to leave summaries empty.</param>
    public LocalTicketProcessor(ITicketCategorizer? categorizer, ExtractiveSummarizer? summarizer, int summaryMaxChars)
    {
        if (categorizer is null && summarizer is null)
        {
            throw new ArgumentException("the local processor needs its categorizer, its summarizer or both; with neither it has nothing to do");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(summaryMaxChars, 1);
        _categorizer = categorizer;
        _summarizer = summarizer;
        SummaryMaxChars = summaryMaxChars;
    }

    public int SummaryMaxChars { get; }

    /// <summary>A processor with the default taxonomy, the spec's halves and its summary length.</summary>
    /// <exception cref="ArgumentException">The spec names an unknown categorizer or summarizer, or switches both off, or
    /// its model file cannot be used (<see cref="Training.ModelFileException"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The spec's <see cref="ProcessorSpec.SummaryMaxChars"/> is below 1.</exception>
    public static LocalTicketProcessor Create(ProcessorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ITicketCategorizer? categorizer = spec.Categorizer switch
        {
            ProcessorSpec.KeywordsCategorizer => MultilingualKeywordCategorizer.Default,
            ProcessorSpec.ModelCategorizer => Training.CategorizerModelCache.Get(
                spec.ModelPath ?? throw new ArgumentException($"the {ProcessorSpec.ModelCategorizer} categorizer needs the path of a model written by scale train")),
            ProcessorSpec.Off => null,
            var other => throw new ArgumentException(
                $"unknown categorizer '{other}': use {ProcessorSpec.KeywordsCategorizer} or {ProcessorSpec.Off}"),
        };
        var summarizer = spec.Summarizer switch
        {
            ProcessorSpec.ExtractiveSummarizer => ExtractiveSummarizer.Default,
            ProcessorSpec.Off => null,
            var other => throw new ArgumentException(
                $"unknown summarizer '{other}': use {ProcessorSpec.ExtractiveSummarizer} or {ProcessorSpec.Off}"),
        };
        return new LocalTicketProcessor(categorizer, summarizer, spec.SummaryMaxChars);
    }

    public ValueTask<IReadOnlyList<TicketResult>> ProcessAsync(IReadOnlyList<Ticket> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new TicketResult[batch.Count];
        if (_categorizer is Training.TrainedCategorizer trained)
        {
            // A trained model scores the whole batch with one scratch space, then each ticket gets its language and summary.
            cancellationToken.ThrowIfCancellationRequested();
            var texts = new string[batch.Count];
            for (var i = 0; i < texts.Length; i++)
            {
                texts[i] = batch[i].Text;
            }

            var predictions = new CategoryPrediction[texts.Length];
            trained.Categorize(texts, predictions);
            for (var i = 0; i < results.Length; i++)
            {
                if (i % CancellationCheckInterval == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                results[i] = string.IsNullOrWhiteSpace(texts[i]) ? Blank() : WithPrediction(texts[i], predictions[i]);
            }

            return ValueTask.FromResult<IReadOnlyList<TicketResult>>(results);
        }

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

    private TicketResult Blank() =>
        new(_categorizer?.FallbackCategory ?? "", 0, "", TicketStatus.Ok, null, Language: SupportedLanguages.Undetermined);

    private TicketResult WithPrediction(string text, CategoryPrediction prediction) =>
        new(prediction.Category, prediction.Confidence, _summarizer?.Summarize(text, SummaryMaxChars) ?? "", TicketStatus.Ok, null,
            Language: LanguageDetector.Default.Detect(text).Language);

    /// <summary>
    /// Categorises and summarises one text and names its language. A blank text is not an error: it gets the fallback
    /// category with confidence 0, an empty summary and the language <c>und</c>.
    /// </summary>
    public TicketResult Process(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Blank();
        }

        LanguageDetection language;
        CategoryPrediction? prediction;
        string summary;
        if (_categorizer is MultilingualKeywordCategorizer multilingual)
        {
            // One reading of the ticket serves both halves: the categorizer weighs the sentences the summarizer ranks.
            var analysis = (_summarizer?.Reader ?? TicketReader.Default).Read(text);
            var both = multilingual.CategorizeWithLanguage(text, analysis);
            (prediction, language) = (both.Prediction, both.Language);
            summary = _summarizer?.Summarize(text, analysis, SummaryMaxChars) ?? "";
            TicketReader.Release(analysis);
        }
        else
        {
            language = LanguageDetector.Default.Detect(text);
            prediction = _categorizer?.Categorize(text);
            summary = _summarizer?.Summarize(text, SummaryMaxChars) ?? "";
        }

        return new TicketResult(prediction?.Category ?? "", prediction?.Confidence ?? 0, summary, TicketStatus.Ok, null,
            Language: language.Language);
    }
}
