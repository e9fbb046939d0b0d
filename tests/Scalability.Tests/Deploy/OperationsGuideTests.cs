using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text.RegularExpressions;
using Scalability.Grains.Processing;
using Scalability.Grains.Telemetry;

namespace Scalability.Tests.Deploy;

/// <summary>docs/operations.md names metrics and commands that operators copy into alerts and shells: they must exist.</summary>
public sealed partial class OperationsGuideTests
{
    private static readonly string Guide = File.ReadAllText(DeployFiles.Path("docs/operations.md"));

    [Fact]
    public void Every_metric_the_guide_names_is_one_the_silos_export()
    {
        var exported = PrometheusNames(typeof(ScalabilityTelemetry)).Concat(PrometheusNames(typeof(ProcessingMetrics))).ToHashSet();

        var named = MetricName().Matches(Guide).Select(m => m.Value).Distinct().ToArray();

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.True(exported.Contains(name), $"docs/operations.md names {name}, which no instrument exports"));
        // The alerts cover the product's own failure signals.
        foreach (var name in new[] { "scalability_chunks_committed_total", "scalability_chunks_requeued_total", "scalability_llm_rate_limited_total", "scalability_workers_in_use" })
        {
            Assert.Contains(name, named);
        }
    }

    [Fact]
    public void The_scale_commands_in_the_guide_parse()
    {
        var commands = ScaleCommand().Matches(Guide.Replace("\\\n", " ", StringComparison.Ordinal))
            .Select(m => m.Groups["args"].Value.Trim())
            .Where(args => !args.Contains('<', StringComparison.Ordinal) && !args.Contains('…', StringComparison.Ordinal))
            .ToArray();

        Assert.True(commands.Length >= 2, $"the guide shows only {commands.Length} scale command lines to check");
        foreach (var args in commands)
        {
            DeployFiles.ParseScale(Words(args), "docs/operations.md");
        }
    }

    /// <summary>The Prometheus names of a class's instruments: dots to underscores, the unit, and _total for counters.</summary>
    private static IEnumerable<string> PrometheusNames(Type holder)
    {
        foreach (var field in holder.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => typeof(Instrument).IsAssignableFrom(f.FieldType)))
        {
            var instrument = (Instrument)field.GetValue(null)!;
            var unit = instrument.Unit switch
            {
                "s" => "_seconds",
                null or "" => "",
                var u when u.StartsWith('{') => "",
                var u => "_" + u,
            };
            var name = instrument.Name.Replace('.', '_') + unit;
            var generic = instrument.GetType().GetGenericTypeDefinition();
            if (generic == typeof(Counter<>))
            {
                yield return name + "_total";
            }
            else if (generic == typeof(Histogram<>))
            {
                yield return name;
                yield return name + "_bucket";
                yield return name + "_sum";
                yield return name + "_count";
            }
            else
            {
                yield return name;
            }
        }
    }

    /// <summary>Splits a shell command line into words, honouring double and single quotes.</summary>
    private static string[] Words(string line) =>
        ShellWord().Matches(line).Select(m => m.Groups["double"].Success ? m.Groups["double"].Value : m.Groups["single"].Success ? m.Groups["single"].Value : m.Value).ToArray();

    [GeneratedRegex(@"\bscalability_[a-z_]+[a-z]")]
    private static partial Regex MetricName();

    // `scale …` and `dotnet …/scale.dll …` command lines in the code blocks (not the names of commands in the text), up
    // to a shell operator outside double quotes (which hold connection strings) or the end of the line.
    [GeneratedRegex(@"(?m)(?:^|run --rm |\$ |exec \S+ -- )(?:dotnet \S*scale\.dll|scale) (?<args>(?:""[^""\n]*""|[^\n|&;#`'""])+)")]
    private static partial Regex ScaleCommand();

    [GeneratedRegex("\"(?<double>[^\"]*)\"|'(?<single>[^']*)'|\\S+")]
    private static partial Regex ShellWord();
}
