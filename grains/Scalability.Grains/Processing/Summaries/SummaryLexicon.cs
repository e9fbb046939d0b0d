using Scalability.Grains.Processing.Languages;

namespace Scalability.Grains.Processing.Summaries;

/// <summary>A phrase of the boilerplate lists as word hashes, and what it opens.</summary>
internal sealed class Phrase(ulong[] words, PhraseKinds kinds)
{
    public ulong[] Words { get; } = words;

    public PhraseKinds Kinds { get; set; } = kinds;
}

/// <summary>
/// The boilerplate lists and stop words of every supported language, merged and hashed for lookups that cost one
/// table probe per word: the summarizer does not know a ticket's language, and the lists of different languages
/// rarely collide (where they do, a word simply has both languages' flags).
/// </summary>
internal sealed class SummaryLexicon
{
    private readonly WordTable _words;
    private readonly ulong[] _phraseFirstWords;
    private readonly Phrase[] _phrases;

    private SummaryLexicon(WordTable words, ulong[] phraseFirstWords, Phrase[] phrases, QuoteMarkers quoting)
    {
        _words = words;
        _phraseFirstWords = phraseFirstWords;
        _phrases = phrases;
        Quoting = quoting;
    }

    // The lists of a file by name, in the order Build reads them (before Default, which needs them built).
    private static readonly string[] PhraseListNames = ["greetings", "valedictions", "signatureLines"];
    private static readonly PhraseKinds[] PhraseListKinds = [PhraseKinds.Greeting, PhraseKinds.Valediction, PhraseKinds.SignatureLine];

    private static readonly string[] WordListNames =
        ["addressees", "closingWords", "fillerWords", "contactLabels", "disclaimerCues", "problemCues", "requestCues", "noiseWords", "months"];

    private static readonly WordFlags[] WordListFlags =
    [
        WordFlags.Addressee, WordFlags.Closing, WordFlags.Filler, WordFlags.ContactLabel, WordFlags.Disclaimer, WordFlags.Problem,
        WordFlags.Request, WordFlags.Noise, WordFlags.Month | WordFlags.Noise,
    ];

    /// <summary>
    /// The lists of <see cref="SupportedLanguages.Codes"/> with the stop words of their <c>language.json</c> (those of
    /// <see cref="LanguageResources.AllStopWords"/>), read by <see cref="LanguageFiles"/>.
    /// </summary>
    public static SummaryLexicon Default { get; } = Build(
        SupportedLanguages.Codes.Select(LanguageFiles.ReadBoilerplate),
        SupportedLanguages.Codes.SelectMany(LanguageFiles.ReadStopWords));

    public QuoteMarkers Quoting { get; }

    public WordFlags Flags(ulong hash) => _words.Get(hash);

    /// <summary>Whether a word is a subject's reply or forward prefix ("re", "aw", "fwd").</summary>
    public bool IsReplyPrefix(ulong hash) => (_words.Get(hash) & WordFlags.ReplyPrefix) != 0;

    /// <summary>The phrases whose first word has this hash, longest first; empty when none.</summary>
    public ReadOnlySpan<Phrase> PhrasesStartingWith(ulong hash)
    {
        var low = 0;
        var high = _phraseFirstWords.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_phraseFirstWords[middle] < hash)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var end = low;
        while (end < _phraseFirstWords.Length && _phraseFirstWords[end] == hash)
        {
            end++;
        }

        return _phrases.AsSpan(low, end - low);
    }

    /// <exception cref="InvalidDataException">A file lacks a list, or a list has an entry without a word.</exception>
    public static SummaryLexicon Build(IEnumerable<BoilerplateFile> files, IEnumerable<string> stopWords)
    {
        var all = files.ToArray();
        var stops = stopWords.ToArray();
        var capacity = stops.Length;
        foreach (var file in all)
        {
            capacity += Count(file);
        }

        // Plain collections of references: generic ones over value types would cost more to compile, when a job
        // starts, than they save.
        var words = new WordTable(capacity * 2);
        var phrases = new Dictionary<string, Phrase>(StringComparer.Ordinal);
        var attributionOpeners = new List<string>();
        var attributionVerbs = new List<string>();
        var fromFields = new List<string>();
        var headerFields = new List<string>();
        var separators = new List<string>();

        foreach (var word in stops)
        {
            AddWord(words, word, WordFlags.Stop, "stop words", "language.json");
        }

        foreach (var file in all)
        {
            var where = $"{file.Code ?? "?"}/boilerplate.json";
            IReadOnlyList<string>?[] phraseLists = [file.Greetings, file.Valedictions, file.SignatureLines];
            for (var i = 0; i < phraseLists.Length; i++)
            {
                AddPhrases(phrases, Required(phraseLists[i], where, PhraseListNames[i]), PhraseListKinds[i], where, PhraseListNames[i]);
            }

            IReadOnlyList<string>?[] wordLists =
            [
                file.Addressees, file.ClosingWords, file.FillerWords, file.ContactLabels, file.DisclaimerCues, file.ProblemCues,
                file.RequestCues, file.NoiseWords, file.Months,
            ];
            for (var i = 0; i < wordLists.Length; i++)
            {
                foreach (var entry in Required(wordLists[i], where, WordListNames[i]))
                {
                    AddWord(words, entry, WordListFlags[i], WordListNames[i], where);
                }
            }

            foreach (var prefix in Required(file.ReplyPrefixes, where, "replyPrefixes"))
            {
                var hashes = WordScanner.Hashes(prefix);
                if (hashes.Length != 1)
                {
                    throw new InvalidDataException($"{where}: the entry '{prefix}' of 'replyPrefixes' must be one word");
                }

                words.Add(hashes[0], WordFlags.ReplyPrefix);
            }

            var quoting = file.Quoting ?? throw new InvalidDataException($"{where} has no 'quoting'");
            attributionOpeners.AddRange(Required(quoting.AttributionOpeners, where, "quoting.attributionOpeners"));
            attributionVerbs.AddRange(Required(quoting.AttributionVerbs, where, "quoting.attributionVerbs"));
            fromFields.AddRange(Required(quoting.FromFields, where, "quoting.fromFields"));
            headerFields.AddRange(Required(quoting.HeaderFields, where, "quoting.headerFields"));
            separators.AddRange(Required(quoting.Separators, where, "quoting.separators"));
        }

        // By first word, longest first, so that "sehr geehrte damen und herren" is tried before "sehr geehrte"; sorted
        // arrays and a binary search rather than a dictionary of a value-type key, one more class to compile.
        var sorted = new Phrase[phrases.Count];
        phrases.Values.CopyTo(sorted, 0);
        Array.Sort(sorted, static (x, y) => x.Words[0] != y.Words[0] ? x.Words[0].CompareTo(y.Words[0]) : y.Words.Length.CompareTo(x.Words.Length));
        var firsts = new ulong[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            firsts[i] = sorted[i].Words[0];
        }

        var markers = new QuoteMarkers(attributionOpeners, attributionVerbs, fromFields, headerFields, separators);
        return new SummaryLexicon(words, firsts, sorted, markers);
    }

    private static int Count(BoilerplateFile file)
    {
        var count = 0;
        foreach (var list in new[] { file.Addressees, file.ClosingWords, file.FillerWords, file.ContactLabels, file.DisclaimerCues,
                     file.ProblemCues, file.RequestCues, file.NoiseWords, file.Months, file.ReplyPrefixes })
        {
            // A list may hold an entry of several words ("e-mail"), so each entry's length bounds its words.
            foreach (var entry in list ?? [])
            {
                count += 1 + (entry.Length / 2);
            }
        }

        return count;
    }

    private static IReadOnlyList<string> Required(IReadOnlyList<string>? list, string where, string member) =>
        list ?? throw new InvalidDataException($"{where} has no '{member}' list");

    /// <summary>Flags every word of an entry: "e-mail" is the words "e" and "mail" to the scanner.</summary>
    private static void AddWord(WordTable words, string entry, WordFlags flag, string member, string where)
    {
        var hashes = WordScanner.Hashes(entry);
        if (hashes.Length == 0)
        {
            throw new InvalidDataException($"{where}: the entry '{entry}' of '{member}' has no letters or digits");
        }

        foreach (var hash in hashes)
        {
            words.Add(hash, flag);
        }
    }

    private static void AddPhrases(Dictionary<string, Phrase> phrases, IReadOnlyList<string> entries, PhraseKinds kind, string where, string member)
    {
        foreach (var entry in entries)
        {
            var hashes = WordScanner.Hashes(entry);
            if (hashes.Length == 0)
            {
                throw new InvalidDataException($"{where}: the entry '{entry}' of '{member}' has no letters or digits");
            }

            // The same words from two languages or lists ("ciao" greets and signs off) are one phrase of both kinds.
            var key = Convert.ToHexString(System.Runtime.InteropServices.MemoryMarshal.AsBytes(hashes.AsSpan()));
            if (phrases.TryGetValue(key, out var known))
            {
                known.Kinds |= kind;
            }
            else
            {
                phrases[key] = new Phrase(hashes, kind);
            }
        }
    }
}
