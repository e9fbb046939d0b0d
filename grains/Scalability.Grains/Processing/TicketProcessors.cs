namespace Scalability.Grains.Processing;

/// <summary>Creates a processor for a job's <see cref="ProcessorSpec"/>.</summary>
public interface ITicketProcessorFactory
{
    /// <summary>The <see cref="ProcessorSpec.Kind"/> this factory serves.</summary>
    string Kind { get; }

    ITicketProcessor Create(ProcessorSpec spec, ChunkAssignment assignment);
}

/// <summary>The processors a silo can run, by kind; a job naming an unknown kind fails with the list of known ones.</summary>
public sealed class TicketProcessorRegistry(IEnumerable<ITicketProcessorFactory> factories)
{
    private readonly Dictionary<string, ITicketProcessorFactory> _byKind =
        factories.ToDictionary(f => f.Kind, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Kinds => _byKind.Keys;

    /// <summary>The job's processor, wrapped so that a ticket it throws on fails alone (<see cref="RowIsolatingProcessor"/>).</summary>
    public ITicketProcessor Create(ProcessorSpec spec, ChunkAssignment assignment) =>
        _byKind.TryGetValue(spec.Kind, out var factory)
            ? new RowIsolatingProcessor(factory.Create(spec, assignment))
            : throw new ArgumentException(
                $"unknown processor '{spec.Kind}'; this silo has: {string.Join(", ", _byKind.Keys.Order())}");
}

/// <summary>The built-in local processor: keyword categorizer and extractive summarizer, no network.</summary>
public sealed class LocalProcessorFactory : ITicketProcessorFactory
{
    public string Kind => ProcessorSpec.LocalKind;

    public ITicketProcessor Create(ProcessorSpec spec, ChunkAssignment assignment) => LocalTicketProcessor.Create(spec);
}

/// <summary>
/// Marks every ticket failed with one reason: how a chunk that used up its attempts still gets every row into the
/// output.
/// </summary>
/// <param name="attempts">The chunk's failed attempts, reported as each row's attempts.</param>
public sealed class FailedRowsProcessor(string reason, int attempts) : ITicketProcessor
{
    public ValueTask<IReadOnlyList<TicketResult>> ProcessAsync(IReadOnlyList<Ticket> batch, CancellationToken cancellationToken)
    {
        var failure = TicketResult.Failed(reason, FailureKind.ProcessorError, attempts);
        return ValueTask.FromResult<IReadOnlyList<TicketResult>>(batch.Select(_ => failure).ToArray());
    }
}
