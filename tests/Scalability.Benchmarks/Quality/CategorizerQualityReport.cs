using System.Globalization;
using System.Text;
using Scalability.Grains.Processing;
using Scalability.Tests.Quality;

namespace Scalability.Benchmarks.Quality;

/// <summary>One data set and language of a <see cref="CategorizerQualityReport"/>, with its figures.</summary>
public sealed record CategorizerQualityRow(string DataSet, string Language, QualityFigures Figures);

/// <summary>Accuracy, macro-F1 and calibration (ECE and the reliability table) per data set and language.</summary>
public sealed record CategorizerQualityResult(IReadOnlyList<CategorizerQualityRow> Rows)
{
    public override string ToString()
    {
        var text = new StringBuilder("categorization quality (ECE over 10 equal-width confidence bins, weighted by count)\n");
        text.AppendLine("  data set    language  tickets  accuracy  macro-F1    ECE");
        foreach (var row in Rows)
        {
            var f = row.Figures;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {row.DataSet,-11} {row.Language,-8} {f.Count,8}  {f.Accuracy,8:0.000}  {f.MacroF1,8:0.000}  {f.ExpectedCalibrationError,5:0.000}");
        }

        foreach (var row in Rows.Where(r => r.Language == "all"))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"reliability, {row.DataSet}:");
            text.Append(row.Figures.ReliabilityTable());
        }

        return text.ToString();
    }
}

/// <summary>
/// The categorizer's quality on labelled tickets, per data set and language and over each data set's languages
/// together ("all"). The shared data sets are measured on their held-back parts (Bitext's odd records, BANKING77's
/// test split): the calibration was fitted on the others.
/// </summary>
public static class CategorizerQualityReport
{
    /// <param name="tickets">Labelled tickets of one or more data sets.</param>
    /// <param name="categorizer">The categorizer to measure; by default the local processor's,
    /// <see cref="MultilingualKeywordCategorizer.Default"/>.</param>
    public static CategorizerQualityResult Build(IReadOnlyList<LabelledTicket> tickets, ITicketCategorizer? categorizer = null)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var predictions = tickets.Zip(CalibrationFit.Predict(categorizer ?? MultilingualKeywordCategorizer.Default, tickets)).ToArray();
        var rows = new List<CategorizerQualityRow>();
        foreach (var dataSet in predictions.GroupBy(p => p.First.DataSet).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var languages = dataSet.GroupBy(p => p.First.Language).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToArray();
            if (languages.Length > 1)
            {
                rows.AddRange(languages.Select(l => new CategorizerQualityRow(dataSet.Key, l.Key, QualityFigures.Of([.. l.Select(p => p.Second)]))));
            }

            rows.Add(new CategorizerQualityRow(dataSet.Key, "all", QualityFigures.Of([.. dataSet.Select(p => p.Second)])));
        }

        return new CategorizerQualityResult(rows);
    }

    /// <summary>The standard measurement: the dev fixtures and the held-back parts of Bitext and BANKING77.</summary>
    /// <param name="repositoryRoot">The folder holding Scalability.Orleans.sln.</param>
    /// <param name="sharedData">The folder holding the shared data sets (shared/data).</param>
    public static CategorizerQualityResult Standard(string repositoryRoot, string sharedData) => Build(
    [
        .. QualityDataSets.DevFixtures(Path.Combine(repositoryRoot, QualityDataSets.DevFolderInRepository)),
        .. QualityDataSets.Bitext(Path.Combine(sharedData, QualityDataSets.BitextFile), DataPart.HeldBack),
        .. QualityDataSets.Banking77(Path.Combine(sharedData, QualityDataSets.Banking77File), DataPart.HeldBack),
    ]);
}
