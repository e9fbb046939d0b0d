using Scalability.Grains.Output;
using Scalability.Grains.Security;
using Scalability.Tests.Support;

namespace Scalability.Tests.Security;

/// <summary>
/// The data-root check on a real file system: a root admits what resolves inside it and nothing else, whatever
/// <c>..</c> segments, symbolic links (to files or folders, dangling or chained) or look-alike prefixes a path uses.
/// </summary>
public sealed class DataRootsTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _data;
    private readonly string _outside;
    private readonly DataRoots _roots;

    public DataRootsTests()
    {
        _data = Directory.CreateDirectory(_temp.File("data")).FullName;
        _outside = Directory.CreateDirectory(_temp.File("outside")).FullName;
        File.WriteAllText(Path.Combine(_data, "in.csv"), "id,text\n1,a\n");
        File.WriteAllText(Path.Combine(_outside, "secret.csv"), "id,text\n1,b\n");
        _roots = new DataRoots([_data]);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Paths_inside_a_root_are_allowed_existing_or_not()
    {
        Assert.Null(_roots.Refusal(Path.Combine(_data, "in.csv"), "the input"));
        Assert.Null(_roots.Refusal(Path.Combine(_data, "new", "deeper", "out.csv"), "the output"));
        Assert.Null(_roots.Refusal(_data, "the output"));
        // A detour that comes back inside is still inside.
        Assert.Null(_roots.Refusal(Path.Combine(_data, "..", "data", "in.csv"), "the input"));
    }

    [Fact]
    public void Dot_dot_segments_and_absolute_paths_outside_are_refused_naming_the_path_and_the_roots()
    {
        var escape = Path.Combine(_data, "..", "outside", "secret.csv");
        var refusal = _roots.Refusal(escape, "the input");
        Assert.Equal($"the input '{escape}' (it leads to '{Path.Combine(_outside, "secret.csv")}') is outside this silo's data roots: {_data}", refusal);

        var absolute = Path.Combine(_outside, "secret.csv");
        Assert.Equal($"the output '{absolute}' is outside this silo's data roots: {_data}", _roots.Refusal(absolute, "the output"));
    }

    [Fact]
    public void A_root_does_not_admit_a_sibling_whose_name_it_begins()
    {
        var evil = Directory.CreateDirectory(_data + "-evil").FullName;
        Assert.NotNull(_roots.Refusal(Path.Combine(evil, "in.csv"), "the input"));
        Assert.NotNull(_roots.Refusal(_data + "x", "the input"));
    }

    [Fact]
    public void Symbolic_links_leading_out_are_refused_and_links_staying_in_are_allowed()
    {
        var fileLink = Path.Combine(_data, "linked.csv");
        File.CreateSymbolicLink(fileLink, Path.Combine(_outside, "secret.csv"));
        var folderLink = Path.Combine(_data, "elsewhere");
        Directory.CreateSymbolicLink(folderLink, _outside);
        var relativeLink = Path.Combine(_data, "relative.csv");
        File.CreateSymbolicLink(relativeLink, Path.Combine("..", "outside", "secret.csv"));
        var dangling = Path.Combine(_data, "dangling.csv");
        File.CreateSymbolicLink(dangling, Path.Combine(_outside, "not-yet.csv"));
        var inward = Path.Combine(_data, "inward.csv");
        File.CreateSymbolicLink(inward, Path.Combine(_data, "in.csv"));
        // A chain: a link inside to a link inside to a folder outside.
        var hop = Path.Combine(_data, "hop");
        Directory.CreateSymbolicLink(hop, folderLink);

        Assert.Contains($"(it leads to '{Path.Combine(_outside, "secret.csv")}')", _roots.Refusal(fileLink, "the input"));
        Assert.NotNull(_roots.Refusal(Path.Combine(folderLink, "secret.csv"), "the input"));
        Assert.NotNull(_roots.Refusal(Path.Combine(folderLink, "new-output.csv"), "the output"));
        Assert.NotNull(_roots.Refusal(relativeLink, "the input"));
        Assert.NotNull(_roots.Refusal(dangling, "the output"));
        Assert.NotNull(_roots.Refusal(Path.Combine(hop, "secret.csv"), "the input"));
        Assert.Null(_roots.Refusal(inward, "the input"));
    }

    [Fact]
    public void A_link_beside_the_output_is_refused_though_the_output_itself_is_inside()
    {
        var output = Path.Combine(_data, "out.csv");
        File.CreateSymbolicLink(PartFiles.SummaryPath(output), Path.Combine(_outside, "victim.json"));

        var e = Assert.Throws<ArgumentException>(() => _roots.CheckJob(Path.Combine(_data, "in.csv"), output));
        Assert.StartsWith($"the summary file '{PartFiles.SummaryPath(output)}' (it leads to '{Path.Combine(_outside, "victim.json")}')", e.Message);
    }

    [Fact]
    public void A_part_file_planted_as_a_link_stops_the_chunk_that_would_write_through_it()
    {
        var parts = PartFiles.PartDirectory(Path.Combine(_data, "out.csv"));
        Directory.CreateDirectory(parts);
        File.CreateSymbolicLink(PartFiles.Temporary(PartFiles.Part(parts, 3, 1)), Path.Combine(_outside, "victim.csv"));

        Assert.Throws<ArgumentException>(() => _roots.CheckChunk(Path.Combine(_data, "in.csv"), parts, 3, 1));
        _roots.CheckChunk(Path.Combine(_data, "in.csv"), parts, 4, 1);
    }

    [Fact]
    public void A_plug_in_a_job_names_must_lie_under_a_root_and_other_processors_name_no_file()
    {
        var outside = new ProcessorSpec(ProcessorSpec.PluginKind, PluginPath: Path.Combine(_outside, "evil.dll"));
        var e = Assert.Throws<ArgumentException>(() => _roots.CheckPlugin(outside));
        Assert.Equal($"the processor plug-in '{Path.Combine(_outside, "evil.dll")}' is outside this silo's data roots: {_data}", e.Message);

        _roots.CheckPlugin(new ProcessorSpec(ProcessorSpec.PluginKind, PluginPath: Path.Combine(_data, "mine.dll")));
        _roots.CheckPlugin(new ProcessorSpec(ProcessorSpec.LocalKind));
    }

    [Fact]
    public void A_root_given_through_a_link_admits_what_the_link_leads_to()
    {
        var linkedRoot = Path.Combine(_temp.Path, "data-link");
        Directory.CreateSymbolicLink(linkedRoot, _data);
        var roots = new DataRoots([linkedRoot]);

        Assert.Null(roots.Refusal(Path.Combine(_data, "in.csv"), "the input"));
        Assert.Null(roots.Refusal(Path.Combine(linkedRoot, "in.csv"), "the input"));
        Assert.NotNull(roots.Refusal(Path.Combine(_outside, "secret.csv"), "the input"));
    }

    [Fact]
    public void A_link_loop_is_refused_with_its_reason()
    {
        var a = Path.Combine(_data, "a");
        var b = Path.Combine(_data, "b");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);

        Assert.Contains("symbolic links (a loop?)", _roots.Refusal(Path.Combine(a, "x.csv"), "the input"));
    }

    [Fact]
    public void No_roots_refuse_everything_and_say_how_to_give_one_while_any_path_allows_all()
    {
        var none = new DataRoots([]);
        Assert.Equal(
            $"the input '{Path.Combine(_data, "in.csv")}' is refused: this silo has no data roots, so it reads and writes no job files " +
            "(start it with --data-root <folder>, or set SCALE_DATA_ROOTS)",
            none.Refusal(Path.Combine(_data, "in.csv"), "the input"));
        Assert.Null(DataRoots.Anywhere.Refusal(Path.Combine(_outside, "secret.csv"), "the input"));
    }
}
