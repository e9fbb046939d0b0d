namespace Scalability.Grains.Ingest;

/// <summary>
/// Chooses the text and id columns from the columns' <see cref="ColumnProfile"/>s, for an input whose column names
/// do not say: the free text a ticket is about, a subject beside it, and an id.
/// </summary>
public static class ContentColumns
{
    /// <summary>The text columns chosen, in the order a ticket's text is read (a subject first), and the free text left out.</summary>
    public sealed record TextChoice(int[] Indexes, ColumnChoice[] Choices, ColumnChoice[] NotRead);

    public const string NotReadReason = "also free text, not read (use --text-columns to read it)";

    /// <summary>
    /// The text of a ticket: the column of free text in the first person when there is one (the customer's, not an
    /// agent's reply to them), else the one of the most words, else the leftmost; when no column holds free text, the
    /// column of short phrases that would be its subject. Beside it, a subject: a column of short one-line phrases
    /// (at most half as many words as the text), the most varied. Other free text is named in
    /// <see cref="TextChoice.NotRead"/>, so that none is left out silently.
    /// </summary>
    /// <param name="roles">The columns that are something else already (the id, the conversation or the order column),
    /// by index, with their role's name.</param>
    /// <exception cref="InputException">No column holds text; the message says what every column holds.</exception>
    public static TextChoice ChooseText(string path, IReadOnlyList<ColumnProfile> profiles, IReadOnlyDictionary<int, string> roles)
    {
        var candidates = profiles.Where(p => p.IsText && !roles.ContainsKey(p.Index)).ToArray();
        var free = candidates.Where(p => p.Kind == ColumnKind.FreeText).ToArray();
        var pool = free.Length > 0 ? free : candidates;
        if (pool.Length == 0)
        {
            throw new InputException(path,
                $"no free-text column among {DescribeAll(profiles, roles)}; name the columns to read with --text-columns");
        }

        var text = pool
            .OrderByDescending(p => VoiceRank(p.Voice))
            .ThenByDescending(p => p.AverageWords)
            .ThenBy(p => p.Index)
            .First();
        var subject = candidates
            .Where(p => p != text && p.OneLine && p.Voice != Voice.SecondPerson && p.AverageWords * 2 <= text.AverageWords)
            .OrderByDescending(p => p.Distinct)
            .ThenBy(p => p.Index)
            .FirstOrDefault();

        var textChoice = new ColumnChoice(text.Name, ColumnSource.Content, free.Length > 0
            ? $"by content: {text.Description}"
            : $"by content: {text.Description} (no column holds free text)");
        ColumnProfile[] read = subject is null ? [text] : [subject, text];
        ColumnChoice[] choices = subject is null
            ? [textChoice]
            : [new ColumnChoice(subject.Name, ColumnSource.Content, $"by content: subject-like {SubjectEvidence(subject)}"), textChoice];
        var indexes = read.Select(p => p.Index).ToArray();
        return new TextChoice(indexes, choices, NotRead(profiles, indexes, roles));
    }

    /// <summary>The columns of free text that are not read, nor something else already.</summary>
    public static ColumnChoice[] NotRead(IReadOnlyList<ColumnProfile> profiles, IReadOnlyCollection<int> read, IReadOnlyDictionary<int, string> roles) =>
        profiles
            .Where(p => p.Kind == ColumnKind.FreeText && !read.Contains(p.Index) && !roles.ContainsKey(p.Index))
            .Select(p => new ColumnChoice(p.Name, ColumnSource.Content, $"{NotReadReason}: {p.TextEvidence}"))
            .ToArray();

    /// <summary>The leftmost column of ids that is not read as text nor something else already; null when there is none.</summary>
    public static (int Index, ColumnChoice Choice)? ChooseId(IReadOnlyList<ColumnProfile> profiles, IReadOnlyCollection<int> excluded) =>
        profiles.FirstOrDefault(p => p.Kind == ColumnKind.Id && !excluded.Contains(p.Index)) is { } id
            ? (id.Index, new ColumnChoice(id.Name, ColumnSource.Content,
                $"by content: {id.Description}, a different one in each of the {id.Records} records sampled"))
            : null;

    private static string SubjectEvidence(ColumnProfile subject) => subject.Kind == ColumnKind.ShortText
        ? subject.Description
        : $"one-line text: {subject.TextEvidence}";

    // The customer's text before text that is neither's, and both before a reply to the customer.
    private static int VoiceRank(Voice voice) => voice switch
    {
        Voice.FirstPerson => 2,
        Voice.Neither => 1,
        _ => 0,
    };

    private static string DescribeAll(IReadOnlyList<ColumnProfile> profiles, IReadOnlyDictionary<int, string> roles) =>
        string.Join(", ", profiles.Select(p => $"'{p.Name}' ({p.Description}{(p.IsText && roles.TryGetValue(p.Index, out var role) ? $", but it is the {role} column" : "")})"));
}
