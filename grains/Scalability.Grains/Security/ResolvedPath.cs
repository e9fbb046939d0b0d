namespace Scalability.Grains.Security;

/// <summary>
/// Where a path really leads: made absolute and normalised (<see cref="Path.GetFullPath(string)"/>, as .NET does before
/// it opens a file), then every symbolic link among its existing components followed, the way the operating system
/// follows them (a link's target may itself hold links and <c>..</c>, which are taken from the link's folder).
/// Components that do not exist yet are kept as written.
/// </summary>
public static class ResolvedPath
{
    /// <summary>The limit of links followed for one path, as the operating system has one (and for loops).</summary>
    public const int MaxLinks = 40;

    /// <exception cref="IOException">The path goes through more than <see cref="MaxLinks"/> links (a loop).</exception>
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var links = 0;
        return Walk(full, ref links);
    }

    private static string Walk(string absolute, ref int links)
    {
        var current = Path.GetPathRoot(absolute) ?? throw new ArgumentException($"'{absolute}' has no root");
        var missing = false;
        foreach (var part in absolute[current.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            if (!missing)
            {
                var info = new FileInfo(next);
                if (info.LinkTarget is { } target)
                {
                    if (++links > MaxLinks)
                    {
                        throw new IOException($"'{absolute}' goes through more than {MaxLinks} symbolic links (a loop?)");
                    }

                    // A relative target is relative to the folder holding the link, resolved as the kernel does.
                    next = Walk(Path.IsPathRooted(target) ? target : Path.Join(current, target), ref links);
                }
                else if (!info.Exists && !Directory.Exists(next))
                {
                    missing = true;
                }
            }

            current = next;
        }

        return current;
    }

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];
}
