using Scalability.Grains.Output;
using Scalability.Tests.Support;

namespace Scalability.Tests.BadInput;

public sealed class OutputSpaceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_estimate_counts_the_input_and_the_results_twice_for_the_parts_and_the_output()
    {
        // 2 × (1,000,000 input bytes + 1,000 rows × (256 + 4 × 240))
        Assert.Equal(4_432_000, OutputSpace.Estimate(inputBytes: 1_000_000, rows: 1_000, summaryMaxChars: 240));
    }

    [Fact]
    public void Enough_space_is_no_shortfall_and_too_little_says_how_much_there_is_and_is_needed()
    {
        Assert.Null(OutputSpace.Shortfall("/data/out.csv", needed: 1000, available: 1000, reserve: 0));
        Assert.Equal(
            "not enough free space for the output '/data/out.csv': its volume has 1.5 MiB (1,572,864 bytes) free, and the job needs " +
            "about 2 MiB (2,097,152 bytes), plus 1 KiB (1,024 bytes) kept free; free some space or write the output to another volume",
            OutputSpace.Shortfall("/data/out.csv", needed: 2 << 20, available: 3 << 19, reserve: 1024));
        Assert.NotNull(OutputSpace.Shortfall("/data/out.csv", needed: 1000, available: 1500, reserve: 501));
    }

    [Fact]
    public void The_free_space_is_that_of_the_nearest_folder_that_exists()
    {
        var available = OutputSpace.Available(_temp.File(Path.Combine("not", "yet", "there", "out.csv")));

        Assert.True(available > 0);
        Assert.False(Directory.Exists(_temp.File("not")), "looking does not create the folder");
    }
}
