using Scalability.TestPlugins;

namespace Scalability.Tests.Support;

/// <summary>
/// What the counting plug-in wrote: one line per processed ticket (job, chunk, attempt, record number), in one file per
/// silo process. A process killed mid-line leaves a partial last line, which is not counted.
/// </summary>
public sealed class ProcessingJournal(string folder)
{
    public string Folder { get; } = folder;

    public IReadOnlyDictionary<string, string> Environment(TimeSpan pausePerBatch) => new Dictionary<string, string>
    {
        [CountingProcessorFactory.JournalVariable] = Folder,
        [CountingProcessorFactory.PauseVariable] = ((int)pausePerBatch.TotalMilliseconds).ToString(),
    };

    public sealed record Entry(string Process, string JobId, int Chunk, int Attempt, long Record);

    public IReadOnlyList<Entry> Read(string jobId)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var entries = new List<Entry>();
        foreach (var file in Directory.GetFiles(Folder, "journal-*.tsv"))
        {
            var process = Path.GetFileNameWithoutExtension(file);
            foreach (var line in File.ReadAllText(file).Split('\n'))
            {
                var fields = line.Split('\t');
                if (fields.Length == 4 && fields[0] == jobId && long.TryParse(fields[3], out var record))
                {
                    entries.Add(new Entry(process, fields[0], int.Parse(fields[1]), int.Parse(fields[2]), record));
                }
            }
        }

        return entries;
    }
}
