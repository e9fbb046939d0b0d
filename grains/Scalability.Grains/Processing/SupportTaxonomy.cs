using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;

namespace Scalability.Grains.Processing;

/// <summary>
/// One keyword or phrase of a category and how strongly it points to that category.
/// </summary>
/// <param name="Text">
/// A word ("invoice"), a word prefix ending in <c>*</c> ("refund*" matches refund, refunds, refunded), a word suffix
/// starting with <c>*</c> (German "*rechnung" matches the heads of compounds: Handyrechnung, Stromrechnung), or a
/// phrase of whole words ("charged twice", "log in"). Matching ignores case, accents ("accès" and "acces", "Rückgabe"
/// and "ruckgabe" are the same word) and apostrophes ("can't" and "cant" are the same word; an elided article is a word
/// of its own when the whole is not a term: "l'abonnement" matches "abonnement"); hyphens and other punctuation
/// separate words ("sign-up" is the phrase "sign up"), and a phrase does not match across the end of a sentence. A
/// word of a text counts as the exact word term if there is one, else as the longest prefix or suffix term it starts
/// or ends with; a phrase adds its weight on top of its words' own.
/// </param>
/// <param name="Weight">How much one occurrence adds to the category's score; positive.</param>
public readonly record struct TaxonomyTerm(string Text, double Weight);

/// <summary>A category of a <see cref="SupportTaxonomy"/> with the terms that point to it.</summary>
public sealed record TaxonomyCategory(string Name, IReadOnlyList<TaxonomyTerm> Terms);

/// <summary>
/// The categories a ticket can be sorted into, in tie-breaking order, with weighted keywords and phrases.
/// Immutable; build a custom one with <see cref="Create"/> (for example from a file), or use <see cref="Default"/>.
/// </summary>
public sealed class SupportTaxonomy
{
    /// <summary>The name of the default fallback category, used when no term matches.</summary>
    public const string OtherCategory = "other";

    /// <summary>The shortest prefix a <c>*</c> term may have: shorter ones would match too many unrelated words.</summary>
    public const int MinimumPrefixLength = 3;

    private SupportTaxonomy(IReadOnlyList<TaxonomyCategory> categories, string fallbackCategory)
    {
        Categories = categories;
        CategoryNames = categories.Select(c => c.Name).ToArray();
        FallbackCategory = fallbackCategory;
    }

    /// <summary>The categories in order; earlier categories win ties.</summary>
    public IReadOnlyList<TaxonomyCategory> Categories { get; }

    public IReadOnlyList<string> CategoryNames { get; }

    /// <summary>The category a text gets when none of the terms occurs in it.</summary>
    public string FallbackCategory { get; }

    /// <summary>
    /// Checks and normalises a taxonomy: category names must be unique and non-empty, the fallback must be one of
    /// them, weights positive and finite, terms unique within a category, prefixes and suffixes single words of at
    /// least <see cref="MinimumPrefixLength"/> characters. Term texts are folded as text is read (lower case, no
    /// accents) with apostrophes removed and punctuation turned into single spaces.
    /// </summary>
    /// <exception cref="ArgumentException">The taxonomy breaks one of the rules.</exception>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    public static SupportTaxonomy Create(IEnumerable<TaxonomyCategory> categories, string fallbackCategory = OtherCategory)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentException.ThrowIfNullOrWhiteSpace(fallbackCategory);

        var normalised = new List<TaxonomyCategory>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            if (string.IsNullOrWhiteSpace(category.Name))
            {
                throw new ArgumentException("a category has no name", nameof(categories));
            }

            if (!names.Add(category.Name))
            {
                throw new ArgumentException($"category '{category.Name}' is listed twice", nameof(categories));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var terms = new List<TaxonomyTerm>(category.Terms.Count);
            foreach (var term in category.Terms)
            {
                var text = NormaliseTerm(term.Text, category.Name);
                if (!double.IsFinite(term.Weight) || term.Weight <= 0)
                {
                    throw new ArgumentException(
                        $"term '{term.Text}' of category '{category.Name}' has weight {term.Weight}; weights must be positive",
                        nameof(categories));
                }

                if (!seen.Add(text))
                {
                    throw new ArgumentException($"term '{text}' is listed twice in category '{category.Name}'", nameof(categories));
                }

                terms.Add(new TaxonomyTerm(text, term.Weight));
            }

            normalised.Add(new TaxonomyCategory(category.Name, terms.ToArray()));
        }

        if (!names.Contains(fallbackCategory))
        {
            throw new ArgumentException($"the fallback category '{fallbackCategory}' is not one of the categories", nameof(fallbackCategory));
        }

        return new SupportTaxonomy(normalised.ToArray(), fallbackCategory);
    }

    /// <summary>
    /// Folds as the categorizer reads text (lower case, no accents, ß as "ss"), drops apostrophes, turns runs of other
    /// punctuation into one space, keeps a final '*' (a prefix) or a leading '*' (a suffix).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    internal static string NormaliseTerm(string? text, string category)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"category '{category}' has an empty term");
        }

        var trimmed = text.Trim();
        var isPrefix = trimmed.EndsWith('*');
        var isSuffix = trimmed.StartsWith('*') && trimmed.Length > 1;
        if (isPrefix && isSuffix)
        {
            throw new ArgumentException($"term '{text}' of category '{category}' is both a prefix and a suffix");
        }

        trimmed = trimmed.Trim('*');
        var builder = new StringBuilder(trimmed.Length);
        var pendingSpace = false;
        foreach (var c in trimmed)
        {
            if (TextScanning.TryFoldKeywordChar(c, out var folded, out var second))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                if (folded != '\0')
                {
                    builder.Append(folded);
                }

                if (second != '\0')
                {
                    builder.Append(second);
                }
            }
            else if (!TextScanning.IsApostrophe(c))
            {
                pendingSpace = true;
            }
        }

        var words = builder.ToString();
        if (words.Length == 0)
        {
            throw new ArgumentException($"term '{text}' of category '{category}' has no letters or digits");
        }

        if (isPrefix || isSuffix)
        {
            var kind = isPrefix ? "prefix" : "suffix";
            if (words.Contains(' ', StringComparison.Ordinal))
            {
                throw new ArgumentException($"{kind} term '{text}' of category '{category}' must be a single word");
            }

            if (words.Length < MinimumPrefixLength)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"{kind} term '{text}' of category '{category}' is shorter than {MinimumPrefixLength} characters"));
            }

            return isPrefix ? words + "*" : "*" + words;
        }

        return words;
    }

    /// <summary>The English taxonomy (<c>Languages/en/taxonomy.json</c>): the default for text of no other language.</summary>
    public static SupportTaxonomy Default => ForLanguage("en");

    /// <summary>
    /// The taxonomy of a supported language, read from <c>Languages/&lt;code&gt;/taxonomy.json</c> once: the same
    /// categories in every language, each with the words customers of that language use for it. Weights: 3 for terms
    /// that name the topic outright ("refund", "Rückerstattung"), 2 for strong hints, 1 or less for words that also
    /// occur in other topics. The fallback category has only weak terms for topics without a category of their own
    /// (newsletters, asking for a human), so a specific signal anywhere in the text wins over them. Where the language's
    /// <c>language.json</c> names transliterations (German "ü" as "ue"), every term is also matched in that spelling.
    /// </summary>
    /// <exception cref="ArgumentException">The language is not supported.</exception>
    /// <exception cref="InvalidDataException">Its taxonomy file breaks a rule of <see cref="Create"/>.</exception>
    public static SupportTaxonomy ForLanguage(string code)
    {
        if (!Languages.SupportedLanguages.IsSupported(code))
        {
            throw new ArgumentException($"'{code}' is not a supported language: use one of {string.Join(", ", Languages.SupportedLanguages.Codes)}", nameof(code));
        }

        return ByLanguage.GetOrAdd(code, static c => Load(c));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SupportTaxonomy> ByLanguage = new(StringComparer.Ordinal);

    private static SupportTaxonomy Load(string code)
    {
        var file = Languages.LanguageResources.Taxonomy(code);
        var transliterations = Languages.LanguageResources.Info(code).Transliterations ?? new Dictionary<string, string>();
        try
        {
            return Create(file.Categories.Select(category => new TaxonomyCategory(category.Name, WithSpellings(category, transliterations))));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Languages/{code}/taxonomy.json: {e.Message}", e);
        }
    }

    /// <summary>
    /// The category's terms as written and, for those with a letter that is also transliterated, as transliterated
    /// (unless the file lists that spelling itself).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    private static TaxonomyTerm[] WithSpellings(Languages.TaxonomyFileCategory category, IReadOnlyDictionary<string, string> transliterations)
    {
        var written = category.Terms.SelectMany(group => group.Words.Select(word => new TaxonomyTerm(word, group.Weight))).ToList();
        var seen = written.Select(term => NormaliseTerm(term.Text, category.Name)).ToHashSet(StringComparer.Ordinal);
        var terms = new List<TaxonomyTerm>(written);
        foreach (var term in written)
        {
            var transliterated = term.Text.ToLowerInvariant();
            foreach (var (letter, spelling) in transliterations)
            {
                transliterated = transliterated.Replace(letter, spelling, StringComparison.Ordinal);
            }

            if (seen.Add(NormaliseTerm(transliterated, category.Name)))
            {
                terms.Add(term with { Text = transliterated });
            }
        }

        return [.. terms];
    }
}
