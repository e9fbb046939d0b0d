using Scalability.Grains.Processing;
using Xunit.Abstractions;

namespace Scalability.Tests.Processing;

public sealed class KeywordCategorizerTests(ITestOutputHelper output)
{
    private static readonly KeywordCategorizer Categorizer = KeywordCategorizer.Default;

    [Theory]
    [InlineData("I was charged twice for my subscription", "billing")]
    [InlineData("Can you send me a copy of the invoice for March?", "billing")]
    [InlineData("My payment was declined but the money left my bank", "billing")]
    [InlineData("I want my money back", "refund")]
    [InlineData("I returned the headphones two weeks ago and I'm still waiting for the refund", "refund")]
    [InlineData("Please cancel my subscription, I no longer need it", "cancellation")]
    [InlineData("How do I unsubscribe and terminate the contract?", "cancellation")]
    [InlineData("I can't log in, password reset doesn't work", "account_access")]
    [InlineData("I'm locked out of my account after too many attempts", "account_access")]
    [InlineData("The 2FA verification code never arrives", "account_access")]
    [InlineData("The app crashes every time I open it", "technical_issue")]
    [InlineData("I get an error when saving, the device is not working since the firmware update", "technical_issue")]
    [InlineData("My package hasn't arrived and the tracking number shows nothing", "delivery_shipping")]
    [InlineData("Please change the shipping address for my order", "delivery_shipping")]
    [InlineData("Is this charger compatible with my laptop?", "product_question")]
    [InlineData("Does it support dark mode? How do I turn it on?", "product_question")]
    [InlineData("I want to file a complaint about your rude agent", "feedback")]
    [InlineData("A suggestion: your checkout could be simpler. Great service otherwise!", "feedback")]
    [InlineData("Please add me to your newsletter", "other")]
    public void Categorizes_typical_tickets(string text, string expected)
    {
        var prediction = Categorizer.Categorize(text);

        Assert.Equal(expected, prediction.Category);
        Assert.InRange(prediction.Confidence, 0.3, KeywordCategorizer.MaximumConfidence);
    }

    [Theory]
    [InlineData("The weather in Lisbon is lovely this time of year.")]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("12345 !!! ???")]
    public void Unrelated_text_falls_back_to_other_with_low_confidence(string text)
    {
        var prediction = Categorizer.Categorize(text);

        Assert.Equal(SupportTaxonomy.OtherCategory, prediction.Category);
        Assert.Equal(Categorizer.Calibration.NoMatch, prediction.Confidence);
        Assert.InRange(prediction.Confidence, 0.01, 0.3);
    }

    [Fact]
    public void Matching_ignores_case_apostrophes_and_hyphens()
    {
        Assert.Equal("account_access", Categorizer.Categorize("CAN'T SIGN-IN").Category);
        Assert.Equal("technical_issue", Categorizer.Categorize("it doesn’t work").Category);
        Assert.Equal("technical_issue", Categorizer.Categorize("it doesnt work").Category);
    }

    [Fact]
    public void Prefix_terms_match_word_forms()
    {
        foreach (var form in new[] { "refund", "refunds", "refunded", "refunding", "Refundable" })
        {
            Assert.Equal("refund", Categorizer.Categorize(form).Category);
        }
    }

    [Fact]
    public void Phrases_outweigh_their_words()
    {
        // "money" alone says nothing about a refund; "money back" does.
        var scores = Categorizer.Scores("I want my money back");
        var refund = IndexOf("refund");
        Assert.True(scores[refund] >= 3, $"refund scored {scores[refund]}");
    }

    [Fact]
    public void Ties_go_to_the_category_listed_first()
    {
        var taxonomy = SupportTaxonomy.Create(
        [
            new TaxonomyCategory("first", [new TaxonomyTerm("alpha", 1)]),
            new TaxonomyCategory("second", [new TaxonomyTerm("beta", 1)]),
            new TaxonomyCategory("other", []),
        ]);
        var categorizer = new KeywordCategorizer(taxonomy);

        Assert.Equal("first", categorizer.Categorize("beta alpha").Category);
        Assert.Equal("first", categorizer.Categorize("alpha beta").Category);
        Assert.Equal("second", categorizer.Categorize("beta beta alpha").Category);
    }

    [Fact]
    public void Confidence_grows_with_dominance_and_evidence()
    {
        var weak = Categorizer.Categorize("my order").Confidence;
        var single = Categorizer.Categorize("refund").Confidence;
        var strong = Categorizer.Categorize("refund please, I want my money back, reimburse me").Confidence;
        var mixed = Categorizer.Categorize("refund the invoice").Confidence;

        Assert.True(weak < single, $"{weak} < {single}");
        Assert.True(single < strong, $"{single} < {strong}");
        Assert.True(mixed < single, $"{mixed} < {single}");
        Assert.InRange(strong, 0.7, KeywordCategorizer.MaximumConfidence);
    }

    [Fact]
    public void Confidence_stays_below_one_for_overwhelming_evidence()
    {
        var text = string.Join(' ', Enumerable.Repeat("refund money back reimbursement", 500));

        var prediction = Categorizer.Categorize(text);

        Assert.Equal("refund", prediction.Category);
        Assert.InRange(prediction.Confidence, 0.9, KeywordCategorizer.MaximumConfidence);
    }

    [Fact]
    public void Is_deterministic_across_instances()
    {
        var other = new KeywordCategorizer(SupportTaxonomy.Default, ConfidenceCalibration.Default);
        var texts = SyntheticTicketGeneratorTests.GeneratedBodies(300, seed: 7);

        foreach (var text in texts)
        {
            Assert.Equal(Categorizer.Categorize(text), other.Categorize(text));
            Assert.Equal(Categorizer.Categorize(text), Categorizer.Categorize(text));
        }
    }

    [Fact]
    public void Taxonomy_lists_every_category_in_order()
    {
        Assert.Equal(
            ["billing", "refund", "cancellation", "account_access", "technical_issue", "delivery_shipping",
             "product_question", "feedback", "other"],
            SupportTaxonomy.Default.CategoryNames);
        Assert.Equal("other", SupportTaxonomy.Default.FallbackCategory);
    }

    [Theory]
    [InlineData("ab*")]
    [InlineData("two words*")]
    [InlineData("***")]
    public void Custom_taxonomies_reject_bad_terms(string term)
    {
        Assert.Throws<ArgumentException>(() => SupportTaxonomy.Create(
            [new TaxonomyCategory("x", [new TaxonomyTerm(term, 1)]), new TaxonomyCategory("other", [])]));
    }

    [Fact]
    public void Custom_taxonomies_need_their_fallback_and_positive_weights()
    {
        Assert.Throws<ArgumentException>(() => SupportTaxonomy.Create([new TaxonomyCategory("x", [])]));
        Assert.Throws<ArgumentException>(() => SupportTaxonomy.Create(
            [new TaxonomyCategory("x", [new TaxonomyTerm("word", 0)]), new TaxonomyCategory("other", [])]));
        Assert.Throws<ArgumentException>(() => SupportTaxonomy.Create(
            [new TaxonomyCategory("x", [new TaxonomyTerm("Word", 1), new TaxonomyTerm("word", 2)]), new TaxonomyCategory("other", [])]));
    }

    /// <summary>Bitext's categories mapped onto the support taxonomy (<see cref="Quality.QualityDataSets.MapBitextLabel"/>).</summary>
    internal static string? MapBitextLabel(string category, string intent) => Quality.QualityDataSets.MapBitextLabel(category, intent);

    [Fact]
    public void Real_data_accuracy_on_bitext_instructions()
    {
        var rows = SharedData.ReadColumns(SharedData.Bitext, "instruction", "category", "intent");
        Assert.Equal(4514, rows.Count);

        var tallies = new SortedDictionary<string, LabelTally>(StringComparer.Ordinal);
        int scored = 0, correct = 0;
        foreach (var row in rows)
        {
            var (instruction, category, intent) = (row[0], row[1], row[2]);
            var expected = MapBitextLabel(category, intent);
            var predicted = Categorizer.Categorize(instruction).Category;
            var key = expected is null ? $"{category}/{intent} (not scored)" : $"{category} -> {expected}";
            if (!tallies.TryGetValue(key, out var tally))
            {
                tallies[key] = tally = new LabelTally(expected is not null);
            }

            tally.Add(predicted, predicted == expected);
            if (expected is not null)
            {
                scored++;
                correct += predicted == expected ? 1 : 0;
            }
        }

        var accuracy = (double)correct / scored;
        output.WriteLine($"accuracy {accuracy:P1} ({correct}/{scored} scored rows, {rows.Count - scored} not scored)");
        foreach (var (label, tally) in tallies)
        {
            output.WriteLine($"  {label}: {tally}");
        }

        Assert.True(accuracy >= MinimumBitextAccuracy, $"accuracy {accuracy:P1} is below {MinimumBitextAccuracy:P0}");
    }

    // Measured 0.918 (3,714 of 4,047) with the English taxonomy (0.925 before it moved to data and gained the terms of
    // other data sets and sectors); set a little below so that a sensible change to the taxonomy does not fail the
    // test, while a real regression does.
    private const double MinimumBitextAccuracy = 0.90;

    private sealed class LabelTally(bool scored)
    {
        private readonly Dictionary<string, int> _predicted = new(StringComparer.Ordinal);
        private int _rows;
        private int _correct;

        public void Add(string predicted, bool correct)
        {
            _rows++;
            _correct += correct ? 1 : 0;
            _predicted[predicted] = _predicted.GetValueOrDefault(predicted) + 1;
        }

        public override string ToString()
        {
            var predictions = string.Join(", ", _predicted.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key} {p.Value}"));
            var accuracy = scored ? $", {(double)_correct / _rows:P1} right" : "";
            return $"{_rows} rows{accuracy}; predicted {predictions}";
        }
    }

    private static int IndexOf(string category) => SupportTaxonomy.Default.CategoryNames.ToList().IndexOf(category);
}
