using Scalability.Grains.Processing.Training;

namespace Scalability.Tests.Training;

public sealed class ClassificationReportTests
{
    [Fact]
    public void Precision_recall_and_f1_come_from_the_confusion_counts_and_macro_f1_is_their_plain_mean()
    {
        (string, string)[] pairs =
        [
            ("a", "a"), ("a", "a"), ("a", "b"), ("a", "a"),
            ("b", "b"), ("b", "a"),
            ("c", "c"),
        ];

        var report = ClassificationReport.From(pairs);

        Assert.Equal(7, report.Rows);
        Assert.Equal(5, report.Correct);
        Assert.Equal(5 / 7.0, report.Accuracy, 12);
        Assert.Equal(["a", "b", "c"], report.Classes.Select(c => c.Category));
        var a = report.Classes[0];
        Assert.Equal((4, 4, 3), (a.Support, a.Predicted, a.Correct));
        Assert.Equal((0.75, 0.75, 0.75), (a.Precision, a.Recall, a.F1));
        var b = report.Classes[1];
        Assert.Equal((2, 2, 1), (b.Support, b.Predicted, b.Correct));
        Assert.Equal((0.5, 0.5, 0.5), (b.Precision, b.Recall, b.F1));
        var c = report.Classes[2];
        Assert.Equal((1.0, 1.0, 1.0), (c.Precision, c.Recall, c.F1));
        Assert.Equal((0.75 + 0.5 + 1.0) / 3, report.MacroF1, 12);
    }

    [Fact]
    public void A_category_only_predicted_or_never_predicted_scores_zero_and_counts_in_the_macro_mean()
    {
        (string, string)[] pairs = [("a", "a"), ("a", "z"), ("b", "a")];

        var report = ClassificationReport.From(pairs);

        var z = Assert.Single(report.Classes, c => c.Category == "z");
        Assert.Equal((0, 1, 0, 0.0, 0.0, 0.0), (z.Support, z.Predicted, z.Correct, z.Precision, z.Recall, z.F1));
        var b = Assert.Single(report.Classes, c => c.Category == "b");
        Assert.Equal((1, 0, 0.0, 0.0), (b.Support, b.Predicted, b.Precision, b.F1));
        var a = Assert.Single(report.Classes, c => c.Category == "a");
        Assert.Equal((0.5, 0.5), (a.Precision, a.Recall));
        Assert.Equal(0.5 / 3, report.MacroF1, 12);
        Assert.Equal(report.Rows, report.Classes.Sum(x => x.Support));
        Assert.Equal(report.Rows, report.Classes.Sum(x => x.Predicted));
    }

    [Fact]
    public void No_predictions_make_an_empty_report()
    {
        var report = ClassificationReport.From([]);

        Assert.Equal((0, 0, 0.0, 0.0), (report.Rows, report.Correct, report.Accuracy, report.MacroF1));
        Assert.Empty(report.Classes);
    }
}
