using System.Diagnostics;
using System.Globalization;
using Scalability.Grains.Processing.Training.Linear;

namespace Scalability.Grains.Processing.Training;

/// <summary>How to train: the split, and where the examples came from (recorded in the model file).</summary>
public sealed record TrainingOptions
{
    public double TestFraction { get; init; } = TrainingSplit.DefaultTestFraction;

    public int Seed { get; init; } = TrainingSplit.DefaultSeed;

    public string LabelColumn { get; init; } = "";

    public IReadOnlyList<string> TextColumns { get; init; } = [];

    /// <summary>The linear SVM's settings; scikit-learn's <c>LinearSVC</c> defaults unless changed.</summary>
    public LinearSvmOptions Svm { get; init; } = new();

    /// <summary>Threads for fitting the categories at once (default: one per core); the model is the same for any number.</summary>
    public int? Threads { get; init; }
}

/// <summary>
/// A trained categorizer, the split it was trained and scored on, its score, the calibration error of its confidence
/// on the held-out part, and how long each step took.
/// </summary>
public sealed record TrainingRun(
    TrainedCategorizer Categorizer, SplitExamples Split, ClassificationReport HeldOut, double CalibrationError, TimeSpan TrainingTime, TimeSpan ScoringTime);

/// <summary>Macro-F1 over the folds of a K-fold cross-validation: each fold's, their mean and standard deviation.</summary>
/// <param name="StandardDeviation">The population standard deviation of the folds' macro-F1 (numpy's <c>std</c>).</param>
public sealed record CrossValidation(int Folds, IReadOnlyList<double> MacroF1, double Mean, double StandardDeviation, TimeSpan Time);

/// <summary>
/// Trains a text categorizer on labeled examples: a deterministic split (<see cref="TrainingSplit"/>), a
/// <see cref="LinearTextModel"/> fitted on the training part (word 1-2-gram TF-IDF and a linear SVM per category, as
/// scikit-learn's <c>TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)</c> and <c>LinearSVC</c>), its
/// confidence calibrated on the held-out part (<see cref="PlattScaling"/>), and a <see cref="ClassificationReport"/> of
/// its predictions on the held-out part, made through <see cref="TrainedCategorizer.Categorize(string)"/> as a job makes them.
/// </summary>
public static class CategorizerTrainer
{
    /// <summary>The trainer's name as the model file records it.</summary>
    public const string TrainerName = "word 1-2-gram TF-IDF (sublinear tf, min df 2), linear SVM one-versus-rest (dual coordinate descent), Platt-calibrated";

    /// <exception cref="ArgumentException">Fewer than two categories, or too few examples to hold any out.</exception>
    public static TrainingRun Train(IReadOnlyList<LabeledExample> examples, TrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var categories = CategoriesOf(examples);
        var split = TrainingSplit.Split(examples, options.TestFraction, options.Seed);
        if (split.HeldOut.Count == 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"{examples.Count} examples are too few to hold {options.TestFraction * 100:0.#}% of each category out for scoring"));
        }

        var stopwatch = Stopwatch.StartNew();
        var model = Fit(split.Train, categories, options, cancellationToken);
        var trainingTime = stopwatch.Elapsed;

        stopwatch.Restart();
        var texts = split.HeldOut.Select(e => e.Text).ToArray();
        var scores = new (int Category, double Margin)[texts.Length];
        model.Score(texts, scores);
        var right = split.HeldOut.Select((e, i) => string.Equals(categories[scores[i].Category], e.Label, StringComparison.Ordinal)).ToArray();
        var margins = scores.Select(s => s.Margin).ToArray();
        var calibrated = model.WithCalibration(PlattScaling.Fit(margins, right));
        var fallback = split.Train
            .GroupBy(e => e.Label, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
        var provisional = new CategorizerModelInfo(CategorizerModelInfo.FormatName, CategorizerModelInfo.CurrentVersion,
            options.LabelColumn, options.TextColumns.ToArray(), categories, fallback, TrainerName,
            split.Train.Count, split.HeldOut.Count, options.TestFraction, options.Seed, 0, 0, model.Vocabulary.Count,
            CrossFittedCalibrationError(margins, right));
        var categorizer = new TrainedCategorizer(calibrated, provisional);
        var predictions = new CategoryPrediction[texts.Length];
        categorizer.Categorize(texts, predictions);
        var report = ClassificationReport.From(split.HeldOut.Select((e, i) => (e.Label, predictions[i].Category)));
        var scoringTime = stopwatch.Elapsed;
        var scored = new TrainedCategorizer(calibrated, provisional with { HeldOutAccuracy = report.Accuracy, HeldOutMacroF1 = report.MacroF1 });
        return new TrainingRun(scored, split, report, provisional.HeldOutCalibrationError, trainingTime, scoringTime);
    }

    /// <summary>
    /// K-fold cross-validation: each category's examples dealt round-robin into <paramref name="folds"/> folds in the
    /// split's rank order (<see cref="TrainingSplit.Rank"/>), so that every fold has each category's share; a model
    /// trained on the other folds scores each fold.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 folds, or a category with fewer examples than folds.</exception>
    public static CrossValidation CrossValidate(IReadOnlyList<LabeledExample> examples, int folds, TrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var categories = CategoriesOf(examples);
        if (folds < 2)
        {
            throw new ArgumentException($"cross-validation needs at least 2 folds (got {folds})");
        }

        var fold = new Dictionary<long, int>();
        foreach (var category in examples.GroupBy(e => e.Label, StringComparer.Ordinal))
        {
            var members = category.OrderBy(e => TrainingSplit.Rank(e.RecordNumber, options.Seed)).ThenBy(e => e.RecordNumber).ToArray();
            if (members.Length < folds)
            {
                throw new ArgumentException($"the category '{category.Key}' has {members.Length} examples, fewer than the {folds} folds");
            }

            for (var i = 0; i < members.Length; i++)
            {
                fold[members[i].RecordNumber] = i % folds;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        var scores = new double[folds];
        for (var k = 0; k < folds; k++)
        {
            var train = examples.Where(e => fold[e.RecordNumber] != k).ToArray();
            var test = examples.Where(e => fold[e.RecordNumber] == k).ToArray();
            var model = Fit(train, categories, options, cancellationToken);
            var predicted = new (int Category, double Margin)[test.Length];
            model.Score(test.Select(e => e.Text).ToArray(), predicted);
            scores[k] = ClassificationReport.From(test.Select((e, i) => (e.Label, categories[predicted[i].Category]))).MacroF1;
        }

        var mean = scores.Average();
        var deviation = Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / folds);
        return new CrossValidation(folds, scores, mean, deviation, stopwatch.Elapsed);
    }

    private static string[] CategoriesOf(IReadOnlyList<LabeledExample> examples)
    {
        if (examples.Any(e => string.IsNullOrWhiteSpace(e.Label)))
        {
            throw new ArgumentException("an example has a blank category; leave such rows out");
        }

        var categories = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (categories.Length < 2)
        {
            throw new ArgumentException(categories.Length == 0
                ? "there are no labeled examples to train on"
                : $"every example has the category '{categories[0]}'; a categorizer needs at least 2 categories to choose from");
        }

        return categories;
    }

    private static LinearTextModel Fit(IReadOnlyList<LabeledExample> train, string[] categories, TrainingOptions options, CancellationToken cancellationToken)
    {
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        return LinearTextTrainer.Fit(train.Select(e => e.Text).ToArray(), train.Select(e => index[e.Label]).ToArray(), categories, options.Svm,
            threads: options.Threads, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The calibration error the held-out examples would see from a calibration they did not fit: each half (even and
    /// odd positions) scored by a calibration fitted on the other half. The model keeps the calibration fitted on all.
    /// </summary>
    private static double CrossFittedCalibrationError(double[] margins, bool[] right)
    {
        if (margins.Length < 4)
        {
            return 0;
        }

        var outOfFold = new List<(double Confidence, bool Right)>(margins.Length);
        for (var half = 0; half < 2; half++)
        {
            var fit = Enumerable.Range(0, margins.Length).Where(i => i % 2 != half).ToArray();
            var calibration = PlattScaling.Fit(fit.Select(i => margins[i]).ToArray(), fit.Select(i => right[i]).ToArray());
            for (var i = half; i < margins.Length; i += 2)
            {
                outOfFold.Add((calibration.Probability(margins[i]), right[i]));
            }
        }

        return CalibrationError.Expected(outOfFold);
    }
}
