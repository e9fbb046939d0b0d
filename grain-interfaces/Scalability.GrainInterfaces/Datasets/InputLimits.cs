using System.Text.Json.Serialization;

namespace Scalability.GrainInterfaces.Datasets;

/// <summary>
/// The largest field and row a job reads. A record over either goes to the rejects with its line and the limit, and
/// the reader never holds more than about twice <see cref="MaxRowBytes"/> of one record in memory, whatever the file
/// holds (a 50 MB field, or a quote that is never closed).
/// </summary>
/// <param name="MaxFieldBytes">The largest value of one field, in bytes of UTF-8.</param>
/// <param name="MaxRowBytes">The largest record as it is in the file (quotes and separators included), in bytes.</param>
[GenerateSerializer, Immutable, Alias("InputLimits")]
public sealed record InputLimits(
    [property: Id(0)] int MaxFieldBytes = InputLimits.DefaultMaxFieldBytes,
    [property: Id(1)] int MaxRowBytes = InputLimits.DefaultMaxRowBytes)
{
    public const int DefaultMaxFieldBytes = 1024 * 1024;
    public const int DefaultMaxRowBytes = 4 * 1024 * 1024;

    /// <summary>Below this a row limit would refuse ordinary tickets; it is also the smallest buffer the reader takes.</summary>
    public const int SmallestRowLimit = 256;

    public static InputLimits Default { get; } = new();

    /// <summary>What is wrong with these limits, or null when they can be used.</summary>
    [JsonIgnore]
    public string? Problem => MaxRowBytes < SmallestRowLimit
        ? $"--max-row-bytes must be at least {SmallestRowLimit} (got {MaxRowBytes})"
        : MaxFieldBytes < 1
            ? $"--max-field-bytes must be at least 1 (got {MaxFieldBytes})"
            : MaxFieldBytes > MaxRowBytes
                ? $"--max-field-bytes ({MaxFieldBytes}) cannot be more than --max-row-bytes ({MaxRowBytes}): a field is part of a row"
                : null;
}
