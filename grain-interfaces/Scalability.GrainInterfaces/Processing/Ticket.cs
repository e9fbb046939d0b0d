namespace Scalability.GrainInterfaces.Processing;

/// <summary>
/// One unit of per-ticket work: the text a processor reads, with the identity it is reported under.
/// </summary>
/// <param name="Id">The ticket's id from the id column, or its record number when the input has none.</param>
/// <param name="RecordNumber">1-based number of the data record in the input (the header is not counted).</param>
/// <param name="Fields">The text columns in mapping order, as (column name, value) pairs; values are never null.</param>
[GenerateSerializer, Immutable, Alias("Ticket")]
public sealed record Ticket(
    [property: Id(0)] string Id,
    [property: Id(1)] long RecordNumber,
    [property: Id(2)] IReadOnlyList<TicketField> Fields)
{
    /// <summary>All text fields joined by blank lines, the form most processors read.</summary>
    public string Text => Fields.Count == 1 ? Fields[0].Value : string.Join("\n\n", Fields.Select(f => f.Value));
}

[GenerateSerializer, Immutable, Alias("TicketField")]
public sealed record TicketField([property: Id(0)] string Column, [property: Id(1)] string Value);
