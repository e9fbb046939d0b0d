namespace Scalability.Grains.Quality;

/// <summary>
/// The words of a set of tickets, weighed: each ticket becomes a TF-IDF vector over the content words
/// (<see cref="ContentWords"/>), with a sublinear term frequency (1 + ln tf) and an inverse document frequency
/// ln(n ÷ df), so that the dot product of two tickets is how alike their words are. The vectors hold the words that can
/// link tickets: in at least two of them, and in no more than <see cref="ProposerOptions.MaxDocumentShare"/> (words in
/// most tickets of every kind would make unrelated tickets look alike). A ticket's words that no other ticket has still
/// count in its length, by <see cref="ProposerOptions.UniqueWordWeight"/>: a ticket mostly about something else is less
/// like the others. The words of each ticket and the two-word phrases they make are kept as sets, for finding the terms
/// that set a group apart.
/// </summary>
public sealed class TermSpace
{
    private readonly string[] _words;
    private readonly string[] _phrases;
    private readonly (int First, int Second)[] _phraseWords;

    private TermSpace(SparseVector[] vectors, int[][] wordSets, int[][] phraseSets, string[] words, string[] phrases,
        (int, int)[] phraseWords, int[] wordFrequency, int linking)
    {
        _phraseWords = phraseWords;
        Vectors = vectors;
        WordSets = wordSets;
        PhraseSets = phraseSets;
        _words = words;
        _phrases = phrases;
        DocumentFrequency = wordFrequency;
        LinkingTerms = linking;
    }

    /// <summary>One vector per ticket, in the order given.</summary>
    public SparseVector[] Vectors { get; }

    /// <summary>Per ticket, the ids of its distinct words, ascending.</summary>
    public int[][] WordSets { get; }

    /// <summary>Per ticket, the ids of its distinct two-word phrases, ascending.</summary>
    public int[][] PhraseSets { get; }

    /// <summary>Per word id, the tickets it occurs in.</summary>
    public int[] DocumentFrequency { get; }

    public int WordCount => _words.Length;

    /// <summary>Words that can make two tickets alike: in at least two tickets and not left out as too common.</summary>
    public int LinkingTerms { get; }

    /// <summary>A word as shown: its most frequent form in the tickets.</summary>
    public string Word(int id) => _words[id];

    /// <summary>A phrase as shown: its most frequent form in the tickets.</summary>
    public string Phrase(int id) => _phrases[id];

    /// <summary>The word ids a phrase is made of.</summary>
    public (int First, int Second) PhraseWords(int id) => _phraseWords[id];

    public static TermSpace Build(
        IReadOnlyList<string> texts, ContentWords contentWords, double maxDocumentShare, double uniqueWordWeight, CancellationToken cancellationToken)
    {
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var phraseIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordForms = new List<Dictionary<string, int>>();
        var phraseForms = new List<Dictionary<string, int>>();
        var phraseWords = new List<(int, int)>();
        var frequencies = new List<(int Term, int Count)[]>(texts.Count);
        var phraseSets = new int[texts.Count][];
        var words = new List<ContentWord>();
        var counts = new Dictionary<int, int>();
        var phrases = new SortedSet<int>();
        for (var d = 0; d < texts.Count; d++)
        {
            if (d % 256 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            words.Clear();
            counts.Clear();
            phrases.Clear();
            contentWords.Extract(texts[d], words);
            for (var w = 0; w < words.Count; w++)
            {
                var id = IdOf(wordIds, wordForms, words[w].Key, words[w].Word);
                counts[id] = counts.GetValueOrDefault(id) + 1;
                if (words[w].FollowsPrevious && words[w - 1].Key != words[w].Key)
                {
                    var phrase = IdOf(phraseIds, phraseForms, words[w - 1].Key + " " + words[w].Key, words[w - 1].Word + " " + words[w].Word);
                    if (phrase == phraseWords.Count)
                    {
                        phraseWords.Add((wordIds[words[w - 1].Key], id));
                    }

                    phrases.Add(phrase);
                }
            }

            frequencies.Add(counts.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)).ToArray());
            phraseSets[d] = [.. phrases];
        }

        var documentFrequency = new int[wordIds.Count];
        foreach (var ticket in frequencies)
        {
            foreach (var (term, _) in ticket)
            {
                documentFrequency[term]++;
            }
        }

        var n = texts.Count;
        var tooCommon = Math.Max(2, maxDocumentShare * n);
        var vectors = new SparseVector[n];
        var wordSets = new int[n][];
        for (var d = 0; d < n; d++)
        {
            var ticket = frequencies[d];
            wordSets[d] = ticket.Select(t => t.Term).ToArray();
            var kept = ticket.Where(t => documentFrequency[t.Term] >= 2 && documentFrequency[t.Term] <= tooCommon && documentFrequency[t.Term] < n).ToArray();
            var weights = kept.Select(t => Weight(t.Count, documentFrequency[t.Term], n)).ToArray();
            var unique = ticket.Where(t => documentFrequency[t.Term] == 1).Sum(t => Math.Pow(Weight(t.Count, 1, n), 2));
            var norm = Math.Sqrt(weights.Sum(w => w * w) + uniqueWordWeight * unique);
            vectors[d] = norm > 0
                ? new SparseVector(kept.Select(t => t.Term).ToArray(), weights.Select(w => (float)(w / norm)).ToArray())
                : SparseVector.Empty;
        }

        var linking = documentFrequency.Count(df => df >= 2 && df <= tooCommon && df < n);
        return new TermSpace(vectors, wordSets, phraseSets, Forms(wordForms), Forms(phraseForms), [.. phraseWords], documentFrequency, linking);
    }

    private static double Weight(int count, int documentFrequency, int documents) =>
        (1 + Math.Log(count)) * Math.Log((double)documents / documentFrequency);

    private static int IdOf(Dictionary<string, int> ids, List<Dictionary<string, int>> forms, string key, string form)
    {
        if (!ids.TryGetValue(key, out var id))
        {
            id = ids.Count;
            ids.Add(key, id);
            forms.Add(new Dictionary<string, int>(StringComparer.Ordinal));
        }

        forms[id][form] = forms[id].GetValueOrDefault(form) + 1;
        return id;
    }

    /// <summary>Each term's most frequent form; of equally frequent ones, the first in ordinal order.</summary>
    private static string[] Forms(List<Dictionary<string, int>> forms) =>
        forms.Select(f => f.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).First().Key).ToArray();
}
