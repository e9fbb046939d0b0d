using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Scalability.Tests.Support;

/// <summary>
/// Reads a job's durable state straight from the grain-state table, as a silo would find it after a restart: the
/// evidence of what was committed when the processes stopped.
/// </summary>
public static class StoredJobState
{
    /// <summary>The committed chunks in an embedded run's SQLite state file (empty while it has no schema yet).</summary>
    public static async Task<IReadOnlySet<int>> CommittedChunksAsync(string sqliteFile, string jobId)
    {
        if (!File.Exists(sqliteFile))
        {
            return new HashSet<int>();
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = sqliteFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        try
        {
            return await CommittedChunksAsync(connection, jobId);
        }
        catch (SqliteException)
        {
            return new HashSet<int>(); // The schema is still being created.
        }
    }

    /// <summary>The indices of the chunks the stored chunk table holds as committed (empty when nothing is stored).</summary>
    public static async Task<IReadOnlySet<int>> CommittedChunksAsync(DbConnection connection, string jobId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = 'job' AND GrainIdExtensionString = @JobId";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "JobId";
        parameter.Value = jobId;
        command.Parameters.Add(parameter);
        if (await command.ExecuteScalarAsync() is not byte[] payload)
        {
            return new HashSet<int>();
        }

        var chunks = Property(JsonDocument.Parse(payload).RootElement, "Chunks");
        return chunks.EnumerateArray()
            .Where(chunk => IsCommitted(Property(chunk, "State")))
            .Select(chunk => Property(chunk, "Index").GetInt32())
            .ToHashSet();
    }

    private static bool IsCommitted(JsonElement state) =>
        state.ValueKind == JsonValueKind.Number ? state.GetInt32() == 2 : string.Equals(state.GetString(), "Committed", StringComparison.OrdinalIgnoreCase);

    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
