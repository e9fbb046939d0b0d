namespace Scalability.Grains.Processing.Training;

/// <summary>The examples a model learns from and the ones it is scored on, disjoint, each in record order.</summary>
public sealed record SplitExamples(IReadOnlyList<LabeledExample> Train, IReadOnlyList<LabeledExample> HeldOut);

/// <summary>
/// Splits labeled examples into a training part and a held-out part, the same way on every run and machine: each
/// record gets a rank from a fixed integer hash of its record number and the seed (no <see cref="string.GetHashCode()"/>,
/// which differs per process, no <see cref="Random"/>, whose sequence is not promised across .NET versions), and in
/// each category the lowest-ranked fraction is held out. Holding out per category keeps every category's share the
/// same in both parts, so that a small category is neither missing from the score nor from the training.
/// </summary>
public static class TrainingSplit
{
    public const double DefaultTestFraction = 0.2;
    public const int DefaultSeed = 1;

    public static SplitExamples Split(IReadOnlyList<LabeledExample> examples, double testFraction = DefaultTestFraction, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        CheckFraction(testFraction);
        var heldOut = new HashSet<long>();
        foreach (var category in examples.GroupBy(e => e.Label, StringComparer.Ordinal))
        {
            var members = category.ToArray();
            foreach (var example in members
                         .OrderBy(e => Rank(e.RecordNumber, seed))
                         .ThenBy(e => e.RecordNumber)
                         .Take(HeldOutCount(members.Length, testFraction)))
            {
                heldOut.Add(example.RecordNumber);
            }
        }

        var train = new List<LabeledExample>(examples.Count - heldOut.Count);
        var held = new List<LabeledExample>(heldOut.Count);
        foreach (var example in examples.OrderBy(e => e.RecordNumber))
        {
            (heldOut.Contains(example.RecordNumber) ? held : train).Add(example);
        }

        return new SplitExamples(train, held);
    }

    /// <summary>
    /// How many of a category's examples are held out: the fraction, rounded to the nearest, but never the last
    /// one, so that a model knows every category it can be scored on.
    /// </summary>
    public static int HeldOutCount(int examples, double testFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(examples);
        CheckFraction(testFraction);
        var count = (int)Math.Round(examples * testFraction, MidpointRounding.AwayFromZero);
        return Math.Clamp(count, 0, Math.Max(examples - 1, 0));
    }

    /// <summary>A record's place in the split order: SplitMix64's finalizer over the record number and the seed.</summary>
    public static ulong Rank(long recordNumber, int seed)
    {
        unchecked
        {
            var z = (ulong)recordNumber * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)seed * 0xC2B2AE3D27D4EB4FUL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static void CheckFraction(double testFraction)
    {
        if (!(testFraction is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "the held-out fraction must be above 0 and below 1");
        }
    }
}
