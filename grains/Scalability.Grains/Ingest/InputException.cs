namespace Scalability.Grains.Ingest;

/// <summary>
/// The input cannot be used as it is: the message names the file, the line when there is one, and what is wrong.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string path, string reason, long line = 0)
        : base(line > 0 ? $"{path}:{line}: {reason}" : $"{path}: {reason}")
    {
        Path = path;
        Line = line;
        Reason = reason;
    }

    public string Path { get; }

    /// <summary>1-based line, or 0 when the problem is not tied to a line.</summary>
    public long Line { get; }

    public string Reason { get; }
}
