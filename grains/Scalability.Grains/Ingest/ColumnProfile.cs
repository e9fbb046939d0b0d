using System.Globalization;

namespace Scalability.Grains.Ingest;

/// <summary>
/// What the sampled values of one column are (<see cref="Kind"/>) and the evidence for it, as
/// <see cref="ColumnProfiler"/> found them.
/// </summary>
/// <param name="Index">The column's place in the header.</param>
/// <param name="Records">Records sampled.</param>
/// <param name="Filled">Records whose value is not blank.</param>
/// <param name="Distinct">Different values among the filled ones.</param>
/// <param name="AverageWords">Words a filled value holds on average (<see cref="ValueShapes.Words"/>).</param>
/// <param name="OneLine">Whether the values hold no line breaks, as a subject's or a title's do not.</param>
/// <param name="Voice">Whom the values speak for, when most of them say (text kinds only).</param>
/// <param name="VoiceShare">The share of filled values in that <see cref="Voice"/>.</param>
/// <param name="Dates">What a <see cref="ColumnKind.DateTime"/> column holds: dates, times, or both.</param>
public sealed record ColumnProfile(
    int Index, string Name, ColumnKind Kind, int Records, int Filled, int Distinct, double AverageWords, bool OneLine,
    Voice Voice = Voice.Neither, double VoiceShare = 0, ValueShapes.DateParts Dates = ValueShapes.DateParts.None)
{
    public bool IsText => Kind is ColumnKind.FreeText or ColumnKind.ShortText;

    /// <summary>The kind and its evidence, as a user reads it: "free text: 38 words a value on average, 97% distinct".</summary>
    public string Description => Kind switch
    {
        ColumnKind.Empty => "empty",
        ColumnKind.MostlyEmpty => $"mostly empty: {Percent(Filled, Records)}% filled",
        ColumnKind.Id => "unique short values",
        ColumnKind.DateTime => Dates switch
        {
            ValueShapes.DateParts.Time => "times",
            ValueShapes.DateParts.Date | ValueShapes.DateParts.Time => "dates and times",
            _ => "dates",
        },
        ColumnKind.Number => "numbers",
        ColumnKind.Amount => "amounts",
        ColumnKind.Email => "e-mail addresses",
        ColumnKind.Url => "URLs",
        ColumnKind.Phone => "phone numbers",
        ColumnKind.PersonName => "person names",
        ColumnKind.Label => $"labels: {DistinctValues}",
        ColumnKind.ShortText => $"short phrases: {TextEvidence}",
        ColumnKind.FreeText => $"free text: {TextEvidence}",
        _ => $"short values: {WordsAValue}",
    };

    /// <summary>
    /// What makes text of a column of text: "38 words a value on average, 97% distinct" and whom it speaks for; a
    /// column of phrases gives its number of distinct values, which a subject chosen from a list has few of.
    /// </summary>
    public string TextEvidence => $"{WordsAValue}, {(Kind == ColumnKind.ShortText ? DistinctValues : DistinctShare)}{VoiceText}";

    /// <summary>"38 words a value on average".</summary>
    public string WordsAValue
    {
        get
        {
            var words = AverageWords >= 10
                ? Math.Round(AverageWords, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)
                : Math.Round(AverageWords, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);
            return $"{words} {(words == "1" ? "word" : "words")} a value on average";
        }
    }

    /// <summary>"97% distinct": rounded down, so that 100% means every value differs.</summary>
    public string DistinctShare => $"{Percent(Distinct, Filled)}% distinct";

    public string DistinctValues => Distinct == 1 ? "1 distinct value" : $"{Distinct} distinct values";

    private string VoiceText => Voice switch
    {
        Voice.FirstPerson => $"; in the first person in {Percent(VoiceShare)}% of values",
        Voice.SecondPerson => $"; addressed to the reader in {Percent(VoiceShare)}% of values",
        _ => "",
    };

    private static int Percent(int part, int whole) => whole == 0 ? 0 : (int)((long)part * 100 / whole);

    private static int Percent(double share) => (int)Math.Floor(share * 100 + 1e-9);
}
