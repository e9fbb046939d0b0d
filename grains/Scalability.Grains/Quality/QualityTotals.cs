using Scalability.GrainInterfaces.Quality;

namespace Scalability.Grains.Quality;

/// <summary>
/// A job's quality figures over its committed chunks: each chunk's <see cref="ChunkQuality"/> added once, at its first
/// accepted commit, in the same save as the commit, so that a retried or repeated attempt never counts twice and a
/// restart never loses one.
/// </summary>
[GenerateSerializer, Alias("QualityTotals")]
public sealed class QualityTotals
{
    /// <summary>Per category, ok rows by confidence in thousandths.</summary>
    [Id(0)] public Dictionary<string, Dictionary<int, long>> Confidences { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Output rows by language.</summary>
    [Id(1)] public Dictionary<string, long> Languages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Rows in the review file.</summary>
    [Id(2)] public long Review { get; set; }

    [Id(3)] public long BelowThreshold { get; set; }

    [Id(4)] public long InOther { get; set; }

    public void Add(ChunkQuality chunk)
    {
        foreach (var (category, counts) in chunk.Confidences)
        {
            if (!Confidences.TryGetValue(category, out var into))
            {
                Confidences[category] = into = [];
            }

            ConfidenceHistogram.Add(into, counts);
        }

        foreach (var (language, count) in chunk.Languages)
        {
            Languages[language] = Languages.GetValueOrDefault(language) + count;
        }

        Review += chunk.Review;
        BelowThreshold += chunk.BelowThreshold;
        InOther += chunk.InOther;
    }
}
