using System.Text.Json;

namespace Scalability.Benchmarks.Quality;

/// <summary>
/// The quality benchmark (<c>--mode quality</c>): how good the local processor's output is, measured like its speed,
/// against named baselines on the real data sets and labelled fixtures. Each kind of output is a section of its own;
/// all run in this one process, in the order of <see cref="Sections"/>, unless <c>--sections</c> picks some.
/// </summary>
internal static class QualityBenchmark
{
    /// <summary>Every section the mode knows; a new one is added here.</summary>
    public static readonly IReadOnlyList<IQualitySection> Sections = [new SummaryQuality(), new LanguageQuality(), new CategoryQuality()];

    public static Task<int> RunAsync(BenchmarkOptions options)
    {
        var log = Console.Error;
        if (!BuildInfo.IsRelease)
        {
            log.WriteLine($"warning: this is a {BuildInfo.Configuration} build; its speed figures say nothing about the product (use -c Release)");
        }

        var quality = options.Quality ?? new QualityRunOptions([], []);
        var unknown = quality.Sections.Where(s => Sections.All(known => known.Name != s)).ToArray();
        if (unknown.Length > 0)
        {
            throw new BenchmarkFailedException(
                $"--sections: no section '{string.Join("', '", unknown)}' (there are: {string.Join(", ", Sections.Select(s => s.Name))})");
        }

        var inputs = QualityInputs.Locate(options);
        var chosen = quality.Sections.Count == 0 ? Sections : Sections.Where(s => quality.Sections.Contains(s.Name)).ToArray();
        var results = chosen.Select(section => (section.Name, Result: section.Run(inputs, log))).ToArray();
        var machine = MachineInfo.Describe();
        if (options.Json)
        {
            using var stream = Console.OpenStandardOutput();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("machine");
                JsonSerializer.Serialize(writer, machine, BenchmarkJson.Default.MachineInfo);
                writer.WriteStartObject("sections");
                foreach (var (name, result) in results)
                {
                    writer.WritePropertyName(name);
                    result.WriteJson(writer);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
            return Task.FromResult(0);
        }

        var output = Console.Out;
        output.WriteLine($"{machine.Cores} cores, {machine.MemoryGiB} GiB, {machine.Cpu}, {machine.Runtime} (SDK {machine.DotnetSdk ?? "?"}), {machine.Configuration}");
        foreach (var (_, result) in results)
        {
            output.WriteLine();
            result.Print(output);
        }

        return Task.FromResult(0);
    }
}
