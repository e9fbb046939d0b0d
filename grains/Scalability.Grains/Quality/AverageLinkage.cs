namespace Scalability.Grains.Quality;

/// <summary>
/// Groups tickets by average-linkage agglomerative clustering, stopped at a similarity rather than at a number of
/// groups: starting from one group per ticket, the two groups whose tickets are most alike on average (the mean cosine
/// similarity over all pairs across them) are merged, until no two groups are at least <c>minSimilarity</c> alike. Every
/// group found is thus as alike inside, on average, as that threshold. Unlike linking tickets that are merely each
/// other's neighbours, this does not chain one topic into the next through tickets that share a word with both, which
/// short support texts ("my account …") do all the time.
/// </summary>
/// <remarks>
/// The merges are found by the nearest-neighbour chain algorithm, in O(n²) time over a triangular matrix of
/// similarities updated by the Lance–Williams formula for average linkage, O(n²) memory: 4 bytes a pair, 32 MB for
/// 4,000 tickets. Ties go to the lower index, so the result depends only on the vectors and their order.
/// </remarks>
public static class AverageLinkage
{
    /// <returns>Per ticket, its group: 0, 1, … numbered in the order of their first tickets.</returns>
    public static int[] Cluster(IReadOnlyList<SparseVector> vectors, int terms, double minSimilarity, CancellationToken cancellationToken)
    {
        var n = vectors.Count;
        var similarity = Similarities(vectors, terms, cancellationToken);
        var size = Enumerable.Repeat(1, n).ToArray();
        var active = Enumerable.Repeat(true, n).ToArray();
        var merged = Enumerable.Range(0, n).ToArray();
        var threshold = (float)minSimilarity;
        var chain = new List<int>();
        var remaining = n;
        var next = 0;
        while (remaining > 1)
        {
            if (chain.Count == 0)
            {
                while (!active[next])
                {
                    next++;
                }

                chain.Add(next);
            }

            if (chain.Count % 64 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var top = chain[^1];
            var previous = chain.Count > 1 ? chain[^2] : -1;
            var (nearest, best) = Nearest(similarity, active, n, top, previous);
            if (nearest < 0 || best < threshold)
            {
                // Along the chain similarities grow, so no group on it has a partner at the threshold any more: all of
                // them are final.
                foreach (var group in chain)
                {
                    active[group] = false;
                    remaining--;
                }

                chain.Clear();
                continue;
            }

            if (nearest != previous)
            {
                chain.Add(nearest);
                continue;
            }

            // top and previous are each other's nearest: merge them into the lower index.
            chain.RemoveRange(chain.Count - 2, 2);
            var (keep, drop) = top < previous ? (top, previous) : (previous, top);
            for (var k = 0; k < n; k++)
            {
                if (active[k] && k != keep && k != drop)
                {
                    var combined = (size[keep] * similarity[Index(keep, k)] + size[drop] * similarity[Index(drop, k)]) / (size[keep] + size[drop]);
                    similarity[Index(keep, k)] = combined;
                }
            }

            size[keep] += size[drop];
            active[drop] = false;
            merged[drop] = keep;
            remaining--;
        }

        var labels = new int[n];
        var numbers = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            var root = i;
            while (merged[root] != root)
            {
                root = merged[root];
            }

            if (!numbers.TryGetValue(root, out var label))
            {
                label = numbers.Count;
                numbers.Add(root, label);
            }

            labels[i] = label;
        }

        return labels;
    }

    /// <summary>The active group most similar to <paramref name="group"/>: on a tie, the previous one on the chain, then the lowest index.</summary>
    private static (int Group, float Similarity) Nearest(float[] similarity, bool[] active, int n, int group, int previous)
    {
        var (nearest, best) = (-1, float.NegativeInfinity);
        if (previous >= 0)
        {
            (nearest, best) = (previous, similarity[Index(group, previous)]);
        }

        for (var k = 0; k < n; k++)
        {
            if (active[k] && k != group && similarity[Index(group, k)] > best)
            {
                (nearest, best) = (k, similarity[Index(group, k)]);
            }
        }

        return (nearest, best);
    }

    /// <summary>The cosine similarities of all pairs, in a lower-triangular matrix, through an inverted index.</summary>
    private static float[] Similarities(IReadOnlyList<SparseVector> vectors, int terms, CancellationToken cancellationToken)
    {
        var n = vectors.Count;
        var similarity = new float[(long)n * (n - 1) / 2];
        var postings = new List<(int Ticket, float Weight)>[terms];
        for (var i = 0; i < n; i++)
        {
            if (i % 64 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // Postings hold the tickets before i only: each pair is summed once, into row i.
            var vector = vectors[i];
            var row = (long)i * (i - 1) / 2;
            for (var k = 0; k < vector.Count; k++)
            {
                var list = postings[vector.Terms[k]] ??= [];
                var weight = vector.Weights[k];
                foreach (var (j, other) in list)
                {
                    similarity[row + j] += weight * other;
                }

                list.Add((i, weight));
            }
        }

        return similarity;
    }

    private static long Index(int a, int b) => a > b ? (long)a * (a - 1) / 2 + b : (long)b * (b - 1) / 2 + a;
}
