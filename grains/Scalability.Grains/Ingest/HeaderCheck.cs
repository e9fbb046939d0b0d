namespace Scalability.Grains.Ingest;

/// <summary>
/// Refuses a header that cannot name the output's columns: one that is not text (a binary file, or UTF-16 without a
/// byte order mark), or that names two columns alike, so that neither the options nor a reader of the results could
/// tell them apart. One unnamed column is allowed: spreadsheet and data-frame exports often begin with an unnamed
/// index column.
/// </summary>
public static class HeaderCheck
{
    public static void Ensure(string path, string[] header)
    {
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (name.Contains('\0'))
            {
                throw new InputException(path,
                    $"the header row holds NUL (0x00) bytes (column {i + 1}): this is not a UTF-8 CSV file; it may be binary, or UTF-16 without a byte order mark", 1);
            }

            if (name.Contains('\uFFFD'))
            {
                throw new InputException(path,
                    $"the header row is not UTF-8 text (column {i + 1} has bytes that are not UTF-8): this is not a UTF-8 CSV file; it may be binary, or in another encoding (save it as UTF-8)", 1);
            }
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (seen.TryGetValue(name, out var first))
            {
                throw new InputException(path, name.Length == 0
                    ? $"the header has more than one column with no name (columns {first + 1} and {i + 1}); name them so that each column can be told apart"
                    : $"the header names two columns alike: column {first + 1} '{header[first]}' and column {i + 1} '{header[i]}'; rename one so that each column can be told apart", 1);
            }

            seen[name] = i;
        }
    }
}
