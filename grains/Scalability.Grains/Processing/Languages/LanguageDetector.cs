using System.Runtime.CompilerServices;

namespace Scalability.Grains.Processing.Languages;

/// <summary>A text's language as an ISO 639-1 code, or <see cref="SupportedLanguages.Undetermined"/>, and how sure the
/// detector is of it (0 for undetermined, below 1 otherwise).</summary>
public readonly record struct LanguageDetection(string Language, double Confidence)
{
    public static LanguageDetection Undetermined { get; } = new(SupportedLanguages.Undetermined, 0);

    public bool IsUndetermined => Language == SupportedLanguages.Undetermined;
}

/// <summary>
/// Tells the language of a ticket from a bounded prefix of its text, in well under a microsecond for most tickets.
/// A text in another script than Latin is named by its script (Cyrillic by the letters that tell Russian, Ukrainian,
/// Bulgarian, Serbian and Macedonian apart; kana make CJK text Japanese). A Latin-script text is scored by the
/// frequent words, word endings and distinctive letters of each language it knows (the supported languages'
/// <c>language.json</c> and <c>other-languages.json</c>): the evidence is additive, a word listed by several languages
/// counts less for each, and the scan stops as soon as one language leads by a decisive margin. Too little evidence or
/// a tie gives <c>und</c>. Immutable and thread-safe; deterministic.
/// </summary>
public sealed class LanguageDetector
{
    /// <summary>How much of a text is looked at, at most: a ticket's first sentences tell its language.</summary>
    public const int MaxScannedChars = 600;

    // The scan stops when the leader is this far ahead: about five distinctive words.
    private const float DecisiveMargin = 5f;

    // Below this score nothing was recognised: one frequent word of one language is the least that names it.
    private const float MinimumEvidence = 0.9f;

    // Leads smaller than this are ties ("hallo" is German and Dutch): the text stays undetermined.
    private const float MinimumMargin = 0.3f;

    // A language without a taxonomy is named on stronger evidence: taking a supported ticket for one costs the ticket
    // its category ("create pro account" is not Czech for its "pro").
    private const float MinimumEvidenceUnsupported = 2.5f;
    private const float MinimumMarginUnsupported = 1.5f;

    // The lead, in evidence points, that makes the confidence about 73%; three points make it 95%.
    private const double ConfidencePerPoint = 1.0;

    private const double MaximumConfidence = 0.99;

    // Longer words are not looked up: no listed word is that long.
    private const int MaxWordLength = 24;

    // The ending weights relative to a word's: an ending guesses, a word knows.
    private const float EndingWeight = 0.5f;

    // A non-Latin script decides once this many of its letters were seen and it leads the Latin letters.
    private const int DecisiveScriptLetters = 24;

    private const char FirstLetterEvidence = '\u00A0';
    private const char LastLetterEvidence = '\u1EFF';

    private readonly string[] _codes;

    // Per script: a bit for each language written in it.
    private readonly uint[] _scriptLanguages;

    // A bit for each language with a taxonomy.
    private readonly uint _supported;
    private readonly WordTable _words;
    private readonly WordTable _endings;
    private readonly int _shortestEnding;
    private readonly int _longestEnding;

    // Per character from FirstLetterEvidence: the score each Latin language gets for one occurrence, or null.
    private readonly float[]?[] _letters;

    // The constructors and readers of the language data run once per process, when a job's first ticket is processed;
    // with loops JIT-compiled fully optimised on first call (Directory.Build.props), compiling them unoptimised saves
    // tens of milliseconds of every job's start and costs their single run well under a millisecond.
    /// <param name="languages">The languages to tell apart by their words and letters, each with its evidence and its
    /// script (Latin or Cyrillic); at most 32.</param>
    /// <param name="supported">The languages the product has a taxonomy for; the others are named only on stronger
    /// evidence. Null for all of them.</param>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    public LanguageDetector(IReadOnlyList<(string Code, DetectionEvidence Evidence)> languages, IReadOnlyCollection<string>? supported = null)
    {
        ArgumentNullException.ThrowIfNull(languages);
        if (languages.Count is 0 or > 32)
        {
            throw new ArgumentException($"a detector tells 1 to 32 languages apart by their words, not {languages.Count}", nameof(languages));
        }

        _codes = languages.Select(l => l.Code).ToArray();
        if (_codes.Distinct(StringComparer.Ordinal).Count() != _codes.Length)
        {
            throw new ArgumentException("a language is listed twice", nameof(languages));
        }

        var words = new Dictionary<string, uint>(StringComparer.Ordinal);
        var endings = new Dictionary<string, uint>(StringComparer.Ordinal);
        _letters = new float[]?[LastLetterEvidence - FirstLetterEvidence + 1];
        _supported = supported is null ? uint.MaxValue : 0;
        for (var l = 0; supported is not null && l < _codes.Length; l++)
        {
            _supported |= supported.Contains(_codes[l]) ? 1u << l : 0;
        }

        _scriptLanguages = new uint[ScriptCount];
        for (var l = 0; l < languages.Count; l++)
        {
            var (code, evidence) = languages[l];
            var script = evidence.Script switch
            {
                null or "Latin" => Script.Latin,
                "Cyrillic" => Script.Cyrillic,
                var other => throw new ArgumentException($"{code}: the script '{other}' is not Latin or Cyrillic", nameof(languages)),
            };
            _scriptLanguages[(int)script] |= 1u << l;
            foreach (var word in evidence.Words)
            {
                AddToMask(words, Normalise(word, code), l);
            }

            foreach (var ending in evidence.Endings ?? [])
            {
                AddToMask(endings, Normalise(ending, code), l);
            }

            foreach (var (letter, weight) in evidence.Letters ?? new Dictionary<string, double>())
            {
                if (letter.Length != 1 || letter[0] < FirstLetterEvidence || letter[0] > LastLetterEvidence || !double.IsFinite(weight) || weight <= 0)
                {
                    throw new ArgumentException($"{code}: the letter '{letter}' with weight {weight} is not a single letter from U+00A0 to U+1EFF with a positive weight", nameof(languages));
                }

                // Both cases count: "Überweisung" says as much as "über".
                foreach (var form in new[] { letter[0], char.ToUpperInvariant(letter[0]), char.ToLowerInvariant(letter[0]) }.Distinct())
                {
                    if (form >= FirstLetterEvidence && form <= LastLetterEvidence)
                    {
                        var weights = _letters[form - FirstLetterEvidence] ??= new float[_codes.Length];
                        weights[l] = (float)weight;
                    }
                }
            }
        }

        _words = WordTable.Build(words, 1f);
        _endings = WordTable.Build(endings, EndingWeight);
        _shortestEnding = endings.Count == 0 ? 0 : endings.Keys.Min(e => e.Length);
        _longestEnding = endings.Count == 0 ? 0 : endings.Keys.Max(e => e.Length);
    }

    /// <summary>The detector over the supported languages and those of <c>other-languages.json</c>.</summary>
    public static LanguageDetector Default { get; } = new(
    [
        .. SupportedLanguages.Codes.Select(code =>
        {
            var info = LanguageResources.Info(code);
            var detection = info.Detection ?? throw new InvalidDataException($"Languages/{code}/language.json has no detection evidence");
            return (code, detection with { Words = [.. info.StopWords, .. detection.Words] });
        }),
        .. LanguageResources.Others.Languages.Select(l => (l.Code, new DetectionEvidence(l.Words, l.Endings, l.Letters, l.Script))),
    ], SupportedLanguages.Codes);

    /// <summary>The languages it tells apart by their words, in its order; those of other scripts it names by the script.</summary>
    public IReadOnlyList<string> WordLanguages => _codes;

    public LanguageDetection Detect(string? text) => text is null ? LanguageDetection.Undetermined : Detect(text.AsSpan());

    public LanguageDetection Detect(ReadOnlySpan<char> text)
    {
        Span<float> scores = stackalloc float[_codes.Length];
        scores.Clear();
        Span<int> scripts = stackalloc int[ScriptCount];
        scripts.Clear();
        Span<char> word = stackalloc char[MaxWordLength];
        var length = 0;
        var apostrophe = -1;
        var tooLong = false;
        var hasDigit = false;
        var words = 0;
        // The highest score so far: the full check for a decisive lead is only worth it once this reaches the lead.
        var top = 0f;

        var end = Math.Min(text.Length, MaxScannedChars);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '&' && TextScanning.DecodeEntity(text, i, out var decoded) is var entityLength and > 0)
            {
                // "&eacute;" of a damaged export is the letter it stands for; "&nbsp;" and "&amp;" separate words.
                i += entityLength - 1;
                c = char.IsLetter(decoded) || TextScanning.IsApostrophe(decoded) ? decoded : ' ';
            }
            else if (c == '\\' && i + 1 < text.Length && text[i + 1] is 'n' or 'r' or 't')
            {
                i++; // a literal "\n" of a damaged export separates words
                c = ' ';
            }

            var isWordChar = false;
            if (c < 0x80)
            {
                if (char.IsAsciiLetter(c))
                {
                    scripts[(int)Script.Latin]++;
                    isWordChar = true;
                    c = (char)(c | 0x20);
                }
                else if (char.IsAsciiDigit(c) && length > 0)
                {
                    // "mp3", "2fa": not a word of any language
                    hasDigit = isWordChar = true;
                }
            }
            else
            {
                if (c <= LastLetterEvidence && c >= FirstLetterEvidence && _letters[c - FirstLetterEvidence] is { } weights)
                {
                    Add(scores, weights, ref top);
                }

                var script = ScriptOf(c);
                if (script == Script.Latin)
                {
                    scripts[(int)Script.Latin]++;
                    isWordChar = true;
                    c = char.ToLowerInvariant(c);
                }
                else if (script == Script.Cyrillic)
                {
                    // Cyrillic words are scored too: they tell Russian, Ukrainian and Bulgarian apart.
                    scripts[(int)Script.Cyrillic]++;
                    isWordChar = true;
                    c = char.ToLowerInvariant(c);
                }
                else if (script != Script.None)
                {
                    scripts[(int)script]++;
                }
            }

            if (!isWordChar && length > 0 && TextScanning.IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                apostrophe = length;
                continue;
            }

            if (isWordChar)
            {
                if (length < MaxWordLength)
                {
                    word[length++] = c;
                }
                else
                {
                    tooLong = true;
                }

                continue;
            }

            if (length > 0)
            {
                if (!tooLong && !hasDigit)
                {
                    Score(word[..length], apostrophe, scores, ref top);
                    words++;
                }

                length = 0;
                apostrophe = -1;
                tooLong = hasDigit = false;

                if (i >= end || (words >= 3 && top >= DecisiveMargin && IsDecisive(scores)))
                {
                    break;
                }
            }
            else if (i >= end)
            {
                break;
            }

            if (scripts[(int)Script.Latin] + scripts[(int)Script.Cyrillic] == 0 && NonLatinDecided(scripts))
            {
                break;
            }
        }

        if (length > 0 && !tooLong && !hasDigit)
        {
            Score(word[..length], apostrophe, scores, ref top);
        }

        return Decide(scores, scripts);
    }

    private void Score(ReadOnlySpan<char> word, int apostrophe, Span<float> scores, ref float top)
    {
        if (_words.TryAdd(word, scores, ref top))
        {
            return;
        }

        // "l'abonnement" is "l" and "abonnement"; "don't" was found whole above.
        if (apostrophe > 0)
        {
            _words.TryAdd(word[..apostrophe], scores, ref top);
            word = word[apostrophe..];
            if (_words.TryAdd(word, scores, ref top))
            {
                return;
            }
        }

        for (var n = Math.Min(_longestEnding, word.Length - 2); n >= _shortestEnding && n > 0; n--)
        {
            if (_endings.TryAdd(word[^n..], scores, ref top))
            {
                return;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<float> scores, float[] weights, ref float top)
    {
        for (var l = 0; l < scores.Length; l++)
        {
            top = MathF.Max(top, scores[l] += weights[l]);
        }
    }

    private static bool IsDecisive(ReadOnlySpan<float> scores)
    {
        var (_, best, second) = Leaders(scores, uint.MaxValue);
        return best - second >= DecisiveMargin;
    }

    /// <summary>The best of the languages in <paramref name="candidates"/> (a bit per language), its score and the runner-up's.</summary>
    private static (int Index, float Best, float Second) Leaders(ReadOnlySpan<float> scores, uint candidates)
    {
        var index = -1;
        float best = 0, second = 0;
        for (var l = 0; l < scores.Length; l++)
        {
            if ((candidates & (1u << l)) == 0)
            {
                continue;
            }

            var score = scores[l];
            if (index < 0 || score > best)
            {
                second = index < 0 ? 0 : best;
                best = score;
                index = l;
            }
            else if (score > second)
            {
                second = score;
            }
        }

        return (index, best, second);
    }

    private static bool NonLatinDecided(ReadOnlySpan<int> scripts)
    {
        for (var s = (int)Script.Latin + 1; s < scripts.Length; s++)
        {
            if (scripts[s] >= DecisiveScriptLetters)
            {
                return true;
            }
        }

        return false;
    }

    private LanguageDetection Decide(ReadOnlySpan<float> scores, ReadOnlySpan<int> scripts)
    {
        var dominant = Script.None;
        var letters = 0;
        var total = 0;
        for (var s = 1; s < scripts.Length; s++)
        {
            total += scripts[s];
            // Kana and Han are one writing system: a Japanese text is mostly kanji with kana between them.
            var count = (Script)s is Script.Han or Script.Kana ? scripts[(int)Script.Han] + scripts[(int)Script.Kana] : scripts[s];
            if (count > letters)
            {
                letters = count;
                dominant = (Script)s;
            }
        }

        if (dominant == Script.None)
        {
            return LanguageDetection.Undetermined;
        }

        if (dominant is Script.Latin or Script.Cyrillic)
        {
            var (index, best, second) = Leaders(scores, _scriptLanguages[(int)dominant]);
            var margin = best - second;
            var supported = index >= 0 && (_supported & (1u << index)) != 0;
            if (index >= 0 && best >= (supported ? MinimumEvidence : MinimumEvidenceUnsupported)
                && margin >= (supported ? MinimumMargin : MinimumMarginUnsupported))
            {
                var confidence = 1 / (1 + Math.Exp(-ConfidencePerPoint * margin));
                return new LanguageDetection(_codes[index], Math.Round(Math.Min(confidence, MaximumConfidence), 3));
            }

            // Latin letters without a known word could be any of dozens of languages; Cyrillic ones are most
            // likely Russian.
            if (dominant == Script.Latin || letters < 3)
            {
                return LanguageDetection.Undetermined;
            }

            return new LanguageDetection("ru", 0.6);
        }

        var code = dominant is Script.Han or Script.Kana
            ? scripts[(int)Script.Kana] > 0 ? "ja" : "zh"
            : ScriptLanguages[(int)dominant];
        // One or two letters could be a symbol or a name.
        var sureness = letters >= 3 ? MaximumConfidence : 0.6;
        return new LanguageDetection(code, Math.Round(Math.Min(sureness, (double)letters / total), 3));
    }

    private static void AddToMask(Dictionary<string, uint> table, string key, int language)
    {
        if (key.Length == 0 || key.Length > MaxWordLength)
        {
            return;
        }

        table[key] = table.GetValueOrDefault(key) | (1u << language);
    }

    /// <summary>Lower-cased with the accents kept and the apostrophes dropped, as the scan reads words.</summary>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    private static string Normalise(string word, string code)
    {
        Span<char> folded = stackalloc char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (TextScanning.IsApostrophe(c))
            {
                continue;
            }

            if (!char.IsLetter(c))
            {
                throw new ArgumentException($"{code}: '{word}' is not a single word of letters");
            }

            folded[length++] = char.ToLowerInvariant(c);
        }

        return new string(folded[..length]);
    }

    private enum Script
    {
        None, Latin, Cyrillic, Greek, Armenian, Hebrew, Arabic, Devanagari, Bengali, Tamil, Thai, Georgian, Hangul, Kana, Han,
    }

    private const int ScriptCount = (int)Script.Han + 1;

    private static readonly string[] ScriptLanguages =
        ["und", "und", "und", "el", "hy", "he", "ar", "hi", "bn", "ta", "th", "ka", "ko", "ja", "zh"];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Script ScriptOf(char c) => c switch
    {
        < '\u00C0' => c == '\u00AA' || c == '\u00BA' || c == '\u00B5' ? Script.Latin : Script.None,
        '\u00D7' or '\u00F7' => Script.None,
        <= '\u024F' => Script.Latin,
        < '\u0370' => Script.None,
        <= '\u03FF' => Script.Greek,
        <= '\u052F' => Script.Cyrillic,
        <= '\u058F' => Script.Armenian,
        <= '\u05FF' => Script.Hebrew,
        <= '\u06FF' => char.IsLetter(c) ? Script.Arabic : Script.None,
        <= '\u077F' => Script.Arabic,
        >= '\u08A0' and <= '\u08FF' => Script.Arabic,
        >= '\u0900' and <= '\u097F' => Script.Devanagari,
        >= '\u0980' and <= '\u09FF' => Script.Bengali,
        >= '\u0B80' and <= '\u0BFF' => Script.Tamil,
        >= '\u0E00' and <= '\u0E7F' => Script.Thai,
        >= '\u10A0' and <= '\u10FF' => Script.Georgian,
        >= '\u1100' and <= '\u11FF' => Script.Hangul,
        >= '\u1E00' and <= '\u1EFF' => Script.Latin,
        >= '\u1F00' and <= '\u1FFF' => Script.Greek,
        >= '\u3040' and <= '\u30FF' => c is '\u30FB' or '\u30FC' ? Script.None : Script.Kana,
        >= '\u3130' and <= '\u318F' => Script.Hangul,
        >= '\u31F0' and <= '\u31FF' => Script.Kana,
        >= '\u3400' and <= '\u4DBF' => Script.Han,
        >= '\u4E00' and <= '\u9FFF' => Script.Han,
        >= '\uAC00' and <= '\uD7AF' => Script.Hangul,
        >= '\uF900' and <= '\uFAFF' => Script.Han,
        >= '\uFB1D' and <= '\uFB4F' => Script.Hebrew,
        >= '\uFB50' and <= '\uFDFF' => Script.Arabic,
        >= '\uFE70' and <= '\uFEFF' => Script.Arabic,
        >= '\uFF66' and <= '\uFF9F' => Script.Kana,
        _ => Script.None,
    };

    /// <summary>
    /// An open-addressing table from a word's 64-bit hash to the languages that list it and the score each gets, so that
    /// a lookup costs one hash and, mostly, one probe. Two words of one hash would share an entry; with 64 bits and a
    /// few thousand words that does not happen, and the build would throw if it did.
    /// </summary>
    private sealed class WordTable
    {
        private readonly ulong[] _keys;
        private readonly uint[] _masks;
        private readonly float[] _weights;
        private readonly int _mask;

        private WordTable(int size)
        {
            _keys = new ulong[size];
            _masks = new uint[size];
            _weights = new float[size];
            _mask = size - 1;
        }

        [MethodImpl(MethodImplOptions.NoOptimization)]
        public static WordTable Build(Dictionary<string, uint> entries, float weight)
        {
            var size = 16;
            while (size < entries.Count * 3)
            {
                size <<= 1;
            }

            var table = new WordTable(size);
            foreach (var (word, languages) in entries)
            {
                var hash = Hash(word);
                var slot = (int)(hash >> 32) & table._mask;
                while (table._keys[slot] != 0)
                {
                    if (table._keys[slot] == hash)
                    {
                        throw new InvalidOperationException($"two listed words share the hash of '{word}'");
                    }

                    slot = (slot + 1) & table._mask;
                }

                table._keys[slot] = hash;
                table._masks[slot] = languages;
                // A word of several languages says less of each: "de" is Spanish, Portuguese, French and Dutch.
                table._weights[slot] = weight / MathF.Sqrt(System.Numerics.BitOperations.PopCount(languages));
            }

            return table;
        }

        /// <summary>Adds the word's weight to each of its languages' scores; false if no language lists it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryAdd(ReadOnlySpan<char> word, Span<float> scores, ref float top)
        {
            var hash = Hash(word);
            var slot = (int)(hash >> 32) & _mask;
            while (true)
            {
                var key = _keys[slot];
                if (key == hash)
                {
                    var languages = _masks[slot];
                    var weight = _weights[slot];
                    while (languages != 0)
                    {
                        top = MathF.Max(top, scores[System.Numerics.BitOperations.TrailingZeroCount(languages)] += weight);
                        languages &= languages - 1;
                    }

                    return true;
                }

                if (key == 0)
                {
                    return false;
                }

                slot = (slot + 1) & _mask;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Hash(ReadOnlySpan<char> word)
        {
            // FNV-1a over the UTF-16 code units, never 0 (0 marks an empty slot).
            var hash = 14695981039346656037UL;
            foreach (var c in word)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return hash | 1;
        }
    }
}
