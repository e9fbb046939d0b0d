namespace Scalability.Grains.Quality;

/// <summary>
/// A deterministic sample spread evenly over a sequence of known length: of <c>total</c> items, item i is taken when
/// ⌊(i + 1)·k ÷ total⌋ &gt; ⌊i·k ÷ total⌋, which takes exactly k of them, one in each stretch of total ÷ k. An input
/// sorted by topic is sampled in proportion to its topics; the same file always gives the same sample.
/// </summary>
public static class ReviewSample
{
    /// <summary>Whether item <paramref name="index"/> (0-based) of <paramref name="total"/> is among the <paramref name="size"/> taken.</summary>
    public static bool Takes(long index, long total, int size) =>
        size >= total || (index + 1) * size / total > index * size / total;
}
