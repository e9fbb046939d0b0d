using CsvHelper;
using Scalability.Grains.Ingest;

namespace Scalability.Grains.Processing.Training;

/// <summary>The labeled examples of a CSV file and what was left out of them.</summary>
/// <param name="Rows">Records read, including the ones left out.</param>
/// <param name="BlankLabels">Records left out because their label is blank.</param>
/// <param name="Malformed">Records left out because they are malformed (a job would reject them too).</param>
/// <param name="TextChoices">How each of <paramref name="TextColumns"/> was chosen, as for a job.</param>
/// <param name="NotRead">Other columns of free text, found and not read.</param>
public sealed record LabeledData(
    string Path, string LabelColumn, IReadOnlyList<string> TextColumns, bool TextDetected, IReadOnlyList<LabeledExample> Examples,
    long Rows, long BlankLabels, long Malformed, IReadOnlyList<ColumnChoice>? TextChoices = null, IReadOnlyList<ColumnChoice>? NotRead = null)
{
    /// <summary>The categories and their example counts, largest first.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Categories { get; } = Examples
        .GroupBy(e => e.Label, StringComparer.Ordinal)
        .Select(g => KeyValuePair.Create(g.Key, g.Count()))
        .OrderByDescending(c => c.Value)
        .ThenBy(c => c.Key, StringComparer.Ordinal)
        .ToArray();
}

/// <summary>
/// Reads labeled tickets from CSV as a job reads tickets: the same CsvHelper options, the same text column
/// detection (<see cref="ColumnMapper"/>), record numbers counted the same way, and the text columns joined as
/// <see cref="Ticket.Text"/> joins them. The label column is never read as text.
/// </summary>
public static class LabeledCsv
{
    /// <exception cref="InputException">The file or a column cannot be used, or it holds fewer than 2 categories.</exception>
    public static LabeledData Read(string path, string labelColumn, IReadOnlyList<string>? textColumns, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumn);
        var mapping = InputPreflight.Check(path, idColumn: null, textColumns, keepColumns: null);
        var examples = new List<LabeledExample>();
        long rows = 0, blank = 0, malformed = 0;
        string label;
        string[] texts;
        ColumnChoice[] choices;
        try
        {
            var unterminated = false;
            var options = CsvInput.ForScan(record => unterminated |= record.Reason is CsvMalformedReason.UnterminatedQuote);
            using var reader = CsvReader.FromFile(path, options, FileOptions.SequentialScan);
            var header = reader.Headers.ToArray();
            var labelIndex = ColumnMapper.Find(path, header, labelColumn, "--label-column");
            label = header[labelIndex];
            var textIndexes = TextIndexes(path, mapping, labelIndex, label);
            texts = textIndexes.Select(i => header[i]).ToArray();
            choices = mapping.TextChoices is { } all
                ? textIndexes.Select(i => all[Array.IndexOf(mapping.TextIndexes, i)]).ToArray()
                : [];
            while (reader.Read())
            {
                rows++;
                if ((rows & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (unterminated || reader.FieldCount != header.Length)
                {
                    unterminated = false;
                    malformed++;
                    continue;
                }

                var category = reader.GetString(labelIndex).Trim();
                if (category.Length == 0)
                {
                    blank++;
                    continue;
                }

                var fields = new TicketField[textIndexes.Length];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = new TicketField(texts[i], reader.GetString(textIndexes[i]));
                }

                examples.Add(new LabeledExample(rows, new Ticket("", rows, fields).Text, category));
            }
        }
        catch (CsvFormatException e)
        {
            throw new InputException(path, e.Message, e.LineNumber);
        }

        var categories = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Take(2).ToArray();
        if (categories.Length < 2)
        {
            throw new InputException(path, categories.Length == 0
                ? $"--label-column '{label}' is blank in every row: there is nothing to learn from"
                : $"--label-column '{label}' holds one category only ('{categories[0]}'); a categorizer needs at least 2 to choose from");
        }

        return new LabeledData(path, label, texts, mapping.TextDetected, examples, rows, blank, malformed, choices,
            mapping.NotRead?.Where(c => c.Column != label).ToArray());
    }

    /// <summary>The text columns without the label column: dropped when detected, refused when named.</summary>
    private static int[] TextIndexes(string path, ColumnMapping mapping, int labelIndex, string label)
    {
        if (!mapping.TextIndexes.Contains(labelIndex))
        {
            return mapping.TextIndexes;
        }

        if (!mapping.TextDetected)
        {
            throw new InputException(path, $"column '{label}' cannot be both the label column and a text column: a model would read its answer");
        }

        var rest = mapping.TextIndexes.Where(i => i != labelIndex).ToArray();
        return rest.Length > 0
            ? rest
            : throw new InputException(path, $"no text column found besides the label column '{label}'; name the columns to read with --text-columns");
    }
}
