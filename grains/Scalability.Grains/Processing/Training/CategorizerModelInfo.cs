using System.Text.Json.Serialization;

namespace Scalability.Grains.Processing.Training;

/// <summary>
/// What a model file says about itself, beside the model's numbers: what it was trained on, how, and how well it
/// scored on the held-out examples. Stored as JSON so that it can be read without loading the model.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>: marks the file as ours.</param>
/// <param name="Version">The layout of the file; a reader refuses versions newer than it knows.</param>
/// <param name="LabelColumn">The column the categories came from.</param>
/// <param name="TextColumns">The columns the text came from, joined as a job joins them: a job should read the same.</param>
/// <param name="Categories">Every category the model can predict, in ordinal order.</param>
/// <param name="FallbackCategory">The category of a blank text (the most frequent training category).</param>
/// <param name="Features">The terms (words and word pairs) the model knows.</param>
/// <param name="HeldOutCalibrationError">The expected calibration error of the confidence on the held-out examples,
/// each half scored by a calibration fitted on the other half.</param>
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
    [property: JsonPropertyName("heldOutMacroF1")] double HeldOutMacroF1,
    [property: JsonPropertyName("features")] int Features = 0,
    [property: JsonPropertyName("heldOutCalibrationError")] double HeldOutCalibrationError = 0)
{
    public const string FormatName = "scale-categorizer";

    /// <summary>2: a linear model of our own (<c>model.linear</c>); 1 was an ML.NET model, no longer read.</summary>
    public const int CurrentVersion = 2;
}
