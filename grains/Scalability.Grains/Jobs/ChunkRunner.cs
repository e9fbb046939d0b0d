using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Scalability.Grains.Ingest;
using Scalability.Grains.Output;
using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Languages;
using Scalability.Grains.Quality;

namespace Scalability.Grains.Jobs;

/// <summary>
/// Does one chunk's work, apart from any grain: reads its byte range, runs the processor over its tickets in
/// batches, streams the results to a temporary part file and commits it by renaming, with the parts of the rejects
/// and of the review file beside it, and counts the chunk's quality figures. Memory is bounded by a batch, not by the
/// chunk or the dataset.
/// </summary>
public static class ChunkRunner
{
    /// <summary>Tickets handed to the processor at once, unless it prefers another size.</summary>
    public const int BatchSize = ITicketProcessor.DefaultBatchSize;

    public static async Task<ChunkReport> RunAsync(
        ChunkWorkOrder order, ITicketProcessor processor, Action<long> onRowsDone, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var (index, attempt) = (order.Assignment.Index, order.Assignment.Attempt);
        Directory.CreateDirectory(order.PartDirectory);
        var partPath = PartFiles.Part(order.PartDirectory, index, attempt);
        var rejectsPath = PartFiles.Rejects(order.PartDirectory, index, attempt);
        var reviewPath = PartFiles.Review(order.PartDirectory, index, attempt);
        var quality = new ChunkQualityCounter(order.ReviewBelow, SupportTaxonomy.OtherCategory);

        var categories = new Dictionary<string, long>(StringComparer.Ordinal);
        var failures = new Dictionary<string, long>(StringComparer.Ordinal);
        var usage = ProcessingUsage.Zero;
        long ok = 0, failed = 0, rejected = 0, records = 0;
        var batchSize = Math.Max(1, processor.PreferredBatchSize);
        var batch = new List<TicketInput>(batchSize);
        var tickets = new List<Ticket>(batchSize);
        CsvWriter? rejects = null;
        CsvWriter? review = null;
        Func<string, string> text = order.AllowFormulas ? value => value : SpreadsheetSafety.Neutralize;
        try
        {
            await using (var part = CsvWriter.ToFile(PartFiles.Temporary(partPath), new CsvWriterOptions(), FileOptions.SequentialScan))
            {
                foreach (var item in TicketInputs.Read(order.Input, order.Chunk, order.Mapping, cancellationToken))
                {
                    if (item is RejectedRecord reject)
                    {
                        rejects ??= CsvWriter.ToFile(PartFiles.Temporary(rejectsPath), new CsvWriterOptions(), FileOptions.SequentialScan);
                        WriteReject(rejects, reject, text);
                        rejected++;
                        continue;
                    }

                    batch.Add((TicketInput)item);
                    if (batch.Count == batchSize)
                    {
                        await FlushBatchAsync();
                    }
                }

                await FlushBatchAsync();

                async Task FlushBatchAsync()
                {
                    if (batch.Count == 0)
                    {
                        return;
                    }

                    tickets.Clear();
                    foreach (var input in batch)
                    {
                        tickets.Add(input.Ticket);
                    }

                    var results = await processor.ProcessAsync(tickets, cancellationToken);
                    if (results.Count != batch.Count)
                    {
                        throw new InvalidOperationException(
                            $"processor '{order.Processor.Kind}' returned {results.Count} results for {batch.Count} tickets");
                    }

                    for (var i = 0; i < batch.Count; i++)
                    {
                        var result = results[i];
                        if (result.Language is null)
                        {
                            // A processor that does not name the language (an endpoint, a plug-in) has it detected here,
                            // so that every row has one.
                            result = result with { Language = LanguageDetector.Default.Detect(batch[i].Ticket.Text).Language };
                        }

                        var confidence = ConfidenceHistogram.Format(result.Confidence);
                        WriteRow(part, batch[i], result, confidence, text);
                        if (quality.Count(result, confidence) is { } reason)
                        {
                            review ??= CsvWriter.ToFile(PartFiles.Temporary(reviewPath), new CsvWriterOptions(), FileOptions.SequentialScan);
                            ReviewFile.WriteRow(review, batch[i].Ticket, result, confidence, reason, text);
                        }

                        records += batch[i].Records;
                        usage = usage.Add(result);
                        if (result.Status == TicketStatus.Ok)
                        {
                            ok++;
                            if (result.Category.Length > 0)
                            {
                                // A categorizer switched off leaves it empty: nothing to count.
                                categories[result.Category] = categories.GetValueOrDefault(result.Category) + 1;
                            }
                        }
                        else
                        {
                            failed++;
                            var kind = FailureWord(result);
                            failures[kind] = failures.GetValueOrDefault(kind) + 1;
                        }
                    }

                    batch.Clear();
                    onRowsDone(records + rejected);
                }
            }

            if (rejects is not null)
            {
                await rejects.DisposeAsync();
                rejects = null;
                File.Move(PartFiles.Temporary(rejectsPath), rejectsPath, overwrite: true);
            }

            if (review is not null)
            {
                await review.DisposeAsync();
                review = null;
                File.Move(PartFiles.Temporary(reviewPath), reviewPath, overwrite: true);
            }

            // The part is committed last: once it exists under its final name, the attempt's output is complete.
            File.Move(PartFiles.Temporary(partPath), partPath, overwrite: true);
        }
        catch
        {
            if (rejects is not null)
            {
                await rejects.DisposeAsync();
            }

            if (review is not null)
            {
                await review.DisposeAsync();
            }

            TryDelete(PartFiles.Temporary(partPath));
            TryDelete(PartFiles.Temporary(rejectsPath));
            TryDelete(PartFiles.Temporary(reviewPath));
            throw;
        }

        var counts = new RowCounts(ok, failed, rejected, Messages: order.Mapping.IsConversation ? records : 0);
        return new ChunkReport(index, attempt, counts, HasRejects: rejected > 0, categories,
            stopwatch.Elapsed.TotalSeconds, order.Assignment.Silo, usage, failures, quality.Result());
    }

    /// <param name="confidence">The confidence as written (<see cref="ConfidenceHistogram.Format"/>).</param>
    /// <param name="text">Applied to every text cell (see <see cref="SpreadsheetSafety"/>); the numbers are written as they are.</param>
    private static void WriteRow(CsvWriter writer, TicketInput input, TicketResult result, string confidence, Func<string, string> text)
    {
        foreach (var value in input.OutputValues)
        {
            writer.WriteField(text(value));
        }

        var succeeded = result.Status == TicketStatus.Ok;
        writer.WriteField(succeeded ? text(result.Category) : "");
        writer.WriteField(succeeded ? confidence : "");
        writer.WriteField(result.Language ?? "");
        writer.WriteField(succeeded ? text(result.Summary) : "");
        writer.WriteField(succeeded ? "ok" : "failed");
        writer.WriteField(text(result.Error ?? ""));
        writer.WriteField(succeeded ? "" : FailureWord(result));
        writer.WriteField(result.Attempts, default);
        writer.WriteField(result.TokensIn, default);
        writer.WriteField(result.TokensOut, default);
        writer.WriteField(result.CostUsd.ToString(CultureInfo.InvariantCulture));
        writer.EndRecord();
    }

    /// <summary>A failed result that names no kind was failed by the processor itself.</summary>
    private static string FailureWord(TicketResult result) =>
        TicketResult.Describe(result.Failure == FailureKind.None ? FailureKind.ProcessorError : result.Failure);

    private static void WriteReject(CsvWriter writer, RejectedRecord reject, Func<string, string> text)
    {
        writer.WriteField(reject.Line, default);
        writer.WriteField(reject.RecordNumber, default);
        writer.WriteField(text(reject.Reason));
        writer.WriteField(text(reject.Raw));
        writer.EndRecord();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temporary file is harmless: it is never read, and the job's part folder is removed at the end.
        }
    }
}
