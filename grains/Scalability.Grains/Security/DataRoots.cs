using Microsoft.Extensions.Options;
using Scalability.Grains.Output;

namespace Scalability.Grains.Security;

/// <summary>
/// Confines a silo's file access to its data roots. A path is allowed when, resolved (<see cref="ResolvedPath"/>), it
/// is a root or lies under one, itself resolved: <c>..</c> and symbolic links leading out are refused, and a root
/// <c>/data</c> does not admit <c>/data-evil</c>. Every silo checks the paths it plans, reads or writes itself, with
/// its own roots, just before it uses them.
/// </summary>
public sealed class DataRoots
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly string[] _given;
    private readonly string[] _resolved;
    private readonly bool _anyPath;

    public DataRoots(IOptions<DataRootOptions> options)
        : this(options.Value.Roots, options.Value.AnyPath)
    {
    }

    public DataRoots(IEnumerable<string> roots, bool anyPath = false)
    {
        _given = roots.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToArray();
        _resolved = _given.Select(ResolvedPath.Of).ToArray();
        _anyPath = anyPath;
    }

    /// <summary>Every path allowed.</summary>
    public static DataRoots Anywhere { get; } = new([], anyPath: true);

    /// <summary>The roots as configured, for messages.</summary>
    public IReadOnlyList<string> Roots => _given;

    public bool AllowsAnyPath => _anyPath;

    /// <summary>Null when <paramref name="path"/> is inside a root; otherwise why not, naming the path and the roots.</summary>
    /// <param name="role">What the path is to the job, e.g. "the input".</param>
    public string? Refusal(string path, string role)
    {
        if (_anyPath)
        {
            return null;
        }

        if (_resolved.Length == 0)
        {
            return $"{role} '{path}' is refused: this silo has no data roots, so it reads and writes no job files " +
                   $"(start it with --data-root <folder>, or set {DataRootOptions.Variable})";
        }

        string resolved;
        try
        {
            resolved = ResolvedPath.Of(path);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or NotSupportedException)
        {
            return $"{role} '{path}' cannot be resolved ({e.Message}); this silo's data roots are {string.Join(", ", _given)}";
        }

        if (_resolved.Any(root => Inside(resolved, root)))
        {
            return null;
        }

        var via = string.Equals(resolved, path, StringComparison.Ordinal) ? "" : $" (it leads to '{resolved}')";
        return $"{role} '{path}'{via} is outside this silo's data roots: {string.Join(", ", _given)}";
    }

    /// <exception cref="ArgumentException">The path is outside every root (bad input, as a client sees it).</exception>
    public void Check(string path, string role)
    {
        if (Refusal(path, role) is { } refusal)
        {
            throw new ArgumentException(refusal);
        }
    }

    /// <summary>The paths a job reads and writes outside its chunks: the input, the output and the files beside it.</summary>
    public void CheckJob(string inputPath, string outputPath)
    {
        Check(inputPath, "the input");
        Check(outputPath, "the output");
        Check(PartFiles.Temporary(outputPath), "the output's temporary file");
        Check(PartFiles.RejectsPath(outputPath), "the rejects file");
        Check(PartFiles.Temporary(PartFiles.RejectsPath(outputPath)), "the rejects file's temporary file");
        Check(PartFiles.ReviewPath(outputPath), "the review file");
        Check(PartFiles.Temporary(PartFiles.ReviewPath(outputPath)), "the review file's temporary file");
        Check(PartFiles.SummaryPath(outputPath), "the summary file");
        Check(PartFiles.Temporary(PartFiles.SummaryPath(outputPath)), "the summary file's temporary file");
        Check(PartFiles.PartDirectory(outputPath), "the parts folder");
    }

    /// <summary>
    /// A plug-in assembly a job names (<c>--processor plugin:&lt;path&gt;</c>) is loaded and run by the silos: it must lie
    /// under a root too. Assemblies a silo is started with (<c>--plugin</c>) are its operator's and are not checked.
    /// </summary>
    public void CheckPlugin(ProcessorSpec processor)
    {
        if (processor.Kind == ProcessorSpec.PluginKind && !string.IsNullOrWhiteSpace(processor.PluginPath))
        {
            Check(processor.PluginPath, "the processor plug-in");
        }
    }

    /// <summary>The paths one attempt at a chunk reads and writes.</summary>
    public void CheckChunk(string inputPath, string partDirectory, int index, int attempt)
    {
        Check(inputPath, "the input");
        Check(partDirectory, "the parts folder");
        foreach (var file in new[]
                 {
                     PartFiles.Part(partDirectory, index, attempt), PartFiles.Rejects(partDirectory, index, attempt),
                     PartFiles.Review(partDirectory, index, attempt),
                 })
        {
            Check(file, "a part file");
            Check(PartFiles.Temporary(file), "a part file");
        }
    }

    private static bool Inside(string path, string root)
    {
        if (string.Equals(path, root, PathComparison))
        {
            return true;
        }

        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, PathComparison);
    }
}
