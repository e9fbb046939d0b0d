namespace Scalability.Grains.Quality;

/// <summary>
/// A ticket's term weights: term ids in ascending order with their weights, of length at most 1 (less when some of the
/// ticket's words are left out of it, see <see cref="TermSpace"/>).
/// </summary>
public readonly record struct SparseVector(int[] Terms, float[] Weights)
{
    public static SparseVector Empty { get; } = new([], []);

    public int Count => Terms.Length;

    /// <summary>The dot product with a dense vector over the same terms.</summary>
    public double Dot(double[] dense)
    {
        var sum = 0.0;
        for (var i = 0; i < Terms.Length; i++)
        {
            sum += Weights[i] * dense[Terms[i]];
        }

        return sum;
    }

    /// <summary>Adds this vector to a dense one over the same terms.</summary>
    public void AddTo(double[] dense)
    {
        for (var i = 0; i < Terms.Length; i++)
        {
            dense[Terms[i]] += Weights[i];
        }
    }
}
