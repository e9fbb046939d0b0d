using Scalability.GrainInterfaces.Processing;

namespace Scalability.Grains.Processing;

/// <summary>
/// The one seam for per-ticket work: a batch of tickets in, one result per ticket out, in the same order.
/// A processor reports a ticket it cannot handle as <see cref="TicketStatus.Failed"/> with a reason; an exception
/// means the whole batch failed and the chunk is retried.
/// </summary>
public interface ITicketProcessor
{
    ValueTask<IReadOnlyList<TicketResult>> ProcessAsync(IReadOnlyList<Ticket> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Tickets to hand over at once. Large batches suit fast in-process work; a processor that waits on the network
    /// ticket by ticket takes them one at a time, so that progress, metrics and cancellation follow each ticket
    /// rather than a batch that lasts seconds.
    /// </summary>
    int PreferredBatchSize => DefaultBatchSize;

    public const int DefaultBatchSize = 64;
}
