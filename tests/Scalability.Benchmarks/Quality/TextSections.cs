namespace Scalability.Benchmarks.Quality;

/// <summary>A section's result as blocks of text with the figures behind each, for the table and the JSON.</summary>
internal sealed class TextSections(IReadOnlyList<(string Title, string Text, object Figures)> blocks) : IQualityResult
{
    public void Print(TextWriter output)
    {
        foreach (var (title, text, _) in blocks)
        {
            output.WriteLine($"== {title}");
            output.Write(text);
        }
    }

    public void WriteJson(System.Text.Json.Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (title, _, figures) in blocks)
        {
            writer.WritePropertyName(title);
            System.Text.Json.JsonSerializer.Serialize(writer, figures, figures.GetType(), GrainInterfaces.ScaleJson.Options);
        }

        writer.WriteEndObject();
    }
}
