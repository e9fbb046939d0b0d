namespace Scalability.Silo.Security;

/// <summary>
/// A token or password held in memory. It prints as a placeholder, so a settings record that holds one never shows it
/// in a log line or a message.
/// </summary>
public sealed class SecretText
{
    public SecretText(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
    }

    public string Value { get; }

    public override string ToString() => "(secret)";

    /// <summary>
    /// The secret in a file, trimmed of surrounding white space (files made with <c>echo</c> end in a newline).
    /// </summary>
    /// <exception cref="ArgumentException">The file is missing, unreadable or empty; the message names the option and the file.</exception>
    public static SecretText FromFile(string path, string optionName)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{optionName}: cannot read '{path}': {e.Message}");
        }

        return text.Length > 0 ? new SecretText(text) : throw new ArgumentException($"{optionName}: '{path}' is empty");
    }
}
