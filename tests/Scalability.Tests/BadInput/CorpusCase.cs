using System.Text.Json;

namespace Scalability.Tests.BadInput;

/// <summary>
/// One input of the bad-input corpus and what <c>scale run</c> must do with it: refuse it (exit 2, an error naming
/// the file and what is wrong) or process it (exit 0) with exact counts, rejects and output values.
/// </summary>
/// <param name="File">The input: a file of <c>corpus/</c>, or of the scratch folder for a generated case.</param>
/// <param name="Error">For exit 2: text of the error output, with <c>{input}</c> for the input's full path.</param>
/// <param name="Output">For exit 0: output columns and their values, row by row.</param>
public sealed record CorpusCase(
    string Name,
    string File,
    string[] Args,
    int Exit,
    string? Error = null,
    long Rows = 0,
    long Ok = 0,
    long Failed = 0,
    long Rejected = 0,
    ExpectedReject[]? Rejects = null,
    Dictionary<string, string[]>? Output = null,
    string? Note = null)
{
    public override string ToString() => Name;
}

/// <param name="Reason">How the reason starts.</param>
/// <param name="Raw">The raw text, exactly; null to leave it unchecked.</param>
/// <param name="RawEnd">How the raw text ends (for records cut to their start); null to leave it unchecked.</param>
public sealed record ExpectedReject(long Line, string Reason, string? Raw = null, string? RawEnd = null);

/// <summary>The committed part of the corpus: <c>corpus/expected.json</c> beside the files it describes.</summary>
public static class CorpusManifest
{
    public static string Folder { get; } =
        Path.Combine(Support.TestPaths.RepositoryRoot, "tests", "Scalability.Tests", "BadInput", "corpus");

    public static IReadOnlyList<CorpusCase> Cases { get; } = Load();

    private static List<CorpusCase> Load()
    {
        using var file = System.IO.File.OpenRead(Path.Combine(Folder, "expected.json"));
        var document = JsonSerializer.Deserialize<Manifest>(file, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("corpus/expected.json is empty");
        return document.Cases;
    }

    private sealed record Manifest(List<CorpusCase> Cases);
}
