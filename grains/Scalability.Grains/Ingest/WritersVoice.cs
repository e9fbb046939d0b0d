using Scalability.Grains.Processing.Languages;

namespace Scalability.Grains.Ingest;

/// <summary>Whom a text speaks for: its writer ("I", "my") or to its reader ("you", "your").</summary>
public enum Voice
{
    Neither = 0,
    /// <summary>More words of the first person than of the second: a customer telling of their problem.</summary>
    FirstPerson = 1,
    /// <summary>More words of the second person than of the first: an answer to someone, such as an agent's reply.</summary>
    SecondPerson = 2,
}

/// <summary>What <c>Languages/&lt;code&gt;/voice.json</c> lists: the words of the first and second person singular
/// (and the polite second person), lower-case unless case tells them apart (German "Sie" is "you", "sie" is "they").</summary>
internal sealed record VoiceWords(IReadOnlyList<string> FirstPerson, IReadOnlyList<string> SecondPerson);

/// <summary>
/// Tells a text's <see cref="Voice"/> from the pronouns of the supported languages. A ticket's customer writes of
/// "my order" and what "I" tried; an agent's reply is about "your order" and what "you" can do; so of two columns of
/// free text, the one in the first person is the customer's. Each text is weighed in its own language, the one whose
/// stop words it uses most, so that a word that is a pronoun in another language ("du" is German "you" and French
/// "of the"; "je" is French "I" and Dutch "you") is not counted as one.
/// </summary>
internal static class WritersVoice
{
    private readonly record struct Pronoun(int Language, bool First);

    private static readonly string[] Languages = SupportedLanguages.Codes.Where(HasWords).ToArray();

    // By lower-case word: the languages whose stop word it is (one bit each, for up to 64 languages), and the pronouns it is.
    private static readonly Dictionary<string, (long StopWordOf, Pronoun[] Pronouns)> Words = new(StringComparer.Ordinal);

    // Pronouns that case tells apart, by their exact spelling.
    private static readonly Dictionary<string, Pronoun[]> ExactCase = new(StringComparer.Ordinal);

    static WritersVoice()
    {
        for (var language = 0; language < Languages.Length; language++)
        {
            foreach (var word in LanguageResources.Info(Languages[language]).StopWords)
            {
                var entry = Words.GetValueOrDefault(word, (0, []));
                Words[word] = (entry.StopWordOf | (1L << language), entry.Pronouns);
            }

            var pronouns = LanguageResources.Read<VoiceWords>(Languages[language], "voice");
            Add(pronouns.FirstPerson, language, first: true);
            Add(pronouns.SecondPerson, language, first: false);
        }
    }

    /// <summary>The supported languages that list their pronouns (every one should: a test says which do not).</summary>
    public static IReadOnlyList<string> LanguagesWithWords => Languages;

    public static Voice Of(string text)
    {
        // Per language: its stop words, its first-person and its second-person words in the text.
        Span<int> counts = stackalloc int[Languages.Length * 3];
        counts.Clear();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetter(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                Count(text.AsSpan(start, i - start), counts);
                start = -1;
            }
        }

        var best = 0;
        for (var language = 1; language < Languages.Length; language++)
        {
            if (Rank(counts, language).CompareTo(Rank(counts, best)) > 0)
            {
                best = language;
            }
        }

        var (first, second) = Languages.Length == 0 ? (0, 0) : (counts[best * 3 + 1], counts[best * 3 + 2]);
        return first > second ? Voice.FirstPerson : second > first ? Voice.SecondPerson : Voice.Neither;
    }

    // The text's language: the most stop words, then the most pronouns; the first in SupportedLanguages on a tie.
    private static (int StopWords, int Pronouns) Rank(Span<int> counts, int language) =>
        (counts[language * 3], counts[language * 3 + 1] + counts[language * 3 + 2]);

    private static void Count(ReadOnlySpan<char> word, Span<int> counts)
    {
        // Stop words and pronouns are short; a longer word is neither.
        if (word.Length > 16)
        {
            return;
        }

        var exact = new string(word);
        if (ExactCase.TryGetValue(exact, out var pronouns))
        {
            AddPronouns(pronouns, counts);
        }

        if (Words.TryGetValue(exact.ToLowerInvariant(), out var entry))
        {
            for (var language = 0; language < Languages.Length; language++)
            {
                counts[language * 3] += (int)((entry.StopWordOf >> language) & 1);
            }

            AddPronouns(entry.Pronouns, counts);
        }
    }

    private static void AddPronouns(Pronoun[] pronouns, Span<int> counts)
    {
        foreach (var pronoun in pronouns)
        {
            counts[pronoun.Language * 3 + (pronoun.First ? 1 : 2)]++;
        }
    }

    private static void Add(IReadOnlyList<string> words, int language, bool first)
    {
        foreach (var word in words)
        {
            var pronoun = new Pronoun(language, first);
            if (word.Any(char.IsUpper))
            {
                ExactCase[word] = [.. ExactCase.GetValueOrDefault(word, []), pronoun];
            }
            else
            {
                var entry = Words.GetValueOrDefault(word, (0, []));
                Words[word] = (entry.StopWordOf, [.. entry.Pronouns, pronoun]);
            }
        }
    }

    private static bool HasWords(string code) =>
        typeof(WritersVoice).Assembly.GetManifestResourceInfo($"Scalability.Grains.Languages.{code}/voice.json") is not null;
}
