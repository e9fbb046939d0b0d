using System.Globalization;

namespace Scalability.Grains.Ingest;

/// <summary>Byte counts as messages state them: in the largest binary unit that divides them, and exactly.</summary>
public static class ByteSizes
{
    public static string Describe(long bytes) => bytes switch
    {
        >= 1 << 30 when bytes % (1 << 30) == 0 => Exact(bytes / (1 << 30), "GiB", bytes),
        >= 1 << 20 when bytes % (1 << 20) == 0 => Exact(bytes / (1 << 20), "MiB", bytes),
        >= 1 << 10 when bytes % (1 << 10) == 0 => Exact(bytes / (1 << 10), "KiB", bytes),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };

    private static string Exact(long units, string unit, long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{units} {unit} ({bytes:N0} bytes)");
}
