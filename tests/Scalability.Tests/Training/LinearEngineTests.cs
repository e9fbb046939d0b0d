using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Training;
using Scalability.Grains.Processing.Training.Linear;

namespace Scalability.Tests.Training;

/// <summary>The trained categorizer's engine in its parts: terms, TF-IDF, the SVM solver, calibration and folds.</summary>
public sealed class LinearEngineTests
{
    [Fact]
    public void Words_are_runs_of_two_or_more_word_characters_lower_cased_and_pairs_skip_the_one_letter_ones()
    {
        var terms = Terms("I can't PAY a bill_2, ok?");

        // sklearn's \b\w\w+\b: "can", "pay", "bill_2", "ok" ("I", "t" and "a" are too short); pairs of adjacent words.
        ulong[] words = [Word("can"), Word("pay"), Word("bill_2"), Word("ok")];
        Assert.Equal(
            [words[0], words[1], WordNgrams.Pair(words[0], words[1]), words[2], WordNgrams.Pair(words[1], words[2]), words[3], WordNgrams.Pair(words[2], words[3])],
            terms);
        Assert.Equal(Terms("können Sie überweisen"), Terms("KÖNNEN sie Überweisen"));
        Assert.NotEqual(WordNgrams.Pair(words[0], words[1]), WordNgrams.Pair(words[1], words[0]));
    }

    [Fact]
    public void The_vocabulary_keeps_terms_in_two_or_more_texts_with_the_smoothed_idf_and_unit_length_vectors()
    {
        var vocabulary = TfidfVocabulary.Fit(["apple pie", "apple tart", "pie chart"]);

        // apple and pie are in two texts each; tart, chart and every pair in one.
        Assert.Equal(new[] { Word("apple"), Word("pie") }.Order(), vocabulary.Terms);
        var idf = (float)(Math.Log(4.0 / 3.0) + 1);
        Assert.All(vocabulary.Idf, v => Assert.Equal(idf, v));

        var scratch = vocabulary.CreateScratch();
        vocabulary.Featurize("Apple apple pie, and a tart", scratch);
        var values = Enumerable.Range(0, scratch.Length).ToDictionary(i => vocabulary.Terms[scratch.Indices[i]], i => scratch.Values[i]);
        var apple = (1 + Math.Log(2)) * idf;
        var pie = 1.0 * idf;
        var norm = Math.Sqrt(apple * apple + pie * pie);
        Assert.Equal(2, values.Count);
        Assert.Equal(apple / norm, values[Word("apple")], 6);
        Assert.Equal(pie / norm, values[Word("pie")], 6);

        vocabulary.Featurize("nothing known here", scratch);
        Assert.Equal(0, scratch.Length);
    }

    [Fact]
    public void The_svm_separates_what_is_separable_and_fits_the_same_model_on_one_thread_or_many()
    {
        var (texts, labels, categories) = ThreeTopics();

        var one = LinearTextTrainer.Fit(texts, labels, categories, threads: 1);
        var many = LinearTextTrainer.Fit(texts, labels, categories, threads: 3);

        Assert.Equal(one.Weights, many.Weights);
        Assert.Equal(one.Biases, many.Biases);
        var scored = new (int Category, double Margin)[texts.Length];
        one.Score(texts, scored);
        Assert.Equal(labels, scored.Select(s => s.Category));
        Assert.All(scored, s => Assert.True(s.Margin > 0));
    }

    [Fact]
    public void A_hyperplane_satisfies_the_margins_of_a_separable_problem_within_the_tolerance()
    {
        var (texts, labels, _) = ThreeTopics();
        var vocabulary = TfidfVocabulary.Fit(texts);
        var rows = SparseRows.Featurize(vocabulary, texts);

        var plane = LinearSvm.FitOneVersusRest(rows, labels, positive: 1, new LinearSvmOptions());

        Assert.True(plane.Converged, $"not converged after {plane.Passes} passes");
        for (var i = 0; i < rows.Count; i++)
        {
            var margin = plane.Bias;
            var indices = rows.RowIndices(i);
            var values = rows.RowValues(i);
            for (var k = 0; k < indices.Length; k++)
            {
                margin += plane.Weights[indices[k]] * values[k];
            }

            Assert.True(labels[i] == 1 ? margin > 0 : margin < 0, $"example {i} ('{texts[i]}') is on the wrong side: {margin:0.000}");
        }
    }

    [Fact]
    public void Platt_scaling_recovers_the_sigmoid_the_outcomes_were_drawn_from()
    {
        // At each score s, 1,000 outcomes of which round(1000 · p(s)) are right, with p(s) = 1 / (1 + exp(-2s + 1)).
        var scores = new List<double>();
        var right = new List<bool>();
        for (var s = -2.0; s <= 3.0; s += 0.25)
        {
            var rightCount = (int)Math.Round(1000 / (1 + Math.Exp(-2 * s + 1)));
            for (var i = 0; i < 1000; i++)
            {
                scores.Add(s);
                right.Add(i < rightCount);
            }
        }

        var fit = PlattScaling.Fit(scores, right);

        Assert.Equal(-2, fit.A, 1);
        Assert.Equal(1, fit.B, 1);
        Assert.True(fit.Probability(1.5) > fit.Probability(0.5));
        Assert.InRange(fit.Probability(1e6), 0.999, 1);
        Assert.InRange(fit.Probability(-1e6), 0, 0.001);
    }

    [Fact]
    public void The_calibration_error_is_the_size_weighted_gap_between_confidence_and_accuracy_per_bin()
    {
        // Bin [0.9, 1]: 4 at 0.9, 3 right (gap 0.15 over 4); bin [0.5, 0.6): 2 at 0.5, 1 right (gap 0 over 2).
        (double, bool)[] predictions = [(0.9, true), (0.9, true), (0.9, true), (0.9, false), (0.5, true), (0.5, false)];

        Assert.Equal(4 * 0.15 / 6, CalibrationError.Expected(predictions), 12);
        Assert.Equal(0, CalibrationError.Expected([]));
    }

    [Fact]
    public void Cross_validation_scores_every_fold_and_reports_their_mean_and_spread()
    {
        var (texts, labels, categories) = ThreeTopics();
        var examples = texts.Select((t, i) => new LabeledExample(i + 1, t, categories[labels[i]])).ToArray();

        var result = CategorizerTrainer.CrossValidate(examples, 3, new TrainingOptions());

        Assert.Equal(3, result.Folds);
        Assert.Equal(3, result.MacroF1.Count);
        Assert.Equal(result.MacroF1.Average(), result.Mean, 12);
        Assert.Equal(Math.Sqrt(result.MacroF1.Average(f => (f - result.Mean) * (f - result.Mean))), result.StandardDeviation, 12);
        var error = Assert.Throws<ArgumentException>(() => CategorizerTrainer.CrossValidate(examples, 7, new TrainingOptions()));
        Assert.Equal("the category 'billing' has 6 examples, fewer than the 7 folds", error.Message);
        Assert.Equal("cross-validation needs at least 2 folds (got 1)",
            Assert.Throws<ArgumentException>(() => CategorizerTrainer.CrossValidate(examples, 1, new TrainingOptions())).Message);
    }

    [Fact]
    public void A_batch_is_categorized_exactly_as_its_tickets_one_by_one()
    {
        var (texts, labels, categories) = ThreeTopics();
        var examples = texts.Select((t, i) => new LabeledExample(i + 1, t, categories[labels[i]])).ToArray();
        var categorizer = CategorizerTrainer.Train(examples, new TrainingOptions { TestFraction = 0.34 }).Categorizer;
        string[] batch = [.. texts, "", "  ", "nothing the model knows"];

        var predictions = new CategoryPrediction[batch.Length];
        categorizer.Categorize(batch, predictions);

        Assert.Equal(batch.Select(categorizer.Categorize), predictions);
        Assert.Equal(new CategoryPrediction(categorizer.FallbackCategory, 0), predictions[texts.Length]);
    }

    private static ulong Word(string word) => WordNgrams.Word(word);

    private static ulong[] Terms(string text)
    {
        var sink = new Collect([]);
        WordNgrams.Hash(text, ref sink);
        return [.. sink.Terms];
    }

    private static (string[] Texts, int[] Labels, string[] Categories) ThreeTopics()
    {
        string[] categories = ["billing", "delivery", "login"];
        string[][] texts =
        [
            ["charged twice on my invoice", "the invoice amount is wrong", "why was my card charged", "invoice charged again this month",
             "a charge on my card I do not know", "wrong amount on the invoice"],
            ["the parcel has not arrived", "where is my parcel", "courier lost the parcel", "parcel arrived damaged by the courier",
             "tracking says the parcel is late", "the courier never came"],
            ["cannot log in to my account", "password reset does not work", "locked out after the password change",
             "log in fails with my password", "account locked, cannot log in", "reset my password please"],
        ];
        return ([.. texts.SelectMany(t => t)], [.. texts.SelectMany((t, c) => t.Select(_ => c))], categories);
    }

    private readonly struct Collect(List<ulong> terms) : ITermSink
    {
        public List<ulong> Terms { get; } = terms;

        public void Add(ulong term) => Terms.Add(term);
    }
}
