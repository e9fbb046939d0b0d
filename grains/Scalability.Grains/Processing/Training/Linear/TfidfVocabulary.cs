namespace Scalability.Grains.Processing.Training.Linear;

/// <summary>
/// The terms a model knows and their inverse document frequencies, and the TF-IDF vector of a text over them: for
/// each known term, (1 + ln tf) × idf, with idf = ln((1 + n) / (1 + df)) + 1 over the n training texts, the vector
/// scaled to unit length. That is scikit-learn's <c>TfidfVectorizer(sublinear_tf=True)</c> with its smoothed idf and L2
/// norm, so that the two sides of a comparison learn from the same features. Terms are words and word pairs
/// (<see cref="WordNgrams"/>); a term seen in fewer than <c>minDocumentFrequency</c> training texts is left out.
/// Immutable and thread-safe; the scratch space of <see cref="Featurize"/> belongs to the caller.
/// </summary>
public sealed class TfidfVocabulary
{
    public const int DefaultMinDocumentFrequency = 2;

    private readonly Dictionary<ulong, int> _index;

    /// <param name="terms">Term hashes, in feature order.</param>
    /// <param name="idf">Each term's inverse document frequency.</param>
    public TfidfVocabulary(ulong[] terms, float[] idf)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(idf);
        if (terms.Length != idf.Length)
        {
            throw new ArgumentException($"{terms.Length} terms but {idf.Length} idf values");
        }

        _index = new Dictionary<ulong, int>(terms.Length);
        for (var i = 0; i < terms.Length; i++)
        {
            if (!_index.TryAdd(terms[i], i))
            {
                throw new ArgumentException($"the term hash {terms[i]:x16} is listed twice");
            }
        }

        Terms = terms;
        Idf = idf;
    }

    public ulong[] Terms { get; }

    public float[] Idf { get; }

    public int Count => Terms.Length;

    /// <summary>The vocabulary of a set of training texts: terms in ascending hash order, so that a fit is the same on every run.</summary>
    public static TfidfVocabulary Fit(IReadOnlyList<string> texts, int minDocumentFrequency = DefaultMinDocumentFrequency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDocumentFrequency, 1);
        var documentFrequency = new Dictionary<ulong, int>();
        var collector = new DistinctTerms(new HashSet<ulong>());
        for (var i = 0; i < texts.Count; i++)
        {
            if (i % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            collector.Seen.Clear();
            WordNgrams.Hash(texts[i], ref collector);
            foreach (var term in collector.Seen)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        var kept = documentFrequency.Where(t => t.Value >= minDocumentFrequency).OrderBy(t => t.Key).ToArray();
        var terms = new ulong[kept.Length];
        var idf = new float[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            terms[i] = kept[i].Key;
            idf[i] = (float)(Math.Log((1.0 + texts.Count) / (1.0 + kept[i].Value)) + 1);
        }

        return new TfidfVocabulary(terms, idf);
    }

    /// <summary>A scratch space for <see cref="Featurize"/>, reusable text after text by one thread at a time.</summary>
    public FeatureScratch CreateScratch() => new(Count);

    /// <summary>
    /// The text's TF-IDF vector, sparse, in <paramref name="scratch"/>'s <see cref="FeatureScratch.Indices"/> and
    /// <see cref="FeatureScratch.Values"/> (the first <see cref="FeatureScratch.Length"/> of each, in first-seen order).
    /// A text with no known term gives the empty vector. Allocates nothing once the scratch has grown to the longest text.
    /// </summary>
    public void Featurize(ReadOnlySpan<char> text, FeatureScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        scratch.Reset();
        var counter = new TermCounter(_index, scratch);
        WordNgrams.Hash(text, ref counter);
        var squares = 0.0;
        var counts = scratch.Counts;
        var indices = scratch.Indices;
        var values = scratch.Values;
        for (var i = 0; i < scratch.Length; i++)
        {
            var feature = indices[i];
            var value = (1 + Math.Log(counts[feature])) * Idf[feature];
            counts[feature] = 0;
            values[i] = (float)value;
            squares += value * value;
        }

        if (squares > 0)
        {
            var scale = (float)(1 / Math.Sqrt(squares));
            for (var i = 0; i < scratch.Length; i++)
            {
                values[i] *= scale;
            }
        }
    }

    private struct DistinctTerms(HashSet<ulong> seen) : ITermSink
    {
        public readonly HashSet<ulong> Seen = seen;

        public readonly void Add(ulong term) => Seen.Add(term);
    }

    private readonly struct TermCounter(Dictionary<ulong, int> index, FeatureScratch scratch) : ITermSink
    {
        public void Add(ulong term)
        {
            if (index.TryGetValue(term, out var feature))
            {
                scratch.Count(feature);
            }
        }
    }
}

/// <summary>
/// The working memory of one featurization: a dense counter over the vocabulary (zeroed again as it is read, so that a
/// text costs its own terms, not the vocabulary's size) and the sparse vector it produces.
/// </summary>
public sealed class FeatureScratch
{
    internal FeatureScratch(int features)
    {
        Counts = new int[features];
        Indices = new int[64];
        Values = new float[64];
    }

    internal int[] Counts { get; }

    public int[] Indices { get; private set; }

    public float[] Values { get; private set; }

    public int Length { get; private set; }

    internal void Reset() => Length = 0;

    internal void Count(int feature)
    {
        if (Counts[feature]++ != 0)
        {
            return;
        }

        if (Length == Indices.Length)
        {
            var indices = Indices;
            Array.Resize(ref indices, indices.Length * 2);
            Indices = indices;
            Values = new float[indices.Length];
        }

        Indices[Length++] = feature;
    }
}
