namespace Scalability.Grains.Processing;

/// <summary>
/// Keeps one bad ticket from failing its whole batch. When the inner processor throws on a batch, each ticket is
/// processed alone: a ticket that throws is written as failed (<see cref="FailureKind.ProcessorError"/>) with the
/// exception's message, and the others keep their results. When every ticket throws on its own, the fault is the
/// processor's rather than the tickets' (an unreachable dependency, a broken set-up), so the exception is let through
/// and the chunk is retried as a whole.
/// </summary>
public sealed class RowIsolatingProcessor(ITicketProcessor inner) : ITicketProcessor
{
    public int PreferredBatchSize => inner.PreferredBatchSize;

    public async ValueTask<IReadOnlyList<TicketResult>> ProcessAsync(IReadOnlyList<Ticket> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.ProcessAsync(batch, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && batch.Count > 1)
        {
            // Fall through to one ticket at a time.
        }

        var results = new TicketResult[batch.Count];
        Exception? firstError = null;
        var failures = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                var single = await inner.ProcessAsync([batch[i]], cancellationToken);
                results[i] = single.Count == 1
                    ? single[0]
                    : throw new InvalidOperationException($"the processor returned {single.Count} results for 1 ticket");
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                firstError ??= e;
                failures++;
                results[i] = TicketResult.Failed(Describe(e), FailureKind.ProcessorError);
            }
        }

        if (failures == batch.Count)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(firstError!);
        }

        return results;
    }

    public static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
