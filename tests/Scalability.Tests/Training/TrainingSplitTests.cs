using Scalability.Grains.Processing.Training;
using Scalability.Tests.Processing;

namespace Scalability.Tests.Training;

public sealed class TrainingSplitTests
{
    private static List<LabeledExample> Bitext() =>
        SharedData.ReadColumns(SharedData.Bitext, "instruction", "category")
            .Select((r, i) => new LabeledExample(i + 1, r[0], r[1]))
            .ToList();

    [Fact]
    public void The_split_is_the_same_every_time_and_does_not_depend_on_the_order_of_the_examples()
    {
        var examples = Bitext();
        var shuffled = examples.OrderBy(e => TrainingSplit.Rank(e.RecordNumber, 12345)).ToList();

        var first = TrainingSplit.Split(examples);
        var again = TrainingSplit.Split(examples);
        var fromShuffled = TrainingSplit.Split(shuffled);

        Assert.Equal(first.HeldOut.Select(e => e.RecordNumber), again.HeldOut.Select(e => e.RecordNumber));
        Assert.Equal(first.HeldOut.Select(e => e.RecordNumber), fromShuffled.HeldOut.Select(e => e.RecordNumber));
        Assert.Equal(first.Train.Select(e => e.RecordNumber), fromShuffled.Train.Select(e => e.RecordNumber));
    }

    [Fact]
    public void The_parts_are_disjoint_cover_every_example_and_hold_out_a_fifth_of_each_category()
    {
        var examples = Bitext();

        var split = TrainingSplit.Split(examples, 0.2, seed: 1);

        var train = split.Train.Select(e => e.RecordNumber).ToHashSet();
        var heldOut = split.HeldOut.Select(e => e.RecordNumber).ToHashSet();
        Assert.Empty(train.Intersect(heldOut));
        Assert.Equal(examples.Select(e => e.RecordNumber).Order(), train.Concat(heldOut).Order());
        Assert.Equal(split.Train.Count, train.Count);
        Assert.Equal(split.HeldOut.Count, heldOut.Count);
        foreach (var category in examples.GroupBy(e => e.Label))
        {
            var held = split.HeldOut.Count(e => e.Label == category.Key);
            Assert.Equal(TrainingSplit.HeldOutCount(category.Count(), 0.2), held);
            Assert.InRange(held, category.Count() * 0.2 - 0.5, category.Count() * 0.2 + 0.5);
        }

        Assert.InRange(split.HeldOut.Count / (double)examples.Count, 0.195, 0.205);
        Assert.Equal(split.Train.OrderBy(e => e.RecordNumber), split.Train);
        Assert.Equal(split.HeldOut.OrderBy(e => e.RecordNumber), split.HeldOut);
    }

    [Fact]
    public void Another_seed_holds_out_other_rows_in_the_same_numbers()
    {
        var examples = Bitext();

        var one = TrainingSplit.Split(examples, 0.2, seed: 1);
        var two = TrainingSplit.Split(examples, 0.2, seed: 2);

        Assert.Equal(one.HeldOut.Count, two.HeldOut.Count);
        var shared = one.HeldOut.Select(e => e.RecordNumber).Intersect(two.HeldOut.Select(e => e.RecordNumber)).Count();
        // Independent 20% samples share about 20% of their rows.
        Assert.InRange(shared, one.HeldOut.Count * 0.1, one.HeldOut.Count * 0.3);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(8, 2)]
    [InlineData(1041, 208)]
    public void A_category_holds_out_its_fraction_rounded_but_never_its_last_example(int examples, int heldOut) =>
        Assert.Equal(heldOut, TrainingSplit.HeldOutCount(examples, 0.2));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_refused(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingSplit.Split([new LabeledExample(1, "a", "x")], fraction));
}
