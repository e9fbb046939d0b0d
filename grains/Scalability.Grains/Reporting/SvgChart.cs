using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Scalability.Grains.Reporting;

/// <summary>One line of a chart: a value per timeline sample.</summary>
/// <param name="Dashed">Drawn dashed: a limit rather than a measure, so that a line on top of it leaves it visible.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, bool Dashed = false);

/// <summary>
/// A time-series line chart as inline SVG, drawn here so that a report needs no script or library: a polyline per
/// series with a vertex per sample (and a dot per sample on short timelines), a y axis from 0 to a round maximum, and
/// the elapsed time along x.
/// </summary>
public static class SvgChart
{
    public const int Width = 640;
    public const int Height = 220;
    private const int Left = 56, Right = 14, Top = 12, Bottom = 28;

    /// <summary>Dots are drawn up to this many samples; past it the lines alone keep the file small.</summary>
    public const int MaxDots = 240;

    public static void Render(StringBuilder html, string testId, string title, string unit, IReadOnlyList<DateTime> times,
        IReadOnlyList<ChartSeries> series)
    {
        var encoder = HtmlEncoder.Default;
        html.Append(CultureInfo.InvariantCulture,
            $"<figure class=\"chart\" data-testid=\"{testId}\"><figcaption>{encoder.Encode(title)} <span class=\"unit\">({encoder.Encode(unit)})</span></figcaption>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{encoder.Encode(title)}\" data-points=\"{times.Count}\" data-series=\"{series.Count}\">\n");
        var max = NiceMax(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var (plotWidth, plotHeight) = (Width - Left - Right, Height - Top - Bottom);
        for (var i = 0; i <= 2; i++)
        {
            var value = max * i / 2;
            var y = Top + plotHeight - plotHeight * i / 2.0;
            html.Append(CultureInfo.InvariantCulture,
                $"<line class=\"grid\" x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\"/><text class=\"axis\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Compact(value)}</text>\n");
        }

        var span = times.Count > 1 ? (times[^1] - times[0]).TotalSeconds : 0;
        html.Append(CultureInfo.InvariantCulture,
            $"<text class=\"axis\" x=\"{Left}\" y=\"{Height - 8}\">0:00</text><text class=\"axis\" x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\">{Elapsed(span)}</text>\n");
        if (times.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"empty\" x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">no samples yet</text>\n");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var points = new StringBuilder();
            var dots = new StringBuilder();
            for (var i = 0; i < times.Count; i++)
            {
                var x = Left + (span > 0 ? plotWidth * (times[i] - times[0]).TotalSeconds / span : 0);
                var y = Top + plotHeight - plotHeight * Math.Clamp(series[s].Values[i] / max, 0, 1);
                points.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? " " : "")}{x:0.#},{y:0.#}");
                if (times.Count <= MaxDots)
                {
                    dots.Append(CultureInfo.InvariantCulture, $"<circle class=\"pt s{s % 8}\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"2.5\"/>");
                }
            }

            html.Append(CultureInfo.InvariantCulture,
                $"<polyline class=\"line s{s % 8}{(series[s].Dashed ? " dashed" : "")}\" data-series=\"{encoder.Encode(series[s].Name)}\" points=\"{points}\"/>{dots}\n");
        }

        html.Append("</svg>\n<ul class=\"legend\">");
        for (var s = 0; s < series.Count; s++)
        {
            var last = series[s].Values.Count > 0 ? series[s].Values[^1] : 0;
            html.Append(CultureInfo.InvariantCulture,
                $"<li><span class=\"swatch s{s % 8}\"></span>{encoder.Encode(series[s].Name)}: {Compact(last)}</li>");
        }

        html.Append("</ul></figure>\n");
    }

    /// <summary>The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least <paramref name="max"/>.</summary>
    public static double NiceMax(double max)
    {
        if (!(max > 0) || double.IsInfinity(max))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * power >= max)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    /// <summary>A figure for an axis or a legend: 1.2k, 3.5M, 0.042.</summary>
    public static string Compact(double value) => Math.Abs(value) switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("0.##", CultureInfo.InvariantCulture),
        0 => "0",
        _ => value.ToString("0.####", CultureInfo.InvariantCulture),
    };

    /// <summary>Elapsed time as m:ss, or h:mm:ss past an hour.</summary>
    public static string Elapsed(double seconds)
    {
        var time = TimeSpan.FromSeconds(Math.Round(Math.Max(0, seconds)));
        return time.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes}:{time.Seconds:00}");
    }
}
