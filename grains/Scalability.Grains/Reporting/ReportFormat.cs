using System.Globalization;

namespace Scalability.Grains.Reporting;

/// <summary>How the report's HTML writes figures: invariant culture, units spelt out.</summary>
public static class ReportFormat
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Usd(decimal value) => "$" + value.ToString(value != 0 && Math.Abs(value) < 1 ? "0.0000" : "N2", CultureInfo.InvariantCulture);

    public static string Percent(double? value) =>
        value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A duration for people: 850 ms, 12.3 s, 4 min 05 s, 2 h 07 min.</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:0} ms"),
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)(seconds / 60)} min {(int)seconds % 60:00} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)(seconds / 3600)} h {(int)(seconds % 3600 / 60):00} min"),
    };

    public static string Status(JobStatus status) => status.ToString().ToLowerInvariant();
}
