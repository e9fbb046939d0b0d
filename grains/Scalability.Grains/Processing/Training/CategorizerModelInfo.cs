using System.Text.Json.Serialization;

namespace Scalability.Grains.Processing.Training;

/// <summary>
/// What a model file says about itself, beside the ML.NET model: what it was trained on, how, and how well it scored
/// on the held-out examples. Stored as JSON so that it can be read without ML.NET.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>: marks the file as ours.</param>
/// <param name="Version">The layout of the file; a reader refuses versions newer than it knows.</param>
/// <param name="LabelColumn">The column the categories came from.</param>
/// <param name="TextColumns">The columns the text came from, joined as a job joins them: a job should read the same.</param>
/// <param name="Categories">Every category the model can predict, in ordinal order.</param>
/// <param name="FallbackCategory">The category of a blank text (the most frequent training category).</param>
public sealed record CategorizerModelInfo(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("labelColumn")] string LabelColumn,
    [property: JsonPropertyName("textColumns")] IReadOnlyList<string> TextColumns,
    [property: JsonPropertyName("categories")] IReadOnlyList<string> Categories,
    [property: JsonPropertyName("fallbackCategory")] string FallbackCategory,
    [property: JsonPropertyName("trainer")] string Trainer,
    [property: JsonPropertyName("trainRows")] int TrainRows,
    [property: JsonPropertyName("heldOutRows")] int HeldOutRows,
    [property: JsonPropertyName("testFraction")] double TestFraction,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("heldOutAccuracy")] double HeldOutAccuracy,
    [property: JsonPropertyName("heldOutMacroF1")] double HeldOutMacroF1)
{
    public const string FormatName = "scale-categorizer";
    public const int CurrentVersion = 1;
}
