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
/// The merges are found by the nearest-neighbour chain algorithm, in O(n²) time over a square matrix of similarities
/// updated by the Lance–Williams formula for average linkage, O(n²) memory: 4 bytes a pair each way, 64 MB for 4,000
/// tickets. Square rather than triangular so that a group's similarities are one run of memory: in a triangular matrix
/// finding a nearest group read a cache line per other group.
/// Ties go to the lower index, so the result depends only on the vectors and their order.
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
                    var combined = (size[keep] * similarity[(long)keep * n + k] + size[drop] * similarity[(long)drop * n + k]) / (size[keep] + size[drop]);
                    similarity[(long)keep * n + k] = combined;
                    similarity[(long)k * n + keep] = combined;
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
        var row = similarity.AsSpan(checked(group * n), n);
        var (nearest, best) = (-1, float.NegativeInfinity);
        if (previous >= 0)
        {
            (nearest, best) = (previous, row[previous]);
        }

        for (var k = 0; k < row.Length; k++)
        {
            if (row[k] > best && active[k] && k != group)
            {
                (nearest, best) = (k, row[k]);
            }
        }

        return (nearest, best);
    }

    /// <summary>The cosine similarities of all pairs, both ways, through an inverted index.</summary>
    private static float[] Similarities(IReadOnlyList<SparseVector> vectors, int terms, CancellationToken cancellationToken)
    {
        var n = vectors.Count;
        var similarity = new float[checked(n * n)];
        // Postings in flat arrays, each term's run sized by a first pass, rather than a list per term.
        var starts = new int[terms + 1];
        foreach (var vector in vectors)
        {
            foreach (var term in vector.Terms)
            {
                starts[term + 1]++;
            }
        }

        for (var t = 0; t < terms; t++)
        {
            starts[t + 1] += starts[t];
        }

        var filled = new int[terms];
        var tickets = new int[starts[terms]];
        var weights = new float[starts[terms]];
        for (var i = 0; i < n; i++)
        {
            if (i % 64 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // Postings hold the tickets before i only: each pair is summed once, into row i.
            var vector = vectors[i];
            var row = (long)i * n;
            for (var k = 0; k < vector.Count; k++)
            {
                var term = vector.Terms[k];
                var weight = vector.Weights[k];
                var start = starts[term];
                var end = start + filled[term];
                for (var p = start; p < end; p++)
                {
                    similarity[row + tickets[p]] += weight * weights[p];
                }

                tickets[end] = i;
                weights[end] = weight;
                filled[term]++;
            }

            // Every pair (i, j < i) is complete now: the other half of the matrix mirrors it.
            for (var j = 0; j < i; j++)
            {
                similarity[(long)j * n + i] = similarity[row + j];
            }
        }

        return similarity;
    }
}
