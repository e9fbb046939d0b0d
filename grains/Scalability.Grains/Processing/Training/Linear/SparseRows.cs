namespace Scalability.Grains.Processing.Training.Linear;

/// <summary>Feature vectors of many texts in one block (compressed sparse rows): row r is <c>[Starts[r], Starts[r + 1])</c>.</summary>
public sealed class SparseRows
{
    private SparseRows(int[] starts, int[] indices, float[] values, int features)
    {
        Starts = starts;
        Indices = indices;
        Values = values;
        Features = features;
    }

    public int[] Starts { get; }

    public int[] Indices { get; }

    public float[] Values { get; }

    public int Features { get; }

    public int Count => Starts.Length - 1;

    /// <summary>The TF-IDF vectors of <paramref name="texts"/> over <paramref name="vocabulary"/>.</summary>
    public static SparseRows Featurize(TfidfVocabulary vocabulary, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(texts);
        var scratch = vocabulary.CreateScratch();
        var starts = new int[texts.Count + 1];
        var indices = new List<int>(texts.Count * 32);
        var values = new List<float>(texts.Count * 32);
        for (var r = 0; r < texts.Count; r++)
        {
            if (r % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            vocabulary.Featurize(texts[r], scratch);
            indices.AddRange(scratch.Indices.AsSpan(0, scratch.Length));
            values.AddRange(scratch.Values.AsSpan(0, scratch.Length));
            starts[r + 1] = indices.Count;
        }

        return new SparseRows(starts, [.. indices], [.. values], vocabulary.Count);
    }

    public ReadOnlySpan<int> RowIndices(int row) => Indices.AsSpan(Starts[row], Starts[row + 1] - Starts[row]);

    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(Starts[row], Starts[row + 1] - Starts[row]);
}
