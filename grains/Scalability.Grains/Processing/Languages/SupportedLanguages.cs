namespace Scalability.Grains.Processing.Languages;

/// <summary>
/// The languages whose vocabulary the local processor holds (categories, stop words, boilerplate), by ISO 639-1
/// code. Each has a folder of its own beside this file, <c>Languages/&lt;code&gt;/</c>, with its resources as data.
/// </summary>
public static class SupportedLanguages
{
    /// <summary>The code for a text whose language could not be told (ISO 639-2's "undetermined").</summary>
    public const string Undetermined = "und";

    public static IReadOnlyList<string> Codes { get; } = ["en", "de", "fr", "es", "pt", "it", "nl"];

    public static bool IsSupported(string code) => Codes.Contains(code, StringComparer.Ordinal);
}
