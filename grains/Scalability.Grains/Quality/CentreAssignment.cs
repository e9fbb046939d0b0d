namespace Scalability.Grains.Quality;

/// <summary>
/// Grows groups from their cores: every ticket joins the group whose centre (the normalised sum of its tickets'
/// vectors) it is most similar to, when it is close enough to it, and the centres are computed again, until nothing
/// moves: spherical k-means with the number of groups set by the cores, and a way out for tickets that fit none.
/// Cores (from <see cref="AverageLinkage"/>) hold a topic's tickets worded most alike; its tickets in other words are
/// nearer its centre than to each other, and join here. Groups whose centres come to be alike are one topic said two
/// ways, and are merged; groups that stay too small to be proposed are given up, so that they do not hold back tickets
/// that fit a larger group almost as well. All in input order, ties to the lower number: deterministic.
/// </summary>
public static class CentreAssignment
{
    public const int None = -1;

    /// <param name="cores">The tickets of each core, in the order of their first tickets.</param>
    /// <param name="terms">The number of terms the vectors are over.</param>
    /// <returns>Per ticket, its group (numbered in the order of their first tickets), or <see cref="None"/>.</returns>
    public static int[] Assign(
        IReadOnlyList<SparseVector> vectors, int terms, IReadOnlyList<int[]> cores, AssignmentSettings settings, CancellationToken cancellationToken)
    {
        var n = vectors.Count;
        var labels = Enumerable.Repeat(None, n).ToArray();
        for (var g = 0; g < cores.Count; g++)
        {
            foreach (var ticket in cores[g])
            {
                labels[ticket] = g;
            }
        }

        var centres = Centres(vectors, labels, cores.Count, terms);
        for (var round = 0; round < settings.MaxRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (round > 0)
            {
                centres = Centres(vectors, labels, cores.Count, terms);
                Dissolve(centres, labels, settings.MinSize);
            }

            Merge(centres, labels, settings.MergeSimilarity);
            var moved = false;
            for (var i = 0; i < n; i++)
            {
                var (best, similarity) = (None, double.NegativeInfinity);
                for (var g = 0; g < centres.Length; g++)
                {
                    if (centres[g] is { } centre && vectors[i].Dot(centre.Weights) is var s && s >= settings.MinSimilarity && s > similarity)
                    {
                        (best, similarity) = (g, s);
                    }
                }

                if (labels[i] != best)
                {
                    labels[i] = best;
                    moved = true;
                }
            }

            // Settled: done, unless groups too small remain, which the next round gives up.
            if (!moved && !Sizes(labels, centres.Length).Any(size => size > 0 && size < settings.MinSize))
            {
                break;
            }
        }

        return Renumber(labels);
    }

    /// <summary>A group's centre: dense weights over the terms, of length 1, and the terms where they are not 0, ascending.</summary>
    private sealed record Centre(double[] Weights, int[] Terms)
    {
        public double Cosine(Centre other)
        {
            var (small, large) = Terms.Length <= other.Terms.Length ? (this, other) : (other, this);
            var sum = 0.0;
            foreach (var term in small.Terms)
            {
                sum += small.Weights[term] * large.Weights[term];
            }

            return sum;
        }
    }

    /// <summary>Takes out the centres of groups smaller than <paramref name="minSize"/>; their tickets go elsewhere or nowhere.</summary>
    private static void Dissolve(Centre?[] centres, int[] labels, int minSize)
    {
        var sizes = Sizes(labels, centres.Length);
        for (var g = 0; g < centres.Length; g++)
        {
            if (centres[g] is not null && sizes[g] < minSize)
            {
                centres[g] = null;
            }
        }
    }

    /// <summary>Each group's centre; null for a group with no ticket.</summary>
    private static Centre?[] Centres(IReadOnlyList<SparseVector> vectors, int[] labels, int groups, int terms)
    {
        var weights = new double[groups][];
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] != None)
            {
                vectors[i].AddTo(weights[labels[i]] ??= new double[terms]);
            }
        }

        return weights.Select(w => w is null ? null : Normalised(w)).ToArray();
    }

    /// <summary>Merges groups whose centres are alike, most alike first, into the lower number (centres weighted by size).</summary>
    private static void Merge(Centre?[] centres, int[] labels, double mergeSimilarity)
    {
        while (true)
        {
            var (a, b, best) = (None, None, double.NegativeInfinity);
            for (var i = 0; i < centres.Length; i++)
            {
                for (var j = i + 1; j < centres.Length; j++)
                {
                    if (centres[i] is { } ci && centres[j] is { } cj && ci.Cosine(cj) is var s && s >= mergeSimilarity && s > best)
                    {
                        (a, b, best) = (i, j, s);
                    }
                }
            }

            if (a == None)
            {
                return;
            }

            var sizes = Sizes(labels, centres.Length);
            var (sizeA, sizeB) = (Math.Max(1, sizes[a]), Math.Max(1, sizes[b]));
            var merged = new double[centres[a]!.Weights.Length];
            foreach (var term in centres[a]!.Terms)
            {
                merged[term] += sizeA * centres[a]!.Weights[term];
            }

            foreach (var term in centres[b]!.Terms)
            {
                merged[term] += sizeB * centres[b]!.Weights[term];
            }

            centres[a] = Normalised(merged);
            centres[b] = null;
            for (var i = 0; i < labels.Length; i++)
            {
                if (labels[i] == b)
                {
                    labels[i] = a;
                }
            }
        }
    }

    private static int[] Sizes(int[] labels, int groups)
    {
        var sizes = new int[groups];
        foreach (var label in labels)
        {
            if (label != None)
            {
                sizes[label]++;
            }
        }

        return sizes;
    }

    /// <summary>Scales the weights to length 1, in place.</summary>
    private static Centre Normalised(double[] weights)
    {
        var terms = new List<int>();
        var norm = 0.0;
        for (var t = 0; t < weights.Length; t++)
        {
            if (weights[t] != 0)
            {
                terms.Add(t);
                norm += weights[t] * weights[t];
            }
        }

        norm = Math.Sqrt(norm);
        foreach (var t in terms)
        {
            weights[t] /= norm;
        }

        return new Centre(weights, [.. terms]);
    }

    private static int[] Renumber(int[] labels)
    {
        var numbers = new Dictionary<int, int>();
        return labels.Select(l => l == None ? None : numbers.TryGetValue(l, out var n) ? n : numbers[l] = numbers.Count).ToArray();
    }
}

/// <summary>How <see cref="CentreAssignment"/> decides.</summary>
/// <param name="MinSimilarity">A ticket joins a group only if it is at least this similar to its centre.</param>
/// <param name="MergeSimilarity">Groups whose centres are at least this alike are merged.</param>
/// <param name="MinSize">Groups that stay smaller are given up.</param>
/// <param name="MaxRounds">Rounds of assignment at most; they usually settle in a few.</param>
public sealed record AssignmentSettings(double MinSimilarity, double MergeSimilarity, int MinSize, int MaxRounds);
