using Scalability.Tests.Support;

namespace Scalability.Tests.Training;

/// <summary>Bad usage and bad input of <c>scale train</c> and <c>scale run --model</c>: exit code 2 and a message that says what.</summary>
public sealed class TrainCommandInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_missing_label_column_is_bad_input_naming_the_file_and_column()
    {
        var input = _temp.Write("labeled.csv", "subject,label\nrefund please,billing\nwhere is my parcel,delivery\n");
        var model = _temp.File("m.model");

        var train = await ScaleCli.RunAsync(_temp.Path, "train", input, "--label-column", "category", "--out", model);

        Assert.Equal(2, train.ExitCode);
        Assert.Contains($"error: {input}: --label-column: no column named 'category'; the columns are 'subject', 'label'", train.StdErr);
        Assert.Equal("", train.StdOut);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public async Task One_category_is_bad_input()
    {
        var input = _temp.Write("one.csv", "subject,label\nrefund please,billing\ncharged twice,billing\nno label here,\n");

        var train = await ScaleCli.RunAsync(_temp.Path, "train", input, "--label-column", "label", "--out", _temp.File("m.model"));

        Assert.Equal(2, train.ExitCode);
        Assert.Contains($"error: {input}: --label-column 'label' holds one category only ('billing'); a categorizer needs at least 2 to choose from", train.StdErr);
    }

    [Fact]
    public async Task Fewer_than_two_folds_is_bad_usage()
    {
        var input = _temp.Write("labeled.csv", "subject,label\nrefund please,billing\nwhere is my parcel,delivery\n");

        var train = await ScaleCli.RunAsync(_temp.Path, "train", input, "--label-column", "label", "--out", _temp.File("m.model"), "--cross-validate", "1");

        Assert.Equal(2, train.ExitCode);
        Assert.Contains("error: --cross-validate must be 2 or more folds (got 1)", train.StdErr);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public async Task A_test_fraction_outside_zero_to_one_is_bad_usage(string fraction)
    {
        var input = _temp.Write("labeled.csv", "subject,label\nrefund please,billing\nwhere is my parcel,delivery\n");

        var train = await ScaleCli.RunAsync(_temp.Path, "train", input, "--label-column", "label", "--out", _temp.File("m.model"), "--test-fraction", fraction);

        Assert.Equal(2, train.ExitCode);
        Assert.Contains($"error: --test-fraction must be above 0 and below 1 (got {fraction})", train.StdErr);
    }

    [Fact]
    public async Task Run_with_a_missing_model_file_is_bad_input_and_writes_nothing()
    {
        var input = Path.Combine(TestPaths.RepositoryRoot, "samples", "tickets-sample.csv");
        var model = _temp.File("missing.model");
        var output = _temp.File("out.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--model", model);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: the model file '{model}' does not exist (scale train writes one)", run.StdErr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Run_with_a_file_that_is_not_a_model_is_bad_input()
    {
        var input = Path.Combine(TestPaths.RepositoryRoot, "samples", "tickets-sample.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("out.csv"), "--model", input);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: '{input}' is not a categorizer model written by scale train: it is not a zip archive", run.StdErr);
    }

    [Fact]
    public async Task Run_refuses_a_model_beside_another_categorizer()
    {
        var input = Path.Combine(TestPaths.RepositoryRoot, "samples", "tickets-sample.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("out.csv"), "--model", _temp.File("m.model"), "--categorizer", "none");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: --model categorizes with a trained model, so it cannot go with --categorizer none", run.StdErr);
    }
}
