namespace Scalability.Grains.Processing.Training;

/// <summary>
/// A categorizer model file that cannot be used: missing, or not a model written by <c>scale train</c>. An
/// <see cref="ArgumentException"/> because it is a bad <see cref="ProcessorSpec.ModelPath"/>, refused as any bad spec is.
/// </summary>
public sealed class ModelFileException : ArgumentException
{
    public ModelFileException(string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
    }

    public string Path { get; }

    internal static ModelFileException Missing(string path) =>
        new(path, $"the model file '{path}' does not exist (scale train writes one)");

    internal static ModelFileException NotAModel(string path, string why, Exception? inner = null) =>
        new(path, $"'{path}' is not a categorizer model written by scale train: {why}", inner);
}
