using System.Collections.Concurrent;

namespace Scalability.Grains.Processing.Training;

/// <summary>
/// The models loaded in this process, by file: a job creates a processor per chunk, and loading a model takes far
/// longer than categorizing a chunk. An entry is keyed on the full path and the file's last write time, so that a
/// model trained again to the same path is loaded anew; the old one is dropped then. A load that fails is not
/// kept, so that a file fixed later is read again.
/// </summary>
public static class CategorizerModelCache
{
    private static readonly ConcurrentDictionary<string, Entry> Loaded = new(StringComparer.Ordinal);

    /// <summary>The model at <paramref name="path"/>, loaded once per version of the file.</summary>
    /// <exception cref="ModelFileException">The file is missing or is not a model written by <c>scale train</c>.</exception>
    public static TrainedCategorizer Get(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var file = new FileInfo(full);
        if (!file.Exists)
        {
            Loaded.TryRemove(full, out _);
            return TrainedCategorizer.Load(full);
        }

        var written = file.LastWriteTimeUtc;
        var entry = Loaded.AddOrUpdate(full,
            static (p, w) => new Entry(w, new Lazy<TrainedCategorizer>(() => TrainedCategorizer.Load(p))),
            static (p, existing, w) => existing.Written == w ? existing : new Entry(w, new Lazy<TrainedCategorizer>(() => TrainedCategorizer.Load(p))),
            written);
        try
        {
            return entry.Model.Value;
        }
        catch (ModelFileException)
        {
            Loaded.TryRemove(new KeyValuePair<string, Entry>(full, entry));
            throw;
        }
    }

    /// <summary>How many models are held: for tests.</summary>
    internal static int Count => Loaded.Count;

    private sealed record Entry(DateTime Written, Lazy<TrainedCategorizer> Model);
}
