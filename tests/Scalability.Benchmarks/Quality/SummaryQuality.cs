using Scalability.GrainInterfaces.Processing;
using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Languages;
using Scalability.Grains.Processing.Summaries;
using Scalability.Tests.Quality;

namespace Scalability.Benchmarks.Quality;

/// <summary>
/// The "summaries" section: the product's summarizer against the named baseline, the first sentence of the body (and,
/// for context, the first content sentence and the previous, word-frequency summarizer), on the shared real data,
/// the quick-start sample and the labelled fixtures:
/// <list type="bullet">
/// <item>median summary length ÷ ticket length for tickets over 300 characters (the ticket being what a job
/// summarises: subject, blank line, body);</item>
/// <item>for tickets with a subject line, the share of the subject's content words that the summary of the body alone
/// recovers, against the body's first sentence, and their mean lengths;</item>
/// <item>on the fixtures, summaries holding an annotated greeting, closing, signature or quoted message, or a literal
/// escape, and how many keep the annotated problem sentence;</item>
/// <item>summaries that repeat a sentence; and the summarizer's speed, per data set and on the synthetic tickets the
/// compare mode generates, against the previous summarizer in the same process (CPU time, best of the repeats).</item>
/// </list>
/// </summary>
internal sealed class SummaryQuality : IQualitySection
{
    /// <summary>The product's default summary limit (<c>--summary-max-chars</c>).</summary>
    public const int MaxChars = 240;

    /// <summary>Tickets longer than this are the ones whose summary must be short (a third or so of them).</summary>
    public const int LongTicket = 300;

    private static readonly ExtractiveSummarizer Summarizer = ExtractiveSummarizer.Default;
    private static readonly FrequencySummarizer Previous = FrequencySummarizer.Default;

    public string Name => "summaries";

    public IQualityResult Run(QualityInputs inputs, TextWriter log)
    {
        var sets = new List<SummaryDataSet>
        {
            FromColumns("customer-support-tickets-8469", inputs.Dataset(QualityInputs.SupportTickets), "Ticket Subject", "Ticket Description"),
            FromColumns("bitext-support-4514", inputs.Dataset(QualityInputs.Bitext), subjectColumn: null, "instruction"),
            FromColumns("tickets-sample", Path.Combine(inputs.RepositoryRoot, QualityInputs.Sample), "subject", "body"),
        };

        // The summarizer has rules for the supported languages only: tickets in others are left out of its figures.
        foreach (var (name, all) in inputs.ReadFixtureSets())
        {
            var fixtures = all.Where(t => SupportedLanguages.IsSupported(t.Language)).ToArray();
            foreach (var language in fixtures.GroupBy(t => t.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                sets.Add(new SummaryDataSet($"{name}-{language.Key}", [.. language.Select(t => new SummaryTicket(t.Subject, t.Body, t))]));
            }

            if (fixtures.Length > 0)
            {
                sets.Add(new SummaryDataSet($"{name}-all", [.. fixtures.Select(t => new SummaryTicket(t.Subject, t.Body, t))]));
            }
        }

        var figures = new List<SummaryDataSetFigures>();
        foreach (var set in sets)
        {
            log.WriteLine($"summaries: {set.Name} ({set.Tickets.Count:N0} tickets) ...");
            figures.Add(Measure(set, inputs.Repeat));
        }

        log.WriteLine($"summaries: speed on {inputs.SyntheticRows:N0} synthetic tickets (seed {inputs.Seed}) ...");
        var synthetic = MeasureSynthetic(inputs, log);
        return new SummaryQualityReport(MaxChars, LongTicket, inputs.FixtureDirectories, figures, synthetic);
    }

    private static SummaryDataSet FromColumns(string name, string path, string? subjectColumn, string bodyColumn)
    {
        var rows = subjectColumn is null
            ? QualityInputs.ReadColumns(path, bodyColumn).Select(r => new SummaryTicket("", r[0], null))
            : QualityInputs.ReadColumns(path, subjectColumn, bodyColumn).Select(r => new SummaryTicket(r[0], r[1], null));
        return new SummaryDataSet(name, [.. rows]);
    }

    private static SummaryDataSetFigures Measure(SummaryDataSet set, int repeat)
    {
        var tickets = set.Tickets;
        var summaries = tickets.Select(t => Summarizer.Summarize(t.Text, MaxChars)).ToArray();
        var previous = tickets.Select(t => Previous.Summarize(t.Text, MaxChars)).ToArray();
        var firsts = tickets.Select(t => SummaryMeasures.FirstSentence(t.Body)).ToArray();

        // Length: tickets over 300 characters, as a job sees them.
        var longOnes = Enumerable.Range(0, tickets.Count).Where(i => tickets[i].Text.Length > LongTicket).ToArray();
        double MedianShare(string[] outputs) => Median(longOnes.Select(i => (double)outputs[i].Length / tickets[i].Text.Length));

        // The subject's words: the summary of the body alone, against the body's first sentence.
        var subjectRecall = SubjectRecall(tickets);

        var fixtures = tickets.All(t => t.Labels is not null) && tickets.Count > 0;
        return new SummaryDataSetFigures(
            set.Name,
            tickets.Count,
            longOnes.Length,
            new SummarizerFigure(MedianShare(summaries), MedianShare(previous), MedianShare(firsts)),
            subjectRecall,
            new RepeatFigure(summaries.Count(SummaryMeasures.RepeatsSentence), previous.Count(SummaryMeasures.RepeatsSentence)),
            fixtures ? Leaks(tickets, summaries, previous, firsts) : null,
            fixtures ? Problems(tickets, summaries, previous, firsts) : null,
            Speed(tickets.Select(t => t.Text).ToArray(), repeat));
    }

    private static SubjectRecallFigure? SubjectRecall(IReadOnlyList<SummaryTicket> tickets)
    {
        var withSubject = tickets.Select(t => (Ticket: t, Words: SummaryMeasures.ContentWords(t.Subject))).Where(p => p.Words.Count > 0).ToArray();
        if (withSubject.Length == 0)
        {
            return null;
        }

        var summary = withSubject.Select(p => Summarizer.Summarize(p.Ticket.Body, MaxChars)).ToArray();
        var first = withSubject.Select(p => SummaryMeasures.FirstSentence(p.Ticket.Body)).ToArray();
        var content = withSubject.Select(p => SummaryMeasures.FirstContentSentence(p.Ticket.Body)).ToArray();
        var previous = withSubject.Select(p => Previous.Summarize(p.Ticket.Body, MaxChars)).ToArray();
        double Recall(string[] outputs) => withSubject.Select((p, i) => SummaryMeasures.Recall(p.Words, outputs[i])).Average();
        var summaryLength = summary.Average(s => s.Length);
        var firstLength = first.Average(s => s.Length);
        return new SubjectRecallFigure(
            withSubject.Length,
            new SummarizerFigure(Recall(summary), Recall(previous), Recall(first)),
            Recall(content),
            new SummarizerFigure(summaryLength, previous.Average(s => s.Length), firstLength),
            firstLength > 0 ? summaryLength / firstLength : 0);
    }

    private static LeakFigure Leaks(IReadOnlyList<SummaryTicket> tickets, string[] summaries, string[] previous, string[] firsts) => new(
        LeakCounts(tickets, summaries),
        LeakCounts(tickets, previous),
        LeakCounts(tickets, firsts));

    private static LeakCounts LeakCounts(IReadOnlyList<SummaryTicket> tickets, string[] outputs)
    {
        int greeting = 0, closing = 0, signature = 0, quoted = 0, escape = 0, any = 0;
        for (var i = 0; i < tickets.Count; i++)
        {
            var labels = tickets[i].Labels!;
            var output = outputs[i];
            var g = labels.Greeting.Any(p => SummaryMeasures.Contains(output, p));
            var c = labels.Closing.Any(p => SummaryMeasures.Contains(output, p));
            var s = labels.Signature.Any(p => SummaryMeasures.Contains(output, p));
            var q = labels.Quoted.Any(p => SummaryMeasures.Contains(output, p)) || QuotedLines(labels).Any(line => SummaryMeasures.Contains(output, line));
            var e = SummaryMeasures.HasEscape(output);
            greeting += g ? 1 : 0;
            closing += c ? 1 : 0;
            signature += s ? 1 : 0;
            quoted += q ? 1 : 0;
            escape += e ? 1 : 0;
            any += g || c || s || q || e ? 1 : 0;
        }

        return new LeakCounts(greeting, closing, signature, quoted, escape, any);
    }

    /// <summary>
    /// A quoted message is long; any of its lines of 20 characters or more in the output is a leak too, unless the
    /// ticket's own text has the line as well ("Kind regards," may close both).
    /// </summary>
    private static IEnumerable<string> QuotedLines(FixtureTicket ticket)
    {
        var body = SummaryMeasures.Collapse(TicketTextNormalizer.Default.Normalize(ticket.Body));
        foreach (var quoted in ticket.Quoted)
        {
            foreach (var line in quoted.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var text = SummaryMeasures.Collapse(line.TrimStart('>', ' '));
                if (text.Length >= 20 && !SummaryMeasures.Contains(body, text))
                {
                    yield return text;
                }
            }
        }
    }

    private static ProblemFigure Problems(IReadOnlyList<SummaryTicket> tickets, string[] summaries, string[] previous, string[] firsts)
    {
        var contents = tickets.Select(t => SummaryMeasures.FirstContentSentence(t.Text)).ToArray();
        double Kept(string[] outputs) => tickets.Select((t, i) => KeepsProblem(outputs[i], t.Labels!.Problem) ? 1.0 : 0).Average();
        double Words(string[] outputs) => tickets.Select((t, i) => SummaryMeasures.Recall(SummaryMeasures.ContentWords(t.Labels!.Problem), outputs[i])).Average();
        return new ProblemFigure(
            new SummarizerFigure(Kept(summaries), Kept(previous), Kept(firsts)),
            Kept(contents),
            new SummarizerFigure(Words(summaries), Words(previous), Words(firsts)),
            Words(contents));
    }

    /// <summary>The summary holds the problem sentence, its first letter's case aside (a greeting taken off before it).</summary>
    public static bool KeepsProblem(string summary, string problem)
    {
        var text = SummaryMeasures.Collapse(problem);
        return text.Length > 0 && (SummaryMeasures.Contains(summary, text)
                                   || SummaryMeasures.Contains(summary, char.ToUpperInvariant(text[0]) + text[1..]));
    }

    /// <summary>Microseconds of CPU per ticket of each summarizer over the texts, best of the repeats after a warm-up.</summary>
    private static SpeedFigure Speed(string[] texts, int repeat)
    {
        foreach (var text in texts.Take(2_000))
        {
            Summarizer.Summarize(text, MaxChars);
            Previous.Summarize(text, MaxChars);
        }

        var best = double.MaxValue;
        var bestPrevious = double.MaxValue;
        for (var attempt = 0; attempt < Math.Max(1, repeat); attempt++)
        {
            bestPrevious = Math.Min(bestPrevious, CpuMicroseconds(texts, t => Previous.Summarize(t, MaxChars)));
            best = Math.Min(best, CpuMicroseconds(texts, t => Summarizer.Summarize(t, MaxChars)));
        }

        return new SpeedFigure(best, bestPrevious);
    }

    private static SyntheticSpeedFigure MeasureSynthetic(QualityInputs inputs, TextWriter log)
    {
        var path = DatasetCache.Ensure(inputs.WorkDirectory, inputs.SyntheticRows, inputs.Seed, log);
        var texts = QualityInputs.ReadColumns(path, "subject", "body").Select(r => r[0] + "\n\n" + r[1]).ToArray();
        foreach (var text in texts)
        {
            Summarizer.Summarize(text, MaxChars);
            Previous.Summarize(text, MaxChars);
        }

        var rounds = new List<(double Summarizer, double Previous)>();
        for (var attempt = 0; attempt < Math.Max(3, inputs.Repeat); attempt++)
        {
            // Interleaved, so that a machine whose load changes slows both alike.
            var previous = CpuMicroseconds(texts, t => Previous.Summarize(t, MaxChars));
            var summarizer = CpuMicroseconds(texts, t => Summarizer.Summarize(t, MaxChars));
            rounds.Add((summarizer, previous));
        }

        // The whole local processor (language, category and summary from one reading of the ticket) is what a job runs:
        // its own figure, so that the speed bar is read off the processor and not the summarizer alone.
        var processor = LocalTicketProcessor.Create(ProcessorSpec.Local);
        var processorRounds = new List<double>();
        for (var attempt = 0; attempt < Math.Max(3, inputs.Repeat); attempt++)
        {
            processorRounds.Add(CpuMicroseconds(texts, t => processor.Process(t).Summary));
        }

        var allocated = AllocatedBytesPerTicket(texts);
        var best = rounds.MinBy(r => r.Summarizer);
        var bestPrevious = rounds.Min(r => r.Previous);
        return new SyntheticSpeedFigure(texts.Length, texts.Average(t => t.Length), best.Summarizer, bestPrevious,
            best.Summarizer / bestPrevious, allocated, [.. rounds.Select(r => r.Summarizer)], [.. rounds.Select(r => r.Previous)],
            processorRounds.Min(), processorRounds);
    }

    /// <summary>
    /// CPU microseconds per text, over as many passes as make at least <see cref="MinimumCpuSeconds"/>: the process's
    /// CPU clock ticks in milliseconds, and a data set of 200 fixtures takes one.
    /// </summary>
    private static double CpuMicroseconds(string[] texts, Func<string, string> summarize)
    {
        var before = ProcessClock.CpuSeconds();
        var length = 0L;
        var passes = 0;
        double spent;
        do
        {
            foreach (var text in texts)
            {
                length += summarize(text).Length;
            }

            passes++;
            spent = ProcessClock.CpuSeconds() - before;
        }
        while (spent < MinimumCpuSeconds);

        GC.KeepAlive(length);
        return spent * 1e6 / ((double)Math.Max(1, texts.Length) * passes);
    }

    private const double MinimumCpuSeconds = 0.2;

    private static double AllocatedBytesPerTicket(string[] texts)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var text in texts)
        {
            Summarizer.Summarize(text, MaxChars);
        }

        return (double)(GC.GetAllocatedBytesForCurrentThread() - before) / Math.Max(1, texts.Length);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record SummaryDataSet(string Name, IReadOnlyList<SummaryTicket> Tickets);

    private sealed record SummaryTicket(string Subject, string Body, FixtureTicket? Labels)
    {
        public string Text => Subject.Length == 0 ? Body : Subject + "\n\n" + Body;
    }
}
