namespace Scalability.GrainInterfaces.Costing;

/// <summary>The size of a dataset as cost planning needs it.</summary>
/// <param name="Rows">Tickets to process.</param>
/// <param name="Bytes">The input's size on disk.</param>
/// <param name="AverageTicketChars">The mean length of a ticket's text, in characters.</param>
[GenerateSerializer, Immutable, Alias("DatasetShape")]
public sealed record DatasetShape(
    [property: Id(0)] long Rows,
    [property: Id(1)] long Bytes,
    [property: Id(2)] double AverageTicketChars)
{
    /// <summary>The mean size of one input row on disk, which bounds what a chunk holds in memory.</summary>
    public double BytesPerRow => Rows == 0 ? 0 : (double)Bytes / Rows;
}
