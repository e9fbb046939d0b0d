using System.Text.Json;
using Scalability.GrainInterfaces;

namespace Scalability.Grains.Output;

/// <summary>Writes a finished job's summary beside its output, in the JSON that <c>scale run --json</c> prints.</summary>
public static class SummaryFile
{
    public static void Write(string path, JobSummary summary)
    {
        var temporary = PartFiles.Temporary(path);
        File.WriteAllText(temporary, JsonSerializer.Serialize(summary, ScaleJson.Options));
        File.Move(temporary, path, overwrite: true);
    }
}
