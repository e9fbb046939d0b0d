namespace Scalability.GrainInterfaces.Datasets;

/// <summary>What the sampled values of a column are, as the column profiler tells them apart.</summary>
public enum ColumnKind
{
    /// <summary>No value at all in the sample.</summary>
    Empty = 0,
    /// <summary>Filled in fewer than half of the sampled records.</summary>
    MostlyEmpty = 1,
    /// <summary>A different short value, without spaces, in every record.</summary>
    Id = 2,
    /// <summary>Dates, times, or both.</summary>
    DateTime = 3,
    Number = 4,
    /// <summary>Numbers with a currency.</summary>
    Amount = 5,
    Email = 6,
    Url = 7,
    Phone = 8,
    PersonName = 9,
    /// <summary>Values that repeat: one of a handful, or of a set of words, codes or names.</summary>
    Label = 10,
    /// <summary>Short phrases in words, varied: a subject or a title.</summary>
    ShortText = 11,
    /// <summary>Long, varied values of many words: what a ticket says.</summary>
    FreeText = 12,
    /// <summary>Short values that are none of the above, such as single words that seldom repeat.</summary>
    Other = 13,
}

/// <summary>What was found in one column of the sample.</summary>
/// <param name="Description">The kind and its evidence in words, e.g. "labels: 3 distinct values".</param>
[GenerateSerializer, Immutable, Alias("ColumnFinding")]
public sealed record ColumnFinding(
    [property: Id(0)] string Column,
    [property: Id(1)] ColumnKind Kind,
    [property: Id(2)] string Description);
