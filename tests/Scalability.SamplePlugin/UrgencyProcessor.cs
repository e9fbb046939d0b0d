using Scalability.GrainInterfaces.Processing;
using Scalability.Grains.Processing;

namespace Scalability.SamplePlugin;

/// <summary>
/// Sorts tickets into <c>urgent</c> and <c>routine</c> by the words they use, and summarizes each by its first sentence.
/// It refuses tickets that mention legal action, by throwing, as real processors do on input they cannot handle: the
/// service writes those rows as failed with the exception's message and carries on with the rest.
/// </summary>
public sealed class UrgencyProcessor(ProcessorSpec spec) : ITicketProcessor
{
    private static readonly string[] UrgentWords = ["urgent", "asap", "immediately", "outage", "down", "emergency", "critical"];
    private static readonly string[] LegalWords = ["lawyer", "attorney", "lawsuit"];

    public ValueTask<IReadOnlyList<TicketResult>> ProcessAsync(IReadOnlyList<Ticket> batch, CancellationToken cancellationToken)
    {
        var results = new TicketResult[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = Rate(batch[i]);
        }

        return ValueTask.FromResult<IReadOnlyList<TicketResult>>(results);
    }

    private TicketResult Rate(Ticket ticket)
    {
        var text = ticket.Text;
        if (LegalWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"ticket {ticket.Id} mentions legal action; the urgency sample leaves those to a person");
        }

        var hits = UrgentWords.Count(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
        var category = hits > 0 ? "urgent" : "routine";
        var confidence = hits > 0 ? Math.Min(0.5 + 0.2 * hits, 0.95) : 0.6;
        return new TicketResult(category, confidence, FirstSentence(text), TicketStatus.Ok, null);
    }

    private string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['.', '!', '?', '\n']);
        var sentence = (end < 0 ? text : text[..(end + 1)]).Trim();
        return sentence.Length <= spec.SummaryMaxChars ? sentence : sentence[..spec.SummaryMaxChars];
    }
}
