namespace Scalability.Grains.Ingest;

/// <summary>
/// Tells what each column of a <see cref="ColumnSample"/> holds, from its values alone: free text, short phrases (a
/// subject), ids, dates and times, numbers, amounts, e-mail addresses, URLs, phone numbers, person names, labels, or
/// mostly nothing. <see cref="ColumnMapper"/> chooses the columns to read from these profiles when no column's name
/// says. The first test that most of a column's values pass decides, in the order of <see cref="Profile(int, string,
/// IReadOnlyList{string})"/>: the patterns that cannot be free text first, then how much the values repeat, then how
/// many words they hold.
/// </summary>
public static class ColumnProfiler
{
    /// <summary>The share of a column's filled values that must have a shape (a date, an e-mail address, …) for the
    /// column to be of it: a stray "n/a" or a typo does not make a column of dates something else.</summary>
    public const double MostValues = 0.9;

    /// <summary>A column of this many different values or fewer, each repeated, is labels whatever its values say: a
    /// status, a priority, a channel or a type is one of a handful.</summary>
    public const int HandfulOfValues = 10;

    /// <summary>Free text holds at least this many words a value on average: a sentence, not a phrase.</summary>
    public const double FreeTextWords = 5;

    /// <summary>A phrase holds at least this many words a value on average; fewer is single words or codes.</summary>
    public const double PhraseWords = 1.5;

    /// <summary>An id is no longer than this (a GUID is 36 characters).</summary>
    public const int IdMaxChars = 64;

    /// <summary>An id holds no more words than this ("CR-2024/0001" is two).</summary>
    public const int IdMaxWords = 3;

    /// <summary>Values unique in fewer records than this say nothing of being ids: any three values may differ.</summary>
    public const int FewestRecordsForIds = 5;

    /// <summary>Phrases most of which capitalise every word ("LG Smart TV", "Pending Customer Response") are names of
    /// things, not a subject someone wrote.</summary>
    public const double TitleCaseShare = 0.8;

    /// <summary>How many more of a column's values must be in one person than in the other for the column to be in it.</summary>
    public const double VoiceMargin = 0.2;

    public static ColumnProfile[] Profile(ColumnSample sample)
    {
        var profiles = new ColumnProfile[sample.Header.Length];
        var values = new string[sample.Records.Count];
        for (var column = 0; column < profiles.Length; column++)
        {
            for (var record = 0; record < values.Length; record++)
            {
                values[record] = sample.Records[record][column];
            }

            profiles[column] = Profile(column, sample.Header[column], values);
        }

        return profiles;
    }

    /// <param name="values">The column's value in each sampled record, blank ones included.</param>
    public static ColumnProfile Profile(int index, string name, IReadOnlyList<string> values)
    {
        var filled = values.Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
        var distinct = filled.Distinct(StringComparer.Ordinal).Count();
        var words = filled.Length == 0 ? 0 : filled.Average(v => (double)ValueShapes.Words(v));
        var oneLine = filled.All(v => v.AsSpan().IndexOfAny('\r', '\n') < 0);
        var profile = new ColumnProfile(index, name, ColumnKind.Other, values.Count, filled.Length, distinct, words, oneLine);
        profile = profile with { Kind = Classify(profile, filled) };
        return profile.Kind switch
        {
            ColumnKind.DateTime => profile with { Dates = filled.Aggregate(ValueShapes.DateParts.None, (parts, v) => parts | ValueShapes.DateOrTime(v)) },
            ColumnKind.FreeText or ColumnKind.ShortText => WithVoice(profile, filled),
            _ => profile,
        };
    }

    private static ColumnKind Classify(ColumnProfile profile, string[] filled)
    {
        if (filled.Length == 0)
        {
            return ColumnKind.Empty;
        }

        if (filled.Length * 2 < profile.Records)
        {
            return ColumnKind.MostlyEmpty;
        }

        if (Mostly(filled, ValueShapes.IsEmail))
        {
            return ColumnKind.Email;
        }

        if (Mostly(filled, ValueShapes.IsUrl))
        {
            return ColumnKind.Url;
        }

        if (Mostly(filled, v => ValueShapes.DateOrTime(v) != ValueShapes.DateParts.None))
        {
            return ColumnKind.DateTime;
        }

        // Every filled value differs, in every record, in enough records to mean something.
        var unique = profile.Distinct == filled.Length && filled.Length == profile.Records && profile.Records >= FewestRecordsForIds &&
                     filled.All(v => v.Length <= IdMaxChars);
        if (Mostly(filled, v => ValueShapes.IsNumber(v) || ValueShapes.IsAmount(v)))
        {
            return filled.Count(ValueShapes.IsAmount) * 2 >= filled.Length ? ColumnKind.Amount
                : unique && filled.All(ValueShapes.IsInteger) ? ColumnKind.Id
                : ColumnKind.Number;
        }

        if (Mostly(filled, ValueShapes.IsPhone))
        {
            return ColumnKind.Phone;
        }

        // An id is one token: no spaces, and not a sentence of a script written without them.
        if (unique && filled.All(v => !v.Any(char.IsWhiteSpace) && ValueShapes.Words(v) <= IdMaxWords))
        {
            return ColumnKind.Id;
        }

        var varied = profile.Distinct * 2 > filled.Length;
        if (varied && Mostly(filled, ValueShapes.IsPersonName))
        {
            return ColumnKind.PersonName;
        }

        var phrases = profile.AverageWords >= PhraseWords && !TitleCased(filled);
        if (!varied)
        {
            // Values that repeat are labels; but a varied set of phrases someone wrote (a subject chosen from a long
            // list) still reads as a subject, and long repeated texts are canned ones.
            return profile.Distinct > HandfulOfValues && phrases && profile.AverageWords < FreeTextWords
                ? ColumnKind.ShortText
                : ColumnKind.Label;
        }

        return profile.AverageWords >= FreeTextWords ? ColumnKind.FreeText
            : phrases ? ColumnKind.ShortText
            : ColumnKind.Other;
    }

    private static ColumnProfile WithVoice(ColumnProfile profile, string[] filled)
    {
        int first = 0, second = 0;
        foreach (var value in filled)
        {
            switch (WritersVoice.Of(value))
            {
                case Voice.FirstPerson:
                    first++;
                    break;
                case Voice.SecondPerson:
                    second++;
                    break;
            }
        }

        var lead = (double)(first - second) / filled.Length;
        return lead >= VoiceMargin ? profile with { Voice = Voice.FirstPerson, VoiceShare = (double)first / filled.Length }
            : -lead >= VoiceMargin ? profile with { Voice = Voice.SecondPerson, VoiceShare = (double)second / filled.Length }
            : profile;
    }

    private static bool TitleCased(string[] filled)
    {
        int phrases = 0, titled = 0;
        foreach (var value in filled)
        {
            if (ValueShapes.IsTitleCased(value) is { } title)
            {
                phrases++;
                titled += title ? 1 : 0;
            }
        }

        return phrases > 0 && titled >= TitleCaseShare * phrases;
    }

    /// <summary>Whether at least <see cref="MostValues"/> of the values pass; stops at the first miss too many.</summary>
    private static bool Mostly(string[] values, Func<string, bool> test)
    {
        var allowed = values.Length - (int)Math.Ceiling(MostValues * values.Length);
        foreach (var value in values)
        {
            if (!test(value) && --allowed < 0)
            {
                return false;
            }
        }

        return true;
    }
}
