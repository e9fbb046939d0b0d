using System.Globalization;
using System.Text;

namespace Scalability.Grains.Processing;

/// <summary>
/// One keyword or phrase of a category and how strongly it points to that category.
/// </summary>
/// <param name="Text">
/// A word ("invoice"), a word prefix ending in <c>*</c> ("refund*" matches refund, refunds, refunded), or a phrase of
/// whole words ("charged twice", "log in"). Matching ignores case and apostrophes ("can't" and "cant" are the same
/// word); hyphens and other punctuation separate words ("sign-up" is the phrase "sign up"), and a phrase does not
/// match across the end of a sentence. A word of a text counts as the exact word term if there is one, else as the
/// longest prefix term it starts with; a phrase adds its weight on top of its words' own.
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
    /// them, weights positive and finite, terms unique within a category, prefixes single words of at least
    /// <see cref="MinimumPrefixLength"/> characters. Term texts are lower-cased with apostrophes removed and
    /// punctuation turned into single spaces.
    /// </summary>
    /// <exception cref="ArgumentException">The taxonomy breaks one of the rules.</exception>
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

    /// <summary>Lower-cases, drops apostrophes, turns runs of other punctuation into one space, keeps a final '*'.</summary>
    private static string NormaliseTerm(string? text, string category)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"category '{category}' has an empty term");
        }

        var trimmed = text.Trim();
        var isPrefix = trimmed.EndsWith('*');
        if (isPrefix)
        {
            trimmed = trimmed[..^1];
        }

        var builder = new StringBuilder(trimmed.Length);
        var pendingSpace = false;
        foreach (var c in trimmed)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
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

        if (isPrefix)
        {
            if (words.Contains(' ', StringComparison.Ordinal))
            {
                throw new ArgumentException($"prefix term '{text}' of category '{category}' must be a single word");
            }

            if (words.Length < MinimumPrefixLength)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"prefix term '{text}' of category '{category}' is shorter than {MinimumPrefixLength} characters"));
            }

            return words + "*";
        }

        return words;
    }

    /// <summary>
    /// A general customer-support taxonomy. Weights: 3 for terms that name the topic outright ("refund",
    /// "password"), 2 for strong hints, 1 or less for words that also occur in other topics. The fallback category
    /// has only weak terms for topics without a category of their own (newsletters, asking for a human), so a
    /// specific signal anywhere in the text wins over them.
    /// </summary>
    public static SupportTaxonomy Default { get; } = Create(
    [
        new("billing",
        [
            new("invoice*", 3), new("bill*", 2.5), new("charge", 2), new("charged", 2.5), new("charges", 2),
            new("overcharg*", 3), new("charged twice", 3), new("double charged", 3), new("charged me twice", 3),
            new("pay", 2), new("paid", 1.5), new("paying", 1.5), new("payment*", 2.5), new("payment method", 1),
            new("receipt*", 2), new("transaction*", 2), new("credit card", 2), new("debit card", 2), new("paypal", 2),
            new("bank transfer", 2), new("bank statement", 2), new("fee", 1), new("fees", 1), new("vat", 1.5),
            new("tax", 1), new("installment*", 2), new("overdue", 1.5), new("coupon*", 1.5), new("promo code", 1.5),
            new("discount*", 1),
        ]),
        new("refund",
        [
            new("refund*", 3), new("money back", 3), new("reimburs*", 3), new("rebat*", 2), new("restitution*", 2),
            new("compensat*", 2), new("chargeback", 2), new("return", 1.5), new("returns", 1.5),
            new("returned", 1.5), new("returning", 1.5), new("return policy", 1.5), new("return label", 1),
            new("send it back", 2), new("get my money", 2),
        ]),
        new("cancellation",
        [
            new("cancel*", 3), new("terminat*", 2.5), new("unsubscrib*", 3), new("opt out", 2),
            new("stop my subscription", 3), new("end my subscription", 3), new("end my contract", 3),
            new("close my account", 2), new("withdraw*", 2.5), new("early exit", 3), new("exit fee", 2),
            new("penalt*", 1.5), new("no longer need", 2), new("no longer want", 2), new("auto renewal", 2),
            new("automatic renewal", 2), new("cancellation fee", 1),
        ]),
        new("account_access",
        [
            new("password*", 3), new("passcode*", 3), new("login*", 3), new("log in", 3), new("log into", 3),
            new("logged out", 2), new("sign in", 3), new("signing in", 3), new("sign into", 3), new("signin", 3),
            new("locked out", 3), new("lockout", 3), new("locked", 1.5), new("username*", 3), new("user name", 3),
            new("account*", 1.5), new("profile*", 1.5), new("two factor", 2.5), new("2fa", 2.5), new("mfa", 2),
            new("verification code", 2.5), new("security code", 2), new("otp", 2), new("authenticat*", 2.5),
            new("credential*", 2.5), new("sign up", 2), new("signup", 2), new("regist*", 2), new("reset link", 2),
            new("email address", 1.5), new("hacked", 2.5), new("compromised", 2), new("access", 1),
            new("verif*", 1.5), new("pin", 2.5), new("pwd", 3), new("personal information", 2),
            new("personal details", 2), new("personal data", 1.5),
        ]),
        new("technical_issue",
        [
            new("crash*", 3), new("error*", 2), new("bug", 2.5), new("bugs", 2.5), new("buggy", 2.5),
            new("glitch*", 2.5), new("not working", 3), new("isnt working", 3), new("doesnt work", 3),
            new("does not work", 3), new("stopped working", 3), new("wont work", 3), new("wont turn on", 3),
            new("wont start", 2.5), new("not loading", 2.5), new("wont load", 2.5), new("broken", 2),
            new("freez*", 2.5), new("froze", 2.5), new("frozen", 1.5), new("blue screen", 3), new("malfunction*", 3),
            new("defect*", 2), new("fault*", 1.5), new("overheat*", 2.5), new("restart*", 1.5), new("reboot*", 2),
            new("slow", 1.5), new("lag*", 2), new("install*", 2), new("uninstall*", 2), new("reinstall*", 2),
            new("firmware", 2.5), new("software", 1.5), new("update*", 1), new("connect*", 1.5),
            new("disconnect*", 2), new("wifi", 2), new("wi fi", 2), new("bluetooth", 2), new("battery", 1.5),
            new("screen", 1), new("display", 1), new("app", 1), new("troubleshoot*", 2.5), new("issue*", 0.5),
            new("problem*", 0.5), new("device*", 1), new("data loss", 2), new("sync*", 2), new("timeout", 2),
            new("timed out", 2), new("technical", 2),
        ]),
        new("delivery_shipping",
        [
            new("deliver*", 2.5), new("ship*", 2.5), new("shipping address", 3), new("delivery address", 3),
            new("address*", 1), new("track*", 2), new("tracking number", 2), new("package*", 2), new("parcel*", 2.5),
            new("courier*", 2.5), new("carrier*", 1.5), new("arriv*", 1.5), new("transit", 2), new("dispatch*", 2),
            new("postage", 2), new("postal", 1.5), new("post office", 2), new("fedex", 2.5), new("dhl", 2.5),
            new("usps", 2.5), new("where is my order", 3), new("order status", 2), new("order*", 0.5),
            new("delay*", 1.5), new("late", 1), new("eta", 2), new("wrong item", 2), new("missing item", 2),
            new("damaged", 1), new("how soon", 1.5), new("locate", 1), new("status", 0.5), new("pick up", 1.5), new("pickup", 1.5), new("warehouse", 1.5),
        ]),
        new("product_question",
        [
            new("compatib*", 3), new("how do i", 1), new("how to", 0.75), new("how can i", 0.75),
            new("does it support", 3), new("does it work with", 3), new("work with", 1.5), new("works with", 1.5),
            new("does it come with", 3), new("does it have", 2), new("can i use", 2), new("do you sell", 2.5),
            new("do you offer", 1.5), new("spec", 2), new("specs", 2), new("specification*", 2.5),
            new("feature*", 2), new("in stock", 2.5), new("out of stock", 2.5), new("stock", 1), new("availab*", 1),
            new("size", 1.5), new("sizes", 1.5), new("sizing", 1.5), new("color*", 1.5), new("colour*", 1.5),
            new("dimension*", 2), new("warranty", 2), new("guarantee", 1.5), new("manual", 1.5),
            new("instructions", 1.5), new("user guide", 2), new("difference between", 2), new("recommend*", 1),
            new("model*", 1), new("version", 1), new("price*", 1.5), new("pricing", 1.5), new("cost", 1),
            new("costs", 1), new("how much", 1.5), new("product*", 1), new("buy", 1), new("accessor*", 1.5),
            new("question*", 1),
        ]),
        new("feedback",
        [
            new("complain*", 3), new("feedback", 3), new("review*", 3), new("suggest*", 3), new("rating*", 2),
            new("satisf*", 1.5), new("dissatisf*", 2.5), new("unsatisf*", 2.5), new("disappoint*", 2.5),
            new("terrible", 2), new("awful", 2), new("horrible", 2), new("poor service", 3), new("bad service", 3),
            new("great service", 3), new("excellent service", 3), new("excellent", 1.5), new("amazing", 1.5),
            new("fantastic", 1.5), new("love", 1), new("praise", 2), new("compliment*", 2.5), new("improv*", 1.5),
            new("opinion*", 2.5), new("comment*", 2), new("unhappy", 2), new("not happy", 2),
            new("reclamation*", 3), new("survey*", 2), new("rude", 2.5), new("unprofessional", 2.5),
            new("experience", 1),
        ]),
        new(OtherCategory,
        [
            new("newsletter*", 3), new("mailing list", 3), new("marketing emails", 2.5),
            new("promotional emails", 2.5), new("agent", 1), new("representative", 1), new("human", 1),
            new("real person", 1.5), new("operator", 1), new("customer service", 1.5), new("customer support", 1.5),
            new("customer assistance", 1.5), new("speak", 1), new("talk to", 1), new("talk with", 1),
            new("phone number", 1), new("opening hours", 1.5), new("business hours", 1.5), new("partnership*", 2),
            new("career*", 2), new("job", 1.5), new("jobs", 1.5), new("sponsor*", 2), new("franchis*", 2),
        ]),
    ]);
}
