using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Scalability.GrainInterfaces.Jobs;

/// <summary>
/// Identifies "the same job": the same spec over the same input file, unchanged since (same size and last write).
/// Running a command again after a crash finds the unfinished job by it and resumes it instead of starting over.
/// </summary>
public static class JobFingerprint
{
    public static string Of(JobSpec spec)
    {
        var input = new FileInfo(spec.InputPath);
        var stamp = input.Exists ? $"{input.Length}:{input.LastWriteTimeUtc.Ticks}" : "missing";
        var text = JsonSerializer.Serialize(spec.Identity, ScaleJson.Options) + "\n" + stamp;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
