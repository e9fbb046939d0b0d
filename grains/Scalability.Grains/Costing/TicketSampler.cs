using Scalability.GrainInterfaces.Costing;
using Scalability.Grains.Ingest;

namespace Scalability.Grains.Costing;

/// <summary>A deterministic sample of an input's tickets, and the dataset's shape, read with the job's own CSV ingest.</summary>
public sealed record TicketSample(DatasetShape Dataset, string[] Texts)
{
    /// <summary>
    /// Reads every ticket once (as a job would: the planning scan, the column mapping, the chunk reader) and keeps an
    /// evenly spaced sample: the middle ticket of each of <paramref name="sampleSize"/> equal stretches of the input, so
    /// that the same input always gives the same sample and every part of it is represented.
    /// </summary>
    /// <exception cref="InputException">The input cannot be read or mapped; the message names the file and what is wrong.</exception>
    public static TicketSample Read(
        string path, string? idColumn, IReadOnlyList<string>? textColumns, int sampleSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        var manifest = ManifestScanner.Scan(path, ChunkSizing.Auto, cancellationToken);
        var mapping = ColumnMapper.Map(path, ColumnSample.Read(path), idColumn, textColumns, keepColumns: null);
        var rows = manifest.RowCount;
        var step = Math.Max(1, rows / sampleSize);
        var texts = new List<string>();
        long index = 0;
        long chars = 0;
        foreach (var chunk in manifest.Chunks)
        {
            foreach (var item in TicketInputs.Read(manifest, chunk, mapping, cancellationToken))
            {
                if (item is not TicketInput input)
                {
                    continue;
                }

                var text = input.Ticket.Text;
                chars += text.Length;
                if (index % step == step / 2 && texts.Count < sampleSize)
                {
                    texts.Add(text);
                }

                index++;
            }
        }

        return new TicketSample(new DatasetShape(rows, manifest.ByteSize, index == 0 ? 0 : (double)chars / index), [.. texts]);
    }

    /// <summary>
    /// A sample of the synthetic generator's tickets, standing for a dataset of <paramref name="rows"/> that is not at
    /// hand (<c>scale optimize --tickets N</c>): the same kind of text as the generator writes for scale runs.
    /// </summary>
    public static TicketSample Synthetic(long rows, int sampleSize, int seed = 1)
    {
        var path = Path.Combine(Path.GetTempPath(), $"scale-sample-{Guid.NewGuid():N}.csv");
        try
        {
            using (var file = File.Create(path))
            {
                SyntheticTicketGenerator.Write(file, sampleSize, seed);
            }

            var sample = Read(path, null, null, sampleSize);
            var bytesPerRow = sample.Dataset.BytesPerRow;
            return sample with { Dataset = new DatasetShape(rows, (long)Math.Round(bytesPerRow * rows), sample.Dataset.AverageTicketChars) };
        }
        finally
        {
            File.Delete(path);
        }
    }
}
