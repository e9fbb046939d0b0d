using Scalability.GrainInterfaces.Datasets;

namespace Scalability.Cli.Commands;

/// <summary>How the commands say which columns they read, and why.</summary>
internal static class ColumnText
{
    /// <summary>
    /// "'Ticket Subject', 'Ticket Description' (by name)" when the columns were chosen alike, each with its own reason
    /// otherwise: "'c9' (by content: subject-like short phrases: …), 'c10' (by content: free text: …)".
    /// </summary>
    /// <param name="quoted">Whether column names are quoted, as in a sentence; a table of names leaves them bare.</param>
    public static string Choices(IReadOnlyList<ColumnChoice> choices, bool quoted = true) =>
        choices.Select(c => c.Reason).Distinct().Count() == 1
            ? $"{string.Join(", ", choices.Select(c => Name(c, quoted)))} ({choices[0].Reason})"
            : string.Join(", ", choices.Select(c => Choice(c, quoted)));

    public static string Choice(ColumnChoice choice, bool quoted = true) => $"{Name(choice, quoted)} ({choice.Reason})";

    /// <summary>One line for each column of free text that is not read: "'response': also free text, not read (…): …".</summary>
    public static IEnumerable<string> NotRead(IReadOnlyList<ColumnChoice>? notRead, string indent, bool quoted = true) =>
        (notRead ?? []).Select(c => $"{indent}{Name(c, quoted)}: {c.Reason}");

    private static string Name(ColumnChoice choice, bool quoted) => quoted ? $"'{choice.Column}'" : choice.Column;
}
