using System.Text;
using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Llm;

namespace Scalability.Grains.Costing;

/// <summary>
/// The most a chunk can be billed by its processor, which the budget guard keeps in reserve for every chunk in flight.
/// Only the llm processor is billed (per token); the others cost nothing here.
/// </summary>
/// <remarks>
/// For the llm processor the bound rests on how a ticket is processed: one request, and one repair request when the
/// reply cannot be used, so at most two billed replies per ticket in an attempt (429s, 5xx and timeouts bring no
/// reply and no bill). Prompt tokens are bounded by bytes, because a token of a byte-level tokenizer covers at least
/// one byte: the instructions, the ticket's text (at most its record's bytes in the CSV, the chunk's byte range
/// covering all of them), plus a per-message allowance for the chat format. A reply is at most the request's
/// <see cref="Scalability.GrainInterfaces.Processing.LlmSettings.MaxOutputTokens"/>; sent back in a repair (as the
/// assistant's turn, and possibly quoted in the note of what was wrong), it is counted twice, each at twice its
/// tokens. The real cost of a chunk is typically a tenth of this.
/// </remarks>
public sealed class WorstCaseSpend
{
    /// <summary>Chat-format tokens per request: role markers and separators, with room to spare.</summary>
    public const int FormatTokensPerRequest = 32;

    /// <summary>Bytes a ticket's text may add to its record's bytes: separators between joined fields or messages.</summary>
    public const int TextAllowancePerTicket = 64;

    /// <summary>The repair note around the reason, and the reason's own words besides what it quotes.</summary>
    public const int RepairNoteBytes = 512;

    private readonly ModelPrice? _price;
    private readonly long _tokensInPerTicket;
    private readonly long _tokensOutPerTicket;

    public WorstCaseSpend(ProcessorSpec processor)
    {
        if (processor.Llm is not { } llm || llm.InputUsdPerMillion is not { } inputPrice || llm.OutputUsdPerMillion is not { } outputPrice)
        {
            return;
        }

        var prompt = new LlmPrompt(llm.Categories ?? SupportTaxonomy.Default.CategoryNames, llm.SummaryMaxWords);
        long firstRequest = Encoding.UTF8.GetByteCount(prompt.Instructions) + FormatTokensPerRequest;
        var repairExtra = (2L * 2 * llm.MaxOutputTokens) + RepairNoteBytes +
                          Encoding.UTF8.GetByteCount(string.Join(", ", prompt.Categories)) + (2L * FormatTokensPerRequest);
        _price = new ModelPrice(llm.Model, inputPrice, outputPrice);
        // Both requests carry the instructions and the ticket's text (counted per chunk); the repair also carries
        // the first reply and the note.
        _tokensInPerTicket = (2 * firstRequest) + repairExtra + (2L * TextAllowancePerTicket);
        _tokensOutPerTicket = 2L * llm.MaxOutputTokens;
    }

    /// <summary>The most one attempt at <paramref name="chunk"/> can be billed.</summary>
    public decimal Of(ChunkBounds chunk) =>
        _price is { } price
            ? price.Cost((chunk.Rows * _tokensInPerTicket) + (2 * (chunk.EndByte - chunk.StartByte)), chunk.Rows * _tokensOutPerTicket)
            : 0m;

    /// <summary>The most an attempt at any of <paramref name="chunks"/> can be billed.</summary>
    public decimal OfLargest(IEnumerable<ChunkBounds> chunks) => _price is null ? 0m : chunks.Select(Of).DefaultIfEmpty(0m).Max();
}
