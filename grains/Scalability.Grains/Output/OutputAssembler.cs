using CsvHelper;

namespace Scalability.Grains.Output;

/// <summary>
/// Joins committed part files, in chunk order, into one file under a header. Parts hold whole CSV records, so
/// joining is a byte copy; the result is written to a temporary name and renamed, so a half-written output is never
/// mistaken for a finished one.
/// </summary>
public static class OutputAssembler
{
    /// <returns>The bytes written.</returns>
    public static long Assemble(string outputPath, IReadOnlyList<string> header, IEnumerable<string> partsInOrder, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = PartFiles.Temporary(outputPath);
        long bytes;
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.SequentialScan))
        {
            using (var writer = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true))
            {
                writer.WriteHeader(header.ToArray());
            }

            foreach (var part in partsInOrder)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var input = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
                input.CopyTo(output, 1 << 20);
            }

            output.Flush();
            bytes = output.Length;
        }

        File.Move(temporary, outputPath, overwrite: true);
        return bytes;
    }
}
