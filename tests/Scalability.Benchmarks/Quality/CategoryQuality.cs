using Scalability.Tests.Quality;

namespace Scalability.Benchmarks.Quality;

/// <summary>
/// The "categories" section: accuracy, macro-F1 and calibration (<see cref="CategorizerQualityReport"/>) on the dev
/// fixtures and the training tickets (which the vocabulary was tuned on), the held-back parts of the shared data (which
/// the calibration was not fitted on), the summarizer fixtures (watched while tuning, so as not to lower them) and the
/// held-out tickets (which nothing was tuned on); and how the held-out tickets in unsupported languages are answered:
/// <c>other</c>, with a low confidence and their language named.
/// </summary>
internal sealed class CategoryQuality : IQualitySection
{
    /// <summary>The highest confidence an unsupported language's <c>other</c> may have to count as low.</summary>
    public const double LowConfidence = 0.1;

    public string Name => "categories";

    public IQualityResult Run(QualityInputs inputs, TextWriter log)
    {
        var root = inputs.RepositoryRoot;
        log.WriteLine("categories: dev, training, shared data, held-out and summarizer fixtures ...");
        var heldOut = QualityDataSets.DevFixtures(Path.Combine(root, QualityDataSets.HeldOutFolderInRepository), "heldout");
        var supported = heldOut.Where(t => Grains.Processing.Languages.SupportedLanguages.IsSupported(t.Language))
            .Concat(QualityDataSets.DevFixtures(Path.Combine(root, QualityDataSets.SecondHeldOutFolderInRepository), "heldout2")).ToArray();
        var unsupported = heldOut.Where(t => !Grains.Processing.Languages.SupportedLanguages.IsSupported(t.Language)).ToArray();
        var report = CategorizerQualityReport.Build(
        [
            .. QualityDataSets.DevFixtures(Path.Combine(root, QualityDataSets.DevFolderInRepository)),
            .. QualityDataSets.DevFixtures(Path.Combine(root, QualityDataSets.TrainFolderInRepository), "train")
                .Where(t => Grains.Processing.Languages.SupportedLanguages.IsSupported(t.Language)),
            .. QualityDataSets.Bitext(inputs.Dataset(QualityDataSets.BitextFile), DataPart.HeldBack),
            .. QualityDataSets.Banking77(inputs.Dataset(QualityDataSets.Banking77File), DataPart.HeldBack),
            .. supported,
            .. QualityDataSets.DevFixtures(Path.Combine(root, QualityDataSets.SummarizerFolderInRepository), "summarizer"),
        ]);

        var processor = Grains.Processing.LocalTicketProcessor.Create(GrainInterfaces.Processing.ProcessorSpec.Local);
        var answers = unsupported.Select(t => processor.Process(t.Text)).ToArray();
        var asOther = answers.Count(a => a.Category == "other" && a.Confidence <= LowConfidence);
        var named = unsupported.Where((t, i) => answers[i].Language == t.Language).Count();
        var line = $"held-out tickets in unsupported languages: {unsupported.Length}; answered other with confidence <= {LowConfidence:0.00}: " +
                   $"{asOther}; language named right: {named} ({string.Join(", ", unsupported.Select(t => t.Language).Distinct())})";
        return new TextSections([("categorization", report + line + Environment.NewLine, new { report.Rows, Unsupported = new { unsupported.Length, AsOther = asOther, LanguageNamed = named } })]);
    }
}
