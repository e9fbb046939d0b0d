using System.Globalization;
using Scalability.GrainInterfaces.Quality;

namespace Scalability.Grains.Quality;

/// <summary>
/// Counts one chunk attempt's quality figures as its rows are written, and says which rows go to the review file: an
/// ok row with a category that is the fallback category, or whose confidence as written is under the threshold.
/// </summary>
public sealed class ChunkQualityCounter(double reviewBelow, string fallbackCategory)
{
    // In thousandths, as a decimal: 0.3 is 300 exactly, which it is not in binary floating point.
    private readonly decimal _threshold = (decimal)reviewBelow * ChunkQuality.Scale;
    private readonly string _below = "below " + reviewBelow.ToString("0.###", CultureInfo.InvariantCulture);
    private readonly Dictionary<string, Dictionary<int, long>> _confidences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _languages = new(StringComparer.Ordinal);
    private long _review, _belowThreshold, _inOther;

    /// <summary>Counts a row; returns why it is to be reviewed, or null when it is not.</summary>
    /// <param name="confidence">The confidence as the results file writes it (<see cref="ConfidenceHistogram.Format"/>).</param>
    public string? Count(TicketResult result, string confidence)
    {
        var language = string.IsNullOrWhiteSpace(result.Language) ? ChunkQuality.UnknownLanguage : result.Language;
        _languages[language] = _languages.GetValueOrDefault(language) + 1;
        if (result.Status != TicketStatus.Ok || result.Category.Length == 0)
        {
            // Failed rows have their own accounting; a categorizer switched off leaves nothing to judge.
            return null;
        }

        var thousandths = ConfidenceHistogram.Thousandths(confidence);
        if (!_confidences.TryGetValue(result.Category, out var counts))
        {
            _confidences[result.Category] = counts = [];
        }

        counts[thousandths] = counts.GetValueOrDefault(thousandths) + 1;
        var other = string.Equals(result.Category, fallbackCategory, StringComparison.Ordinal);
        var below = thousandths < _threshold;
        if (!other && !below)
        {
            return null;
        }

        _review++;
        _inOther += other ? 1 : 0;
        _belowThreshold += below ? 1 : 0;
        return other && below ? $"{fallbackCategory}, {_below}" : other ? fallbackCategory : _below;
    }

    public long Review => _review;

    public ChunkQuality Result() => new(
        _confidences.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<int, long>)c.Value, StringComparer.Ordinal),
        new Dictionary<string, long>(_languages, StringComparer.Ordinal),
        _review, _belowThreshold, _inOther);
}
