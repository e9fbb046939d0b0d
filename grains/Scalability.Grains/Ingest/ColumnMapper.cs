namespace Scalability.Grains.Ingest;

/// <summary>
/// Chooses the id column and the text columns of an input, and lays out the output's columns. A column the user
/// names wins; then a column whose name is a known one (<c>Ticket ID</c>, <c>subject</c>, <c>body</c>, …); then, when
/// no name says, what the columns' sampled values are (<see cref="ColumnProfiler"/>, <see cref="ContentColumns"/>).
/// Each choice carries its reason.
/// </summary>
public static class ColumnMapper
{
    /// <summary>The columns every output row ends with, after the input's columns.</summary>
    public static readonly string[] ResultColumns =
        ["category", "confidence", "language", "summary", "status", "error", "failure_kind", "attempts", "tokens_in", "tokens_out", "cost_usd"];

    /// <summary>The column that numbers output rows when the input has no id column.</summary>
    public const string RowNumberColumn = "row";

    // Compared after Normalize: case, spaces, dashes and underscores do not matter ("Ticket ID" = "ticket_id").
    // In order of preference: the first that the header has wins.
    private static readonly string[] IdNames =
        ["ticketid", "id", "caseid", "conversationid", "chatid", "requestid", "issueid", "messageid", "threadid"];

    // Subject-like names first, then body-like ones: a ticket's text reads best as its subject, then its body.
    private static readonly string[] TextNames =
    [
        "subject", "title", "ticketsubject", "topic", "summaryline",
        "body", "description", "ticketdescription", "text", "message", "instruction", "conversation", "content",
        "comment", "comments", "question", "query", "customermessage", "issue", "details", "problem", "complaint",
        "utterance", "transcript", "emailbody", "chat", "request",
    ];

    /// <summary>The column of a conversation's output row that holds its number of messages.</summary>
    public const string MessagesColumn = "messages";

    private const string ByName = "by name";
    private const string AsGiven = "as given";

    /// <param name="sample">The header and the first records (<see cref="ColumnSample.Read"/>), whose values choose
    /// the columns that no name does.</param>
    /// <param name="conversationColumn">In conversation mode, the column that groups rows into conversations: it is the
    /// id column, it and <paramref name="orderColumn"/> are never text columns, and <paramref name="keepColumns"/> does
    /// not apply (see <see cref="ConversationHeader"/>).</param>
    public static ColumnMapping Map(
        string path, ColumnSample sample, string? idColumn, IReadOnlyList<string>? textColumns, IReadOnlyList<string>? keepColumns,
        string? conversationColumn = null, string? orderColumn = null)
    {
        var header = sample.Header;
        var conversationIndex = conversationColumn is null ? ColumnMapping.NoColumn : Find(path, header, conversationColumn, "--conversation-column");
        var orderIndex = orderColumn is null ? ColumnMapping.NoColumn : Find(path, header, orderColumn, "--order-column");
        var conversation = conversationIndex != ColumnMapping.NoColumn;
        var idIndex = idColumn is null ? Detect(header, IdNames) : Find(path, header, idColumn, "--id-column");
        (ColumnSource Source, string Reason) idReason = idColumn is null ? (ColumnSource.Name, ByName) : (ColumnSource.Given, AsGiven);
        if (conversation)
        {
            if (idColumn is not null && idIndex != conversationIndex)
            {
                throw new InputException(path,
                    $"--id-column '{header[idIndex]}' and --conversation-column '{header[conversationIndex]}' differ: a conversation's id is its key, so leave out --id-column");
            }

            idIndex = conversationIndex;
            idReason = (ColumnSource.Given, AsGiven + " (--conversation-column)");
        }

        var profiles = ColumnProfiler.Profile(sample);
        var roles = new Dictionary<int, string>();
        AddRole(roles, orderIndex, "order");
        AddRole(roles, idIndex, conversation ? "conversation" : "id");

        int[] textIndexes;
        ColumnChoice[] textChoices;
        ColumnChoice[] notRead = [];
        if (textColumns is { Count: > 0 })
        {
            textIndexes = textColumns.Select(c => Find(path, header, c, "--text-columns")).Distinct().ToArray();
            textChoices = textIndexes.Select(i => new ColumnChoice(header[i], ColumnSource.Given, AsGiven)).ToArray();
        }
        else
        {
            textIndexes = TextNames
                .Select(name => Array.FindIndex(header, h => Normalize(h) == name))
                .Where(i => i >= 0 && i != idIndex && i != orderIndex)
                .Distinct()
                .ToArray();
            if (textIndexes.Length > 0)
            {
                textChoices = textIndexes.Select(i => new ColumnChoice(header[i], ColumnSource.Name, ByName)).ToArray();
                notRead = ContentColumns.NotRead(profiles, textIndexes, roles);
            }
            else
            {
                var byContent = ContentColumns.ChooseText(path, profiles, roles);
                (textIndexes, textChoices, notRead) = (byContent.Indexes, byContent.Choices, byContent.NotRead);
            }
        }

        if (textIndexes.Contains(idIndex))
        {
            throw new InputException(path,
                $"column '{header[idIndex]}' cannot be both the {(conversation ? "conversation" : "id")} column and a text column");
        }

        var idChoice = idIndex == ColumnMapping.NoColumn ? null : new ColumnChoice(header[idIndex], idReason.Source, idReason.Reason);
        if (idChoice is null && ContentColumns.ChooseId(profiles, [.. textIndexes, orderIndex]) is { } byContentId)
        {
            (idIndex, idChoice) = byContentId;
        }

        if (conversation)
        {
            return new ColumnMapping(
                idIndex,
                header[idIndex],
                textIndexes,
                textIndexes.Select(i => header[i]).ToArray(),
                KeepIndexes: [],
                ConversationHeader(header[idIndex]),
                IdDetected: false,
                TextDetected: textColumns is not { Count: > 0 },
                conversationIndex,
                orderIndex,
                orderIndex == ColumnMapping.NoColumn ? null : header[orderIndex],
                idChoice,
                textChoices,
                notRead);
        }

        var keepIndexes = keepColumns is null
            ? Enumerable.Range(0, header.Length).ToArray()
            : keepColumns.Select(c => Find(path, header, c, "--keep-columns")).Distinct().ToArray();

        return new ColumnMapping(
            idIndex,
            idIndex == ColumnMapping.NoColumn ? null : header[idIndex],
            textIndexes,
            textIndexes.Select(i => header[i]).ToArray(),
            keepIndexes,
            OutputHeader(header, keepIndexes, idIndex),
            IdDetected: idColumn is null,
            TextDetected: textColumns is not { Count: > 0 },
            IdChoice: idChoice,
            TextChoices: textChoices,
            NotRead: notRead);
    }

    private static void AddRole(Dictionary<int, string> roles, int index, string role)
    {
        if (index != ColumnMapping.NoColumn)
        {
            roles[index] = role;
        }
    }

    /// <summary>
    /// The output's header in conversation mode: the conversation key, the number of messages, then the result
    /// columns. Other input columns are not copied: they differ from message to message, and a conversation has one
    /// output row.
    /// </summary>
    private static string[] ConversationHeader(string conversationColumn)
    {
        var clashes = ResultColumns.Contains(conversationColumn, StringComparer.OrdinalIgnoreCase) ||
                      string.Equals(conversationColumn, MessagesColumn, StringComparison.OrdinalIgnoreCase);
        return [clashes ? "input." + conversationColumn : conversationColumn, MessagesColumn, .. ResultColumns];
    }

    /// <summary>
    /// The output's header: the kept input columns (a <c>row</c> number first when there is no id column), then the
    /// result columns. An input column whose name a result column uses is written as <c>input.NAME</c>, so that the
    /// result columns keep their names.
    /// </summary>
    private static string[] OutputHeader(string[] header, int[] keepIndexes, int idIndex)
    {
        var names = new List<string>(keepIndexes.Length + ResultColumns.Length + 1);
        if (idIndex == ColumnMapping.NoColumn)
        {
            names.Add(RowNumberColumn);
        }

        foreach (var i in keepIndexes)
        {
            var name = header[i];
            names.Add(ResultColumns.Contains(name, StringComparer.OrdinalIgnoreCase) ||
                      (idIndex == ColumnMapping.NoColumn && string.Equals(name, RowNumberColumn, StringComparison.OrdinalIgnoreCase))
                ? "input." + name
                : name);
        }

        names.AddRange(ResultColumns);
        return names.ToArray();
    }

    private static int Detect(string[] header, string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            var index = Array.FindIndex(header, h => Normalize(h) == candidate);
            if (index >= 0)
            {
                return index;
            }
        }

        return ColumnMapping.NoColumn;
    }

    /// <summary>
    /// The index of the column called <paramref name="name"/> (exactly, or else ignoring case and surrounding spaces),
    /// or an error naming the file, the option and the columns there are.
    /// </summary>
    public static int Find(string path, string[] header, string name, string option)
    {
        var index = Array.FindIndex(header, h => string.Equals(h, name, StringComparison.Ordinal));
        if (index < 0)
        {
            index = Array.FindIndex(header, h => string.Equals(h.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        return index >= 0
            ? index
            : throw new InputException(path, $"{option}: no column named '{name}'; the columns are {Describe(header)}");
    }

    private static string Describe(string[] header) => string.Join(", ", header.Select(h => $"'{h}'"));

    internal static string Normalize(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 128)];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) && length < buffer.Length)
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
