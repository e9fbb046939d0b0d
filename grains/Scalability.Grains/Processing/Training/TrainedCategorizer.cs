using System.IO.Compression;
using System.Text.Json;
using Scalability.Grains.Processing.Training.Linear;

namespace Scalability.Grains.Processing.Training;

/// <summary>
/// A categorizer learned from labeled tickets by <see cref="CategorizerTrainer"/>, saved to and loaded from one file:
/// a <see cref="LinearTextModel"/> whose confidence is calibrated on the held-out tickets. Thread-safe; a batch of
/// tickets is scored with one scratch space (<see cref="Categorize(IReadOnlyList{string}, Span{CategoryPrediction})"/>).
/// </summary>
public sealed class TrainedCategorizer : ITicketCategorizer
{
    // The model file is a zip of these two entries, so that it is one file and says what it is.
    internal const string InfoEntry = "scale-categorizer.json";
    internal const string ModelEntry = "model.linear";

    /// <summary>The entry of the format-1 files, whose model was ML.NET's.</summary>
    private const string FormatOneModelEntry = "model.mlnet";

    private static readonly JsonSerializerOptions InfoJson = new() { WriteIndented = true };

    internal TrainedCategorizer(LinearTextModel model, CategorizerModelInfo info)
    {
        if (!model.Categories.SequenceEqual(info.Categories, StringComparer.Ordinal))
        {
            throw new ArgumentException("the model's categories are not the ones its description lists");
        }

        Model = model;
        Info = info;
    }

    public CategorizerModelInfo Info { get; }

    public LinearTextModel Model { get; }

    public IReadOnlyList<string> Categories => Info.Categories;

    public string FallbackCategory => Info.FallbackCategory;

    /// <summary>
    /// The highest-scoring category and the calibrated probability that it is right (from its margin over the
    /// runner-up). A blank text gets <see cref="FallbackCategory"/> with 0.
    /// </summary>
    public CategoryPrediction Categorize(string text) =>
        string.IsNullOrWhiteSpace(text) ? new CategoryPrediction(FallbackCategory, 0) : Predict(Model.Score(text));

    /// <summary>The predictions of many texts, as <see cref="Categorize(string)"/> makes them, with one scratch space.</summary>
    public void Categorize(IReadOnlyList<string> texts, Span<CategoryPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (predictions.Length < texts.Count)
        {
            throw new ArgumentException($"room for {predictions.Length} predictions, {texts.Count} texts");
        }

        Span<(int Category, double Margin)> scores = texts.Count <= 256 ? stackalloc (int, double)[texts.Count] : new (int, double)[texts.Count];
        Model.Score(texts, scores);
        for (var i = 0; i < texts.Count; i++)
        {
            predictions[i] = string.IsNullOrWhiteSpace(texts[i]) ? new CategoryPrediction(FallbackCategory, 0) : Predict(scores[i]);
        }
    }

    private CategoryPrediction Predict((int Category, double Margin) score) =>
        new(Model.Categories[score.Category], Model.Calibration.Probability(score.Margin));

    /// <summary>
    /// Writes the model to <paramref name="path"/> (its folder is created), whole or not at all: it is written beside
    /// the target and renamed over it, so that a job loading the path never reads half a file.
    /// </summary>
    public void Save(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                using (var info = zip.CreateEntry(InfoEntry, CompressionLevel.Optimal).Open())
                {
                    JsonSerializer.Serialize(info, Info, InfoJson);
                }

                using var model = zip.CreateEntry(ModelEntry, CompressionLevel.Fastest).Open();
                LinearModelFile.Write(Model, model);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFileException">The file is missing or is not such a model; the message says which.</exception>
    public static TrainedCategorizer Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw ModelFileException.NotAModel(path, "it is a folder");
        }

        if (!File.Exists(path))
        {
            throw ModelFileException.Missing(path);
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            var info = ReadInfo(path, zip);
            var modelEntry = zip.GetEntry(ModelEntry) ?? throw ModelFileException.NotAModel(path, $"it has no {ModelEntry} entry");
            using var stream = modelEntry.Open();
            LinearTextModel model;
            try
            {
                model = LinearModelFile.Read(stream, info.Categories);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException)
            {
                throw ModelFileException.NotAModel(path, $"its {ModelEntry} cannot be read ({e.Message})", e);
            }

            return new TrainedCategorizer(model, info);
        }
        catch (InvalidDataException e)
        {
            throw ModelFileException.NotAModel(path, $"it is not a zip archive ({e.Message})", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ModelFileException(path, $"the model file '{path}' cannot be read: {e.Message}", e);
        }
    }

    private static CategorizerModelInfo ReadInfo(string path, ZipArchive zip)
    {
        var entry = zip.GetEntry(InfoEntry) ?? throw ModelFileException.NotAModel(path, $"it has no {InfoEntry} entry");
        CategorizerModelInfo? info;
        try
        {
            using var stream = entry.Open();
            info = JsonSerializer.Deserialize<CategorizerModelInfo>(stream, InfoJson);
        }
        catch (JsonException e)
        {
            throw ModelFileException.NotAModel(path, $"its {InfoEntry} is not valid JSON ({e.Message})", e);
        }

        if (info is null || info.Format != CategorizerModelInfo.FormatName || info.Categories is not { Count: > 0 } ||
            string.IsNullOrEmpty(info.FallbackCategory))
        {
            throw ModelFileException.NotAModel(path, $"its {InfoEntry} does not describe a categorizer");
        }

        if (info.Version > CategorizerModelInfo.CurrentVersion)
        {
            throw ModelFileException.NotAModel(path,
                $"it is of format version {info.Version}, and this scale reads up to version {CategorizerModelInfo.CurrentVersion}");
        }

        if (info.Version < CategorizerModelInfo.CurrentVersion || zip.GetEntry(FormatOneModelEntry) is not null)
        {
            throw ModelFileException.NotAModel(path,
                $"it is of format version {info.Version} (an ML.NET model), which this scale no longer reads: train it again with scale train " +
                $"(its description says it was trained on the columns label '{info.LabelColumn}', text {string.Join(", ", info.TextColumns.Select(c => $"'{c}'"))})");
        }

        return info;
    }
}
