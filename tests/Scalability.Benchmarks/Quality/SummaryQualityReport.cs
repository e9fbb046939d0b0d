using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scalability.Benchmarks.Quality;

/// <summary>One figure for the summarizer, the previous summarizer and the baseline (the body's first sentence).</summary>
internal sealed record SummarizerFigure(double Summarizer, double Previous, double FirstSentence);

/// <param name="Tickets">Tickets whose subject has a content word.</param>
/// <param name="Recall">Mean share of the subject's content words in the output for the body alone.</param>
/// <param name="FirstContentRecall">The same for the body's first content sentence (greetings and boilerplate skipped).</param>
/// <param name="MeanLength">Mean characters of each output for the body.</param>
/// <param name="LengthRatio">The summary's mean length over the first sentence's.</param>
internal sealed record SubjectRecallFigure(int Tickets, SummarizerFigure Recall, double FirstContentRecall, SummarizerFigure MeanLength, double LengthRatio);

/// <summary>Outputs that repeat one of their sentences.</summary>
internal sealed record RepeatFigure(int Summarizer, int Previous);

/// <summary>Outputs holding an annotated piece of the kind, or a literal escape; <paramref name="Any"/> counts each output once.</summary>
internal sealed record LeakCounts(int Greeting, int Closing, int Signature, int Quoted, int Escape, int Any);

internal sealed record LeakFigure(LeakCounts Summarizer, LeakCounts Previous, LeakCounts FirstSentence);

/// <param name="Kept">Share of outputs holding the annotated problem sentence whole.</param>
/// <param name="Words">Mean share of the problem sentence's content words in the output.</param>
internal sealed record ProblemFigure(SummarizerFigure Kept, double FirstContentKept, SummarizerFigure Words, double FirstContentWords);

/// <summary>Microseconds of CPU per ticket, best of the repeats.</summary>
internal sealed record SpeedFigure(double SummarizerMicroseconds, double PreviousMicroseconds);

/// <param name="MeanChars">Mean length of the texts (subject, blank line, body).</param>
/// <param name="Ratio">The summarizer's time over the previous one's, best rounds.</param>
/// <param name="AllocatedBytes">Bytes the summarizer allocates per ticket, its result included.</param>
/// <param name="ProcessorMicroseconds">The whole local processor (language, category, summary) per ticket, best round.</param>
internal sealed record SyntheticSpeedFigure(
    int Tickets, double MeanChars, double SummarizerMicroseconds, double PreviousMicroseconds, double Ratio, double AllocatedBytes,
    IReadOnlyList<double> SummarizerRounds, IReadOnlyList<double> PreviousRounds,
    double ProcessorMicroseconds, IReadOnlyList<double> ProcessorRounds)
{
    /// <summary>Tickets per second of one core summarising only.</summary>
    public double SummarizerTicketsPerSecond => 1e6 / SummarizerMicroseconds;

    /// <summary>Tickets per second of one core running the whole local processor.</summary>
    public double ProcessorTicketsPerSecond => 1e6 / ProcessorMicroseconds;
}

/// <param name="LongTickets">Tickets over <see cref="SummaryQualityReport.LongTicket"/> characters.</param>
/// <param name="MedianShare">Median output length ÷ ticket length over those tickets.</param>
/// <param name="Leaks">Fixtures only.</param>
/// <param name="Problem">Fixtures only.</param>
internal sealed record SummaryDataSetFigures(
    string Name,
    int Tickets,
    int LongTickets,
    SummarizerFigure MedianShare,
    SubjectRecallFigure? SubjectRecall,
    RepeatFigure Repeats,
    LeakFigure? Leaks,
    ProblemFigure? Problem,
    SpeedFigure Speed);

/// <summary>What the summaries section found, per data set, and the speed on the synthetic tickets.</summary>
internal sealed record SummaryQualityReport(
    int MaxChars,
    int LongTicket,
    IReadOnlyList<string> FixtureDirectories,
    IReadOnlyList<SummaryDataSetFigures> DataSets,
    SyntheticSpeedFigure Synthetic) : IQualityResult
{
    public void WriteJson(Utf8JsonWriter writer) =>
        JsonSerializer.Serialize(writer, this, SummaryQualityJson.Default.SummaryQualityReport);

    public void Print(TextWriter output)
    {
        output.WriteLine(Invariant($"Summaries (limit {MaxChars} characters). sum = the summarizer, prev = the previous (word-frequency) summarizer, 1st = the baseline: the body's first sentence that is more than a greeting"));
        output.WriteLine(Invariant($"fixtures: {string.Join(", ", FixtureDirectories)}"));
        output.WriteLine();
        output.WriteLine("length: median output ÷ ticket for tickets over 300 characters (ticket = subject, blank line, body)");
        output.WriteLine("subject: mean share of the subject's content words in the output for the body alone (1st* = first content sentence), and mean lengths");
        output.WriteLine(Invariant($"{"data set",-30} {"tickets",8} {">300",6} {"len sum",8} {"len prev",8} {"len 1st",8} {"w/subj",7} {"subj sum",8} {"subj 1st",8} {"subj 1st*",9} {"subj prev",9} {"chars sum",9} {"chars 1st",9} {"sum/1st",7} {"repeats",7} {"rep prev",8}"));
        foreach (var d in DataSets)
        {
            var s = d.SubjectRecall;
            output.WriteLine(Invariant(
                $"{d.Name,-30} {d.Tickets,8:N0} {d.LongTickets,6:N0} {Share(d.MedianShare.Summarizer),8} {Share(d.MedianShare.Previous),8} {Share(d.MedianShare.FirstSentence),8} {s?.Tickets ?? 0,7:N0} {Share(s?.Recall.Summarizer),8} {Share(s?.Recall.FirstSentence),8} {Share(s?.FirstContentRecall),9} {Share(s?.Recall.Previous),9} {Number(s?.MeanLength.Summarizer),9} {Number(s?.MeanLength.FirstSentence),9} {Ratio(s?.LengthRatio),7} {d.Repeats.Summarizer,7} {d.Repeats.Previous,8}"));
        }

        var fixtures = DataSets.Where(d => d.Leaks is not null && d.Problem is not null).ToArray();
        if (fixtures.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("fixtures: outputs leaking an annotated greeting/closing/signature/quoted message or an escape (sum | prev | 1st), and keeping the problem sentence");
            output.WriteLine(Invariant($"{"data set",-30} {"greet",11} {"closing",11} {"signature",11} {"quoted",11} {"escape",11} {"any leak",11} {"problem kept sum/1st*/prev/1st",32} {"problem words sum/1st*/prev/1st",32}"));
            foreach (var d in fixtures)
            {
                var l = d.Leaks!;
                var p = d.Problem!;
                output.WriteLine(Invariant(
                    $"{d.Name,-30} {Triple(l, c => c.Greeting),11} {Triple(l, c => c.Closing),11} {Triple(l, c => c.Signature),11} {Triple(l, c => c.Quoted),11} {Triple(l, c => c.Escape),11} {Triple(l, c => c.Any),11} {$"{Share(p.Kept.Summarizer)}/{Share(p.FirstContentKept)}/{Share(p.Kept.Previous)}/{Share(p.Kept.FirstSentence)}",32} {$"{Share(p.Words.Summarizer)}/{Share(p.FirstContentWords)}/{Share(p.Words.Previous)}/{Share(p.Words.FirstSentence)}",32}"));
            }
        }

        output.WriteLine();
        output.WriteLine("speed: microseconds of CPU per ticket, best of the repeats (one thread, after a warm-up)");
        output.WriteLine(Invariant($"{"data set",-30} {"µs sum",8} {"µs prev",8} {"sum/prev",8}"));
        foreach (var d in DataSets)
        {
            output.WriteLine(Invariant($"{d.Name,-30} {d.Speed.SummarizerMicroseconds,8:F2} {d.Speed.PreviousMicroseconds,8:F2} {d.Speed.SummarizerMicroseconds / d.Speed.PreviousMicroseconds,8:F2}"));
        }

        var y = Synthetic;
        output.WriteLine(Invariant(
            $"synthetic ({y.Tickets:N0} tickets, mean {y.MeanChars:F0} chars): summarizer {y.SummarizerMicroseconds:F2} µs/ticket ({y.SummarizerTicketsPerSecond:N0} tickets/s on one core), previous {y.PreviousMicroseconds:F2} µs, ratio {y.Ratio:F2}; {y.AllocatedBytes:F0} bytes allocated per ticket"));
        output.WriteLine(Invariant(
            $"  rounds, summarizer: {Rounds(y.SummarizerRounds)}; previous: {Rounds(y.PreviousRounds)}"));
        output.WriteLine(Invariant(
            $"synthetic: the whole local processor (language, category, summary) {y.ProcessorMicroseconds:F2} µs/ticket ({y.ProcessorTicketsPerSecond:N0} tickets/s on one core); rounds: {Rounds(y.ProcessorRounds)}"));
    }

    private static string Rounds(IReadOnlyList<double> rounds) =>
        string.Join("; ", rounds.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)));

    private static string Triple(LeakFigure leaks, Func<LeakCounts, int> count) =>
        Invariant($"{count(leaks.Summarizer)}|{count(leaks.Previous)}|{count(leaks.FirstSentence)}");

    private static string Share(double? value) => value is { } v && !double.IsNaN(v) ? Invariant($"{v:F3}") : "-";

    private static string Number(double? value) => value is { } v ? Invariant($"{v:F1}") : "-";

    private static string Ratio(double? value) => value is { } v and > 0 ? Invariant($"{v:F2}") : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The summaries section's JSON: camelCase, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SummaryQualityReport))]
internal sealed partial class SummaryQualityJson : JsonSerializerContext;
