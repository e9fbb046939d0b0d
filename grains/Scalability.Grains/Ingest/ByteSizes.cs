using System.Globalization;

namespace Scalability.Grains.Ingest;

/// <summary>Byte counts as messages state them: in the largest binary unit they reach, and exactly.</summary>
public static class ByteSizes
{
    private static readonly (long Size, string Unit)[] Units = [(1L << 40, "TiB"), (1L << 30, "GiB"), (1L << 20, "MiB"), (1L << 10, "KiB")];

    public static string Describe(long bytes)
    {
        foreach (var (size, unit) in Units)
        {
            if (bytes >= size)
            {
                var amount = bytes % size == 0 ? (bytes / size).ToString(CultureInfo.InvariantCulture) : (bytes / (double)size).ToString("0.0", CultureInfo.InvariantCulture);
                return string.Create(CultureInfo.InvariantCulture, $"{amount} {unit} ({bytes:N0} bytes)");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
    }
}
