using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Scalability.GrainInterfaces;
using Scalability.GrainInterfaces.Datasets;
using Scalability.Grains.Costing;
using Scalability.Grains.Ingest;

namespace Scalability.Cli.Commands;

/// <summary><c>scale analyze</c>: what a dataset holds and what running it takes, before running it.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var csv = CommonOptions.Csv();
        var json = CommonOptions.Json();
        var chunkSize = CommonOptions.ChunkSize();
        var idColumn = CommonOptions.IdColumn();
        var textColumns = CommonOptions.Columns("--text-columns", "The columns to read as ticket text (detected when left out).");
        var command = new Command("analyze", "Count rows and columns, detect the id and text columns, and recommend a resource profile.")
        {
            csv, json, chunkSize, idColumn, textColumns,
        };
        command.SetAction((parse, cancellationToken) => Task.Run(() => Run(
            Path.GetFullPath(parse.GetValue(csv)!),
            parse.GetValue(chunkSize),
            parse.GetValue(idColumn),
            CommonOptions.SplitColumns(parse.GetValue(textColumns)),
            parse.GetValue(json),
            cancellationToken), cancellationToken));
        return command;
    }

    private static int Run(string path, int? chunkSize, string? idColumn, string[]? textColumns, bool json, CancellationToken cancellationToken)
    {
        if (CommonOptions.CheckChunkSize(chunkSize) is { } usage)
        {
            Console.Error.WriteLine($"error: {usage}");
            return ExitCodes.BadInput;
        }

        DatasetAnalysis analysis;
        try
        {
            analysis = DatasetAnalyzer.Analyze(path, chunkSize ?? ChunkSizing.Auto, idColumn, textColumns, ResourceProfiles.Default, cancellationToken);
        }
        catch (InputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(analysis, ScaleJson.Options));
            return ExitCodes.Success;
        }

        var profile = analysis.Profile;
        var range = profile.MaxRows is null ? $"{profile.MinRows:N0}+ rows" : $"{profile.MinRows:N0}–{profile.MaxRows:N0} rows";
        var text = string.Join(Environment.NewLine,
            analysis.Path,
            $"  rows         {analysis.Rows:N0}",
            $"  size         {Format.Bytes(analysis.Bytes)}",
            $"  columns      {analysis.Columns.Length}: {string.Join(", ", analysis.Columns)}",
            $"  id column    {analysis.IdColumn ?? "(none: rows are numbered)"}",
            $"  text columns {string.Join(", ", analysis.TextColumns)}",
            $"  chunks       {analysis.Chunks:N0} of up to {analysis.ChunkSize:N0} rows",
            $"  profile      {profile.Name} ({range}): {profile.Workers} workers × {profile.MemoryMbPerWorker} MB, " +
            $"${profile.CostPerTicketUsd.ToString("0.000", CultureInfo.InvariantCulture)}/ticket, ~{Format.Minutes(profile.EstimatedDurationMinutes)}",
            $"  est. cost    ${analysis.EstimatedCostUsd.ToString("N2", CultureInfo.InvariantCulture)}");
        Console.Out.WriteLine(text);
        return ExitCodes.Success;
    }
}
