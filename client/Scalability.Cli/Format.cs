using System.Globalization;

namespace Scalability.Cli;

/// <summary>Numbers as people read them.</summary>
internal static class Format
{
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0 KB", CultureInfo.InvariantCulture),
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0 MB", CultureInfo.InvariantCulture),
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.00 GB", CultureInfo.InvariantCulture),
    };

    public static string Minutes(double minutes) => minutes < 60
        ? $"{minutes:0} min"
        : (minutes / 60).ToString("0.0 h", CultureInfo.InvariantCulture);

    public static string Duration(double seconds) => seconds switch
    {
        < 60 => seconds.ToString("0.0 s", CultureInfo.InvariantCulture),
        < 3600 => TimeSpan.FromSeconds(seconds).ToString(@"m\:ss", CultureInfo.InvariantCulture),
        _ => TimeSpan.FromSeconds(seconds).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture),
    };
}
