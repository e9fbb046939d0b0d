using System.Collections.Frozen;
using Scalability.Grains.Processing.Languages;

namespace Scalability.Grains.Processing.Summaries;

/// <summary>A phrase of the boilerplate lists as word hashes, and what it opens.</summary>
internal readonly record struct Phrase(ulong[] Words, PhraseKinds Kinds);

/// <summary>
/// The boilerplate lists and stop words of every supported language, merged and hashed for lookups that cost one
/// table probe per word: the summarizer does not know a ticket's language, and the lists of different languages
/// rarely collide (where they do, a word simply has both languages' flags).
/// </summary>
internal sealed class SummaryLexicon
{
    private readonly WordTable _words;
    private readonly FrozenDictionary<ulong, Phrase[]> _phrases;

    private SummaryLexicon(WordTable words, FrozenDictionary<ulong, Phrase[]> phrases,
        FrozenSet<ulong> replyPrefixes, QuoteMarkers quoting)
    {
        _words = words;
        _phrases = phrases;
        ReplyPrefixes = replyPrefixes;
        Quoting = quoting;
    }

    /// <summary>The lists of <see cref="SupportedLanguages.Codes"/> with <see cref="LanguageResources.AllStopWords"/>.</summary>
    public static SummaryLexicon Default { get; } = Build(
        SupportedLanguages.Codes.Select(code => LanguageResources.Read<BoilerplateFile>(code, "boilerplate")),
        LanguageResources.AllStopWords);

    /// <summary>Word hashes of subject prefixes such as "re" and "aw".</summary>
    public FrozenSet<ulong> ReplyPrefixes { get; }

    public QuoteMarkers Quoting { get; }

    public WordFlags Flags(ulong hash) => _words.Get(hash);

    /// <summary>The phrases whose first word has this hash, longest first; empty when none.</summary>
    public ReadOnlySpan<Phrase> PhrasesStartingWith(ulong hash) =>
        _phrases.TryGetValue(hash, out var phrases) ? phrases : [];

    /// <exception cref="InvalidDataException">A file lacks a list, or a list has an entry without a word.</exception>
    public static SummaryLexicon Build(IEnumerable<BoilerplateFile> files, IEnumerable<string> stopWords)
    {
        var words = new Dictionary<ulong, WordFlags>();
        var phrases = new Dictionary<string, (ulong[] Words, PhraseKinds Kinds)>(StringComparer.Ordinal);
        var replyPrefixes = new HashSet<ulong>();
        var attributionOpeners = new List<string>();
        var attributionVerbs = new List<string>();
        var fromFields = new List<string>();
        var headerFields = new List<string>();
        var separators = new List<string>();

        foreach (var word in stopWords)
        {
            AddWord(words, word, WordFlags.Stop, "stop words", "language.json");
        }

        foreach (var file in files)
        {
            var where = $"{file.Code ?? "?"}/boilerplate.json";
            AddPhrases(phrases, Required(file.Greetings, where, "greetings"), PhraseKinds.Greeting, where, "greetings");
            AddPhrases(phrases, Required(file.Valedictions, where, "valedictions"), PhraseKinds.Valediction, where, "valedictions");
            AddPhrases(phrases, Required(file.SignatureLines, where, "signatureLines"), PhraseKinds.SignatureLine, where, "signatureLines");
            AddWords(words, Required(file.Addressees, where, "addressees"), WordFlags.Addressee, where, "addressees");
            AddWords(words, Required(file.ClosingWords, where, "closingWords"), WordFlags.Closing, where, "closingWords");
            AddWords(words, Required(file.FillerWords, where, "fillerWords"), WordFlags.Filler, where, "fillerWords");
            AddWords(words, Required(file.ContactLabels, where, "contactLabels"), WordFlags.ContactLabel, where, "contactLabels");
            AddWords(words, Required(file.DisclaimerCues, where, "disclaimerCues"), WordFlags.Disclaimer, where, "disclaimerCues");
            AddWords(words, Required(file.ProblemCues, where, "problemCues"), WordFlags.Problem, where, "problemCues");
            AddWords(words, Required(file.RequestCues, where, "requestCues"), WordFlags.Request, where, "requestCues");
            AddWords(words, Required(file.NoiseWords, where, "noiseWords"), WordFlags.Noise, where, "noiseWords");
            AddWords(words, Required(file.Months, where, "months"), WordFlags.Month | WordFlags.Noise, where, "months");
            foreach (var prefix in Required(file.ReplyPrefixes, where, "replyPrefixes"))
            {
                replyPrefixes.Add(SingleWord(prefix, where, "replyPrefixes"));
            }

            var quoting = file.Quoting ?? throw new InvalidDataException($"{where} has no 'quoting'");
            attributionOpeners.AddRange(Required(quoting.AttributionOpeners, where, "quoting.attributionOpeners"));
            attributionVerbs.AddRange(Required(quoting.AttributionVerbs, where, "quoting.attributionVerbs"));
            fromFields.AddRange(Required(quoting.FromFields, where, "quoting.fromFields"));
            headerFields.AddRange(Required(quoting.HeaderFields, where, "quoting.headerFields"));
            separators.AddRange(Required(quoting.Separators, where, "quoting.separators"));
        }

        var byFirstWord = phrases.Values
            .GroupBy(p => p.Words[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).Select(p => new Phrase(p.Words, p.Kinds)).ToArray());
        var markers = new QuoteMarkers(attributionOpeners, attributionVerbs, fromFields, headerFields, separators);
        return new SummaryLexicon(new WordTable(words), byFirstWord, replyPrefixes.ToFrozenSet(), markers);
    }

    private static IReadOnlyList<string> Required(IReadOnlyList<string>? list, string where, string member) =>
        list ?? throw new InvalidDataException($"{where} has no '{member}' list");

    private static void AddWords(Dictionary<ulong, WordFlags> words, IReadOnlyList<string> entries, WordFlags flag, string where, string member)
    {
        foreach (var entry in entries)
        {
            AddWord(words, entry, flag, member, where);
        }
    }

    /// <summary>Flags every word of an entry: "e-mail" is the words "e" and "mail" to the scanner.</summary>
    private static void AddWord(Dictionary<ulong, WordFlags> words, string entry, WordFlags flag, string member, string where)
    {
        var hashes = WordScanner.Hashes(entry);
        if (hashes.Length == 0)
        {
            throw new InvalidDataException($"{where}: the entry '{entry}' of '{member}' has no letters or digits");
        }

        foreach (var hash in hashes)
        {
            words[hash] = words.GetValueOrDefault(hash) | flag;
        }
    }

    private static ulong SingleWord(string entry, string where, string member)
    {
        var hashes = WordScanner.Hashes(entry);
        return hashes.Length == 1
            ? hashes[0]
            : throw new InvalidDataException($"{where}: the entry '{entry}' of '{member}' must be one word");
    }

    private static void AddPhrases(Dictionary<string, (ulong[] Words, PhraseKinds Kinds)> phrases, IReadOnlyList<string> entries,
        PhraseKinds kind, string where, string member)
    {
        foreach (var entry in entries)
        {
            var hashes = WordScanner.Hashes(entry);
            if (hashes.Length == 0)
            {
                throw new InvalidDataException($"{where}: the entry '{entry}' of '{member}' has no letters or digits");
            }

            var key = string.Join(' ', hashes);
            phrases[key] = phrases.TryGetValue(key, out var known) ? (known.Words, known.Kinds | kind) : (hashes, kind);
        }
    }
}
