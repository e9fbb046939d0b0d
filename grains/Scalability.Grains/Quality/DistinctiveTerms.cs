namespace Scalability.Grains.Quality;

/// <summary>
/// The terms that set a group of tickets apart from the other tickets: words and two-word phrases that many of the
/// group's tickets use and few of the others do. A term is scored by p·ln(p ÷ q), where p is the share of the group's
/// tickets that use it and q the (smoothed) share of the others that do: its part in how far the group's use of words
/// is from the rest's. Only terms in at least <see cref="ProposerOptions.MinTermShare"/> of the group count. A phrase
/// replaces the words it is made of ("gift card" rather than "gift" and "card").
/// </summary>
public static class DistinctiveTerms
{
    public static IReadOnlyList<string> Of(TermSpace space, IReadOnlyList<int> members, int count, double minTermShare)
    {
        var n = space.Vectors.Length;
        var size = members.Count;
        var wordsIn = new Dictionary<int, int>();
        var phrasesIn = new Dictionary<int, int>();
        foreach (var ticket in members)
        {
            foreach (var word in space.WordSets[ticket])
            {
                wordsIn[word] = wordsIn.GetValueOrDefault(word) + 1;
            }

            foreach (var phrase in space.PhraseSets[ticket])
            {
                phrasesIn[phrase] = phrasesIn.GetValueOrDefault(phrase) + 1;
            }
        }

        var minimum = Math.Max(2, (int)Math.Ceiling(minTermShare * size));
        var phraseFrequency = PhraseFrequency(space, phrasesIn.Where(p => p.Value >= minimum).Select(p => p.Key));
        var candidates = new List<(double Score, double Share, string Text, int Word, int Phrase)>();
        foreach (var (word, inside) in wordsIn)
        {
            if (inside >= minimum && Score(inside, space.DocumentFrequency[word], size, n) is > 0 and var score)
            {
                candidates.Add((score, (double)inside / size, space.Word(word), word, -1));
            }
        }

        foreach (var (phrase, inside) in phrasesIn)
        {
            if (inside >= minimum && Score(inside, phraseFrequency[phrase], size, n) is > 0 and var score)
            {
                candidates.Add((score, (double)inside / size, space.Phrase(phrase), -1, phrase));
            }
        }

        candidates.Sort(static (a, b) =>
            a.Score != b.Score ? b.Score.CompareTo(a.Score) :
            a.Share != b.Share ? b.Share.CompareTo(a.Share) :
            string.CompareOrdinal(a.Text, b.Text));

        var chosen = new List<(string Text, int Word, int Phrase)>();
        foreach (var candidate in candidates)
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (candidate.Phrase >= 0)
            {
                var (first, second) = space.PhraseWords(candidate.Phrase);
                chosen.RemoveAll(c => c.Word == first || c.Word == second);
                chosen.Add((candidate.Text, -1, candidate.Phrase));
            }
            else if (!chosen.Any(c => c.Phrase >= 0 && space.PhraseWords(c.Phrase) is var (a, b) && (a == candidate.Word || b == candidate.Word)))
            {
                chosen.Add((candidate.Text, candidate.Word, -1));
            }
        }

        return chosen.Select(c => c.Text).ToArray();
    }

    /// <summary>p·ln(p ÷ q): p the share of the group with the term, q that of the others, smoothed so that q is never 0.</summary>
    private static double Score(int inside, int everywhere, int size, int n)
    {
        var p = (double)inside / size;
        var q = (everywhere - inside + 0.5) / (n - size + 1.0);
        return p * Math.Log(p / q);
    }

    private static Dictionary<int, int> PhraseFrequency(TermSpace space, IEnumerable<int> phrases)
    {
        var frequency = phrases.ToDictionary(p => p, _ => 0);
        if (frequency.Count == 0)
        {
            return frequency;
        }

        foreach (var set in space.PhraseSets)
        {
            foreach (var phrase in set)
            {
                if (frequency.TryGetValue(phrase, out var count))
                {
                    frequency[phrase] = count + 1;
                }
            }
        }

        return frequency;
    }
}
