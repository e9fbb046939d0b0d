using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace Scalability.Grains.Processing.Training;

/// <summary>
/// A categorizer learned from labeled tickets by <see cref="CategorizerTrainer"/>, saved to and loaded from one file.
/// Thread-safe: ML.NET's <see cref="PredictionEngine{TSrc,TDst}"/> is not, so each call borrows an engine from a pool
/// that grows to the number of threads that categorize at once and is reused after.
/// </summary>
public sealed class TrainedCategorizer : ITicketCategorizer
{
    // The model file is a zip of these two entries, so that it is one file and says what it is.
    internal const string InfoEntry = "scale-categorizer.json";
    internal const string ModelEntry = "model.mlnet";

    private static readonly JsonSerializerOptions InfoJson = new() { WriteIndented = true };

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly ConcurrentBag<Predictor> _idle = [];

    internal TrainedCategorizer(MLContext ml, ITransformer model, DataViewSchema inputSchema, CategorizerModelInfo info)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        Info = info;
        // Made at once so that a model whose columns are not the ones we write fails when loaded, not when used.
        _idle.Add(new Predictor(_ml.Model.CreatePredictionEngine<TextExample, TextPrediction>(_model)));
    }

    public CategorizerModelInfo Info { get; }

    public IReadOnlyList<string> Categories => Info.Categories;

    public string FallbackCategory => Info.FallbackCategory;

    /// <summary>
    /// The most probable category and its probability (the maximum-entropy model's softmax output, so the
    /// confidences of all categories add up to 1). A blank text gets <see cref="FallbackCategory"/> with 0.
    /// </summary>
    public CategoryPrediction Categorize(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new CategoryPrediction(FallbackCategory, 0);
        }

        if (!_idle.TryTake(out var predictor))
        {
            predictor = new Predictor(_ml.Model.CreatePredictionEngine<TextExample, TextPrediction>(_model));
        }

        try
        {
            predictor.Input.Text = text;
            predictor.Engine.Predict(predictor.Input, ref predictor.Output);
            var scores = predictor.Output.Score;
            var best = 0f;
            foreach (var score in scores)
            {
                best = Math.Max(best, score);
            }

            return new CategoryPrediction(predictor.Output.PredictedLabel, best);
        }
        finally
        {
            _idle.Add(predictor);
        }
    }

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

                // ML.NET's model is a zip already: stored, not compressed again.
                using var model = zip.CreateEntry(ModelEntry, CompressionLevel.NoCompression).Open();
                _ml.Model.Save(_model, _inputSchema, model);
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

            // ML.NET reads its model with seeks, which a zip entry's stream does not allow.
            using var model = new MemoryStream();
            using (var entry = modelEntry.Open())
            {
                entry.CopyTo(model);
            }

            model.Position = 0;
            var ml = new MLContext(info.Seed);
            ITransformer transformer;
            DataViewSchema schema;
            try
            {
                transformer = ml.Model.Load(model, out schema);
                return new TrainedCategorizer(ml, transformer, schema, info);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or InvalidDataException
                                          or IOException && e is not ModelFileException)
            {
                throw ModelFileException.NotAModel(path, $"its ML.NET model cannot be loaded ({e.Message})", e);
            }
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

        return info;
    }

    /// <summary>An engine with its own input and output objects, reused call after call.</summary>
    private sealed class Predictor(PredictionEngine<TextExample, TextPrediction> engine)
    {
        public readonly PredictionEngine<TextExample, TextPrediction> Engine = engine;
        public readonly TextExample Input = new();
        public TextPrediction Output = new();
    }
}
