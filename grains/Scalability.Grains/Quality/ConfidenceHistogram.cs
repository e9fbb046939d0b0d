using System.Globalization;
using Scalability.GrainInterfaces.Quality;

namespace Scalability.Grains.Quality;

/// <summary>
/// Confidences counted in thousandths (<see cref="ChunkQuality.Scale"/>), the precision the results file writes them
/// with: counts per value, from which the quartiles of the written values are read exactly.
/// </summary>
public static class ConfidenceHistogram
{
    /// <summary>How the results file writes a confidence.</summary>
    public static string Format(double confidence) => confidence.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The thousandths of a confidence written by <see cref="Format"/>: "0.734" is 734.</summary>
    public static int Thousandths(string written)
    {
        // Every row goes through here: the digits of "d.ddd" are its thousandths, without parsing a double.
        if (written.Length is >= 5 and <= 9 && written[^4] == '.')
        {
            var value = 0;
            foreach (var c in written)
            {
                if (c is >= '0' and <= '9')
                {
                    value = value * 10 + (c - '0');
                }
                else if (c != '.')
                {
                    return Parsed(written);
                }
            }

            return value;
        }

        return Parsed(written);
    }

    private static int Parsed(string written) => (int)Math.Clamp(
        Math.Round(double.Parse(written, NumberStyles.Float, CultureInfo.InvariantCulture) * ChunkQuality.Scale, MidpointRounding.AwayFromZero),
        int.MinValue, int.MaxValue);

    /// <summary>
    /// The lowest, the nearest-rank quartiles (the value at rank ⌈p·n⌉ of the n values sorted) and the highest; null
    /// for no values.
    /// </summary>
    public static ConfidenceQuartiles? Quartiles(IReadOnlyDictionary<int, long> counts)
    {
        var n = counts.Values.Sum();
        if (n == 0)
        {
            return null;
        }

        var sorted = counts.Where(c => c.Value > 0).OrderBy(c => c.Key).ToArray();
        double At(double p)
        {
            var rank = Math.Max(1, (long)Math.Ceiling(p * n));
            long seen = 0;
            foreach (var (value, count) in sorted)
            {
                seen += count;
                if (seen >= rank)
                {
                    return (double)value / ChunkQuality.Scale;
                }
            }

            return (double)sorted[^1].Key / ChunkQuality.Scale;
        }

        return new ConfidenceQuartiles(At(0), At(0.25), At(0.5), At(0.75), At(1));
    }

    /// <summary>Adds <paramref name="counts"/> into <paramref name="into"/>.</summary>
    public static void Add(Dictionary<int, long> into, IReadOnlyDictionary<int, long> counts)
    {
        foreach (var (value, count) in counts)
        {
            into[value] = into.GetValueOrDefault(value) + count;
        }
    }
}
