namespace Scalability.Benchmarks;

/// <summary>How this executable was built: figures from a Debug build mean nothing, so they say which they are.</summary>
internal static class BuildInfo
{
    // Not a constant: the parent compares it, and a constant comparison would be compiled away as unreachable.
#if DEBUG
    public static readonly string Configuration = "Debug";
#else
    public static readonly string Configuration = "Release";
#endif

    public static bool IsRelease => Configuration == "Release";
}
