using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Scalability.Grains.Processing;

/// <summary>The category a categorizer chose and how sure it is, from 0 (a guess) to below 1.</summary>
public readonly record struct CategoryPrediction(string Category, double Confidence);

/// <summary>
/// What a text's terms add up to: the leading category (-1 when no term occurred), its score, the runner-up's and the
/// total over all categories. The raw material of a prediction's confidence.
/// </summary>
public readonly record struct KeywordScores(int Best, double BestScore, double SecondScore, double Total)
{
    public bool Matched => Best >= 0;

    /// <summary>
    /// The uncalibrated confidence of a match, from 0.15 to 0.99: how much of the evidence the winner holds, how far
    /// ahead of the runner-up it is, and how much evidence there is at all (one weak keyword should not sound as sure
    /// as several strong ones). <see cref="ConfidenceCalibration"/> turns it into a probability.
    /// </summary>
    public double RawConfidence()
    {
        if (!Matched)
        {
            return 0;
        }

        var share = BestScore / Total;
        var margin = (BestScore - SecondScore) / BestScore;
        var dominance = 0.5 * share + 0.5 * margin;
        var evidence = BestScore / (BestScore + EvidenceHalfPoint);
        return Math.Clamp(Math.Round(0.15 + 0.84 * dominance * evidence, 3), 0, KeywordCategorizer.MaximumConfidence);
    }

    // A category's score at which the evidence counts as half convincing: about one topic-naming keyword.
    private const double EvidenceHalfPoint = 2.5;
}

/// <summary>
/// Sorts a text into a <see cref="SupportTaxonomy"/> category by the weighted keywords and phrases it contains.
/// Immutable and thread-safe; one instance serves every thread. Deterministic: the same text always gets the same
/// prediction.
/// </summary>
public sealed class KeywordCategorizer : ITicketCategorizer
{
    /// <summary>The confidence of the fallback category when no term occurs in the text, without a calibration.</summary>
    public const double NoMatchConfidence = 0.25;

    /// <summary>Confidences stay below this: keyword evidence never makes a category certain.</summary>
    public const double MaximumConfidence = 0.99;

    // Words longer than this are not looked up: no keyword is that long, and it bounds the stack buffer.
    private const int MaxWordLength = 48;

    private const int MaxPhraseWords = 8;

    private readonly string[] _categories;
    private readonly int _fallbackIndex;

    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words;

    // Prefix terms grouped by their first three characters and suffix terms by their last three, longest first, so
    // that a word that starts and ends like no such term (most words) costs two lookups.
    private readonly FrozenDictionary<ulong, (string Affix, int Id)[]> _prefixesByHead;
    private readonly FrozenDictionary<ulong, (string Affix, int Id)[]> _suffixesByTail;

    // Per word id: the (category, weight) pairs a single occurrence adds, as a range of _singleWeights.
    private readonly (int Start, int Count)[] _singleRanges;
    private readonly (int Category, double Weight)[] _singleWeights;

    // Per word id: the phrases that end with that word, as a range of _phrases.
    private readonly (int Start, int Count)[] _phraseRanges;
    private readonly Phrase[] _phrases;

    /// <param name="calibration">Maps the raw confidence to a probability; null for none (the raw confidence, and
    /// <see cref="NoMatchConfidence"/> without a match), as for a custom taxonomy that no calibration was fitted for.</param>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    public KeywordCategorizer(SupportTaxonomy taxonomy, ConfidenceCalibration? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        Taxonomy = taxonomy;
        Calibration = calibration ?? ConfidenceCalibration.Uncalibrated;
        _categories = [.. taxonomy.CategoryNames];
        _fallbackIndex = Array.IndexOf(_categories, taxonomy.FallbackCategory);

        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, int>(StringComparer.Ordinal);
        var suffixes = new Dictionary<string, int>(StringComparer.Ordinal);
        var singles = new List<List<(int Category, double Weight)>>();
        var phrasesByLastWord = new List<List<Phrase>>();

        int IdOf(Dictionary<string, int> table, string key)
        {
            if (!table.TryGetValue(key, out var id))
            {
                id = singles.Count;
                table.Add(key, id);
                singles.Add([]);
                phrasesByLastWord.Add([]);
            }

            return id;
        }

        for (var category = 0; category < _categories.Length; category++)
        {
            foreach (var term in taxonomy.Categories[category].Terms)
            {
                if (term.Text.EndsWith('*'))
                {
                    singles[IdOf(prefixes, term.Text[..^1])].Add((category, term.Weight));
                }
                else if (term.Text.StartsWith('*'))
                {
                    singles[IdOf(suffixes, term.Text[1..])].Add((category, term.Weight));
                }
                else if (!term.Text.Contains(' ', StringComparison.Ordinal))
                {
                    singles[IdOf(words, term.Text)].Add((category, term.Weight));
                }
                else
                {
                    var parts = term.Text.Split(' ');
                    if (parts.Length > MaxPhraseWords)
                    {
                        throw new ArgumentException(
                            $"phrase '{term.Text}' has more than {MaxPhraseWords} words", nameof(taxonomy));
                    }

                    var ids = parts.Select(p => IdOf(words, p)).ToArray();
                    phrasesByLastWord[ids[^1]].Add(new Phrase(ids, category, term.Weight));
                }
            }
        }

        // A phrase word such as "deliver" is an exact word, so a text's "deliver" resolves to it and not to the
        // prefix "deliver*"; it inherits the prefix's (or suffix's) weights so that it still counts as a single keyword.
        foreach (var (word, id) in words)
        {
            if (singles[id].Count == 0 && LongestAffixOf(word, prefixes, suffixes) is { } affixId)
            {
                singles[id].AddRange(singles[affixId]);
            }
        }

        _singleRanges = new (int, int)[singles.Count];
        _phraseRanges = new (int, int)[singles.Count];
        var singleWeights = new List<(int, double)>();
        var phrases = new List<Phrase>();
        for (var id = 0; id < singles.Count; id++)
        {
            _singleRanges[id] = (singleWeights.Count, singles[id].Count);
            singleWeights.AddRange(singles[id]);
            _phraseRanges[id] = (phrases.Count, phrasesByLastWord[id].Count);
            phrases.AddRange(phrasesByLastWord[id]);
        }

        _singleWeights = [.. singleWeights];
        _phrases = [.. phrases];
        _words = words.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixesByHead = GroupLongestFirst(prefixes, static affix => HeadOf(affix));
        _suffixesByTail = GroupLongestFirst(suffixes, static affix => TailOf(affix));
    }

    /// <summary>A categorizer over <see cref="SupportTaxonomy.Default"/> (English) with the fitted calibration.</summary>
    public static KeywordCategorizer Default { get; } = new(SupportTaxonomy.Default, ConfidenceCalibration.Default);

    public SupportTaxonomy Taxonomy { get; }

    public ConfidenceCalibration Calibration { get; }

    public string FallbackCategory => Taxonomy.FallbackCategory;

    public CategoryPrediction Categorize(string text) => Categorize(text.AsSpan());

    /// <summary>
    /// Scores every category by the weights of the terms found in <paramref name="text"/> and returns the best;
    /// equal scores go to the category listed first, with the calibrated confidence. Without any match: the fallback
    /// category with the calibration's no-match confidence.
    /// </summary>
    public CategoryPrediction Categorize(ReadOnlySpan<char> text) => Predict(Score(text));

    /// <summary>The prediction for scores this categorizer computed (<see cref="Score(ReadOnlySpan{char})"/>).</summary>
    public CategoryPrediction Predict(KeywordScores scores) => scores.Matched
        ? new CategoryPrediction(_categories[scores.Best], Calibration.Apply(scores.RawConfidence()))
        : new CategoryPrediction(_categories[_fallbackIndex], Calibration.NoMatch);

    /// <summary>What the text's terms add up to, before a confidence is made of it.</summary>
    public KeywordScores Score(ReadOnlySpan<char> text)
    {
        Span<double> scores = _categories.Length <= 64 ? stackalloc double[_categories.Length] : new double[_categories.Length];
        scores.Clear();
        Accumulate(text, 1, scores);
        return Summarise(scores);
    }

    /// <summary>What the terms of a ticket the reader took apart add up to, each sentence weighed by its part
    /// (<see cref="TicketEvidence"/>).</summary>
    internal KeywordScores Score(Summaries.TicketAnalysis analysis)
    {
        Span<double> scores = _categories.Length <= 64 ? stackalloc double[_categories.Length] : new double[_categories.Length];
        scores.Clear();
        TicketEvidence.Accumulate(this, analysis, scores);
        return Summarise(scores);
    }

    /// <summary>How many categories a score span of <see cref="Accumulate"/> holds.</summary>
    internal int CategoryCount => _categories.Length;

    /// <summary>The raw score of every category, in taxonomy order: for tests and for tuning a taxonomy.</summary>
    public double[] Scores(string text)
    {
        var scores = new double[_categories.Length];
        Accumulate(text, 1, scores);
        return scores;
    }

    /// <summary>Adds the weights of the terms found in <paramref name="text"/>, times <paramref name="weight"/>, to
    /// <paramref name="scores"/> (one per category, in taxonomy order): so that the parts of a ticket can count for
    /// more or less than others.</summary>
    internal void Accumulate(ReadOnlySpan<char> text, double weight, Span<double> scores)
    {
        Span<char> word = stackalloc char[MaxWordLength];
        // The ids of the last words read, newest at (position - 1) % length, for matching phrases backwards.
        Span<int> recent = stackalloc int[MaxPhraseWords];
        var position = 0;

        var i = 0;
        var sentenceBreak = false;
        while (i < text.Length)
        {
            // Between words. Most text is plain ASCII: one table lookup a character; an entity or an escape takes
            // the slow path.
            var c = text[i];
            var width = 1;
            bool isWordChar;
            if (c < 0x80 && c != '&' && c != '\\')
            {
                isWordChar = TextScanning.TryFoldWordChar(c, out _);
            }
            else
            {
                (c, width) = Read(text, i);
                isWordChar = TextScanning.TryFoldKeywordChar(c, out _, out _);
            }

            if (!isWordChar)
            {
                sentenceBreak |= c is '.' or '!' or '?' or ';' or '\n';
                i += width;
                continue;
            }

            if (sentenceBreak)
            {
                // A phrase does not run across sentences: "...the log. In the app..." is not "log in".
                recent[position % MaxPhraseWords] = -1;
                position++;
                sentenceBreak = false;
            }

            // In a word, to its end.
            var length = 0;
            var apostrophe = -1;
            var tooLong = false;
            while (i < text.Length)
            {
                c = text[i];
                if (c < 0x80 && c != '&' && c != '\\')
                {
                    if (TextScanning.TryFoldWordChar(c, out var ascii))
                    {
                        if (length < MaxWordLength)
                        {
                            word[length++] = ascii;
                        }
                        else
                        {
                            tooLong = true;
                        }

                        i++;
                        continue;
                    }

                    if (c == '\'' && length > 0 && IsLetterAt(text, i + 1))
                    {
                        apostrophe = length;
                        i++;
                        continue;
                    }

                    break;
                }

                (c, width) = Read(text, i);
                if (TextScanning.TryFoldKeywordChar(c, out var folded, out var second))
                {
                    if (length + 2 > MaxWordLength)
                    {
                        tooLong = true;
                    }
                    else
                    {
                        if (folded != '\0')
                        {
                            word[length++] = folded;
                        }

                        if (second != '\0')
                        {
                            word[length++] = second;
                        }
                    }

                    i += width;
                    continue;
                }

                if (TextScanning.IsApostrophe(c) && length > 0 && IsLetterAt(text, i + width))
                {
                    apostrophe = length;
                    i += width;
                    continue;
                }

                break;
            }

            EndWord(word[..length], apostrophe, tooLong, weight, scores, recent, ref position);
        }
    }

    /// <summary>Whether text[i] is a letter, an entity of one included.</summary>
    private static bool IsLetterAt(ReadOnlySpan<char> text, int i) => i < text.Length && char.IsLetter(Read(text, i).Char);

    /// <summary>Resolves a word just read and adds what it says.</summary>
    private void EndWord(ReadOnlySpan<char> word, int apostrophe, bool tooLong, double weight, Span<double> scores, Span<int> recent, ref int position)
    {
        if (tooLong)
        {
            Accept(-1, weight, scores, recent, ref position);
            return;
        }

        var id = Resolve(word);
        if (id < 0 && apostrophe > 0)
        {
            // "l'abonnement", "dell'ordine", "d'accès": the elided article is a word of its own and the rest is the
            // word a term names. "can't" was found whole above.
            Accept(Resolve(word[..apostrophe]), weight, scores, recent, ref position);
            id = Resolve(word[apostrophe..]);
        }

        Accept(id, weight, scores, recent, ref position);
    }

    /// <summary>The character at text[i] and how many characters it takes: an HTML entity of a damaged export is the
    /// character it stands for, a literal "\n" escape a line break.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (char Char, int Width) Read(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (c == '&' && TextScanning.DecodeEntity(text, i, out var decoded) is var length and > 0)
        {
            return (decoded, length);
        }

        if (c == '\\' && i + 1 < text.Length && text[i + 1] is 'n' or 'r')
        {
            return ('\n', 2);
        }

        return (c, 1);
    }

    /// <summary>Adds what one word of the text (its id, -1 for an unknown word) says: its own weights and those of the
    /// phrases it ends.</summary>
    private void Accept(int id, double weight, Span<double> scores, Span<int> recent, ref int position)
    {
        recent[position % MaxPhraseWords] = id;
        position++;
        if (id < 0)
        {
            return;
        }

        var (singleStart, singleCount) = _singleRanges[id];
        for (var s = singleStart; s < singleStart + singleCount; s++)
        {
            var (category, termWeight) = _singleWeights[s];
            scores[category] += weight * termWeight;
        }

        var (phraseStart, phraseCount) = _phraseRanges[id];
        for (var p = phraseStart; p < phraseStart + phraseCount; p++)
        {
            var phrase = _phrases[p];
            if (EndsWith(recent, position, phrase.WordIds))
            {
                scores[phrase.Category] += weight * phrase.Weight;
            }
        }
    }

    private static bool EndsWith(ReadOnlySpan<int> recent, int position, int[] wordIds)
    {
        if (wordIds.Length > position)
        {
            return false;
        }

        // The last word already matched: the phrase is indexed by it.
        for (var back = 2; back <= wordIds.Length; back++)
        {
            if (recent[(position - back) % MaxPhraseWords] != wordIds[^back])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The id of a folded word: the exact word if known, else the longer of the longest known prefix it starts with and
    /// the longest known suffix it ends with (a prefix on a tie), else -1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Resolve(ReadOnlySpan<char> word)
    {
        if (word.Length == 0)
        {
            return -1;
        }

        if (_words.TryGetValue(word, out var id))
        {
            return id;
        }

        if (word.Length < SupportTaxonomy.MinimumPrefixLength)
        {
            return -1;
        }

        var (prefixLength, prefixId) = (0, -1);
        if (_prefixesByHead.TryGetValue(HeadOf(word), out var prefixes))
        {
            foreach (var (prefix, candidate) in prefixes)
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    (prefixLength, prefixId) = (prefix.Length, candidate);
                    break;
                }
            }
        }

        if (_suffixesByTail.Count > 0 && _suffixesByTail.TryGetValue(TailOf(word), out var suffixes))
        {
            foreach (var (suffix, candidate) in suffixes)
            {
                if (suffix.Length > prefixLength && word.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }
        }

        return prefixId;
    }

    /// <summary>The first three characters of a word packed into one key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HeadOf(ReadOnlySpan<char> word) => word[0] | ((ulong)word[1] << 16) | ((ulong)word[2] << 32);

    /// <summary>The last three characters of a word packed into one key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong TailOf(ReadOnlySpan<char> word) => word[^3] | ((ulong)word[^2] << 16) | ((ulong)word[^1] << 32);

    private static FrozenDictionary<ulong, (string Affix, int Id)[]> GroupLongestFirst(Dictionary<string, int> affixes, Func<string, ulong> key) =>
        affixes
            .GroupBy(p => key(p.Key))
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Key.Length).Select(p => (p.Key, p.Value)).ToArray());

    [MethodImpl(MethodImplOptions.NoOptimization)]
    private static int? LongestAffixOf(string word, Dictionary<string, int> prefixes, Dictionary<string, int> suffixes)
    {
        for (var length = word.Length; length >= SupportTaxonomy.MinimumPrefixLength; length--)
        {
            if (prefixes.TryGetValue(word[..length], out var id))
            {
                return id;
            }

            if (suffixes.TryGetValue(word[^length..], out id))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The leader, runner-up and total of scores made by <see cref="Accumulate"/>.</summary>
    internal static KeywordScores Summarise(ReadOnlySpan<double> scores)
    {
        var best = -1;
        var bestScore = 0.0;
        var secondScore = 0.0;
        var total = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            var score = scores[c];
            total += score;
            if (score > bestScore)
            {
                secondScore = bestScore;
                bestScore = score;
                best = c;
            }
            else if (score > secondScore)
            {
                secondScore = score;
            }
        }

        return new KeywordScores(best, bestScore, secondScore, total);
    }

    private sealed record Phrase(int[] WordIds, int Category, double Weight);
}

/// <summary>Character classes shared by the text engines, with a table for ASCII because it is most of the text.</summary>
internal static partial class TextScanning
{
    // For each ASCII character: its lower-case form if it is a letter or digit, else '\0'.
    private static readonly char[] AsciiWordChars = BuildAsciiWordChars();

    /// <summary>Straight and typographic apostrophes, which join words ("can't") instead of separating them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>Whether text[i] is an apostrophe between a word character and a letter, so part of the word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostropheInWord(ReadOnlySpan<char> text, int i) =>
        IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]);

    /// <summary>Whether <paramref name="c"/> is a letter or digit, and its invariant lower-case form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFoldWordChar(char c, out char folded)
    {
        var table = AsciiWordChars;
        if (c < (uint)table.Length)
        {
            folded = table[c];
            return folded != '\0';
        }

        if (char.IsLetterOrDigit(c))
        {
            folded = char.ToLowerInvariant(c);
            return true;
        }

        folded = c;
        return false;
    }

    private static char[] BuildAsciiWordChars()
    {
        var table = new char[128];
        for (var c = '\0'; c < table.Length; c++)
        {
            table[c] = char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
        }

        return table;
    }
}
