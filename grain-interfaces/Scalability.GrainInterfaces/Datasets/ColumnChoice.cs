namespace Scalability.GrainInterfaces.Datasets;

/// <summary>How a column came to be read: by a known name, as the user named it, or by what its values look like.</summary>
public enum ColumnSource
{
    /// <summary>Its name is one of the known names of its role (<c>Ticket ID</c>, <c>subject</c>, <c>body</c>, …).</summary>
    Name = 0,
    /// <summary>The user named it (<c>--id-column</c>, <c>--text-columns</c>, <c>--conversation-column</c>).</summary>
    Given = 1,
    /// <summary>No name said, so its values did: see the reason.</summary>
    Content = 2,
}

/// <summary>A column chosen for a role, or found and left out, and why, in words a user reads.</summary>
/// <param name="Reason">"by name", "as given", or "by content: " and the evidence, e.g. "by content: free text: 38
/// words a value on average, 97% distinct".</param>
[GenerateSerializer, Immutable, Alias("ColumnChoice")]
public sealed record ColumnChoice(
    [property: Id(0)] string Column,
    [property: Id(1)] ColumnSource Source,
    [property: Id(2)] string Reason);
