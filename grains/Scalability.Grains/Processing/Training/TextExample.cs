using Microsoft.ML.Data;

namespace Scalability.Grains.Processing.Training;

/// <summary>The rows an ML.NET categorizer reads: a text and, when training, its category.</summary>
internal sealed class TextExample
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = "";
}

/// <summary>What an ML.NET categorizer writes: the chosen category and the probability of every category.</summary>
internal sealed class TextPrediction
{
    [ColumnName(CategorizerTrainer.PredictedLabelColumn)]
    public string PredictedLabel { get; set; } = "";

    [ColumnName(CategorizerTrainer.ScoreColumn)]
    public float[] Score { get; set; } = [];
}
