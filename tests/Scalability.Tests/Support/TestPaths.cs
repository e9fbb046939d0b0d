namespace Scalability.Tests.Support;

/// <summary>Where the tests find the shared datasets and put their scratch files.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> SharedData = new(FindSharedData);

    /// <summary>A file of the shared real datasets (<c>shared/data</c> beside the repository).</summary>
    public static string Dataset(string name) => Path.Combine(SharedData.Value, name);

    public const string Kaggle = "customer-support-tickets-8469.csv";
    public const string Bitext = "bitext-support-4514.csv";
    public const string Banking77 = "banking77.csv";

    /// <summary>
    /// The data roots of the tests' silos: the scratch folders, the shared datasets and the repository (its samples).
    /// </summary>
    public static string[] DataRoots => [TempFolder.Root, SharedData.Value, RepositoryRoot];

    /// <summary>The repository's root: the folder holding Scalability.Orleans.sln.</summary>
    public static string RepositoryRoot { get; } = FindUp(AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir, "Scalability.Orleans.sln")))
        ?? throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);

    private static string FindSharedData()
    {
        var found = FindUp(RepositoryRoot, dir => Directory.Exists(Path.Combine(dir, "shared", "data")));
        return found is null
            ? throw new InvalidOperationException($"cannot find shared/data beside or above {RepositoryRoot}")
            : Path.Combine(found, "shared", "data");
    }

    private static string? FindUp(string start, Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>A scratch folder for one test, removed when the test ends.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>The folder every scratch folder is made in.</summary>
    public static string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "scale-tests");

    public TempFolder()
    {
        Path = System.IO.Path.Combine(Root, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes text as UTF-8 without a byte order mark, exactly as given (line endings included).</summary>
    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a process that is shutting down; the temp folder is cleaned by the OS.
        }
    }
}
