using Scalability.Tests.Quality;

namespace Scalability.Benchmarks.Quality;

/// <summary>
/// The "languages" section: our detector against Lingua (<see cref="LanguageDetectionComparison"/>) on the texts the
/// detector's word lists were written from (the dev fixtures and short chat messages) and, apart, on texts they never
/// saw (the held-out tickets, unsupported languages included, and the summarizer's fixtures).
/// </summary>
internal sealed class LanguageQuality : IQualitySection
{
    public string Name => "languages";

    public IQualityResult Run(QualityInputs inputs, TextWriter log)
    {
        var root = inputs.RepositoryRoot;
        log.WriteLine("languages: the tuning texts ...");
        var tuning = LanguageDetectionComparison.Compare(LanguageDetectionComparison.StandardTexts(root));
        log.WriteLine("languages: the unseen texts ...");
        var unseen = LanguageDetectionComparison.Compare(
        [
            .. QualityDataSets.DevFixtures(Path.Combine(root, QualityDataSets.HeldOutFolderInRepository), "heldout"),
            .. QualityDataSets.DevFixtures(Path.Combine(root, QualityDataSets.SummarizerFolderInRepository), "summarizer"),
        ]);
        return new TextSections(
        [
            ("tuning (dev fixtures and short texts)", tuning.ToString(), tuning),
            ("unseen (held-out tickets and the summarizer's fixtures)", unseen.ToString(), unseen),
        ]);
    }
}
