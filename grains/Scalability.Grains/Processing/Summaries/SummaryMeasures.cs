using System.Text;
using System.Text.RegularExpressions;

namespace Scalability.Grains.Processing.Summaries;

/// <summary>
/// What summaries are judged by, shared by the tests and the benchmark's quality mode so that both count alike:
/// the baseline (a text's first sentence), content words and how many of them a summary recovers, repeated
/// sentences, escapes left in, and whether an annotated piece of a ticket made it into a summary.
/// </summary>
internal static partial class SummaryMeasures
{
    /// <summary>
    /// The baseline: the first sentence of the text, as the summarizer splits it after normalising (so that a body with
    /// literal "\n" escapes is not one long sentence), that is more than a greeting: "Hi," alone is skipped, "Hello, the
    /// tracking number has not changed." is taken whole. "" when there is none.
    /// </summary>
    public static string FirstSentence(string text)
    {
        foreach (var sentence in ExtractiveSummarizer.Default.Explain(text))
        {
            if (sentence.Role != SentenceRole.Greeting)
            {
                return sentence.Sentence.Replace('\n', ' ');
            }
        }

        return "";
    }

    /// <summary>
    /// A stronger baseline: the first sentence that the summarizer counts as content (subject, greetings, closings and
    /// other boilerplate skipped, a greeting before it taken off), or "" when there is none.
    /// </summary>
    public static string FirstContentSentence(string text)
    {
        foreach (var sentence in ExtractiveSummarizer.Default.Explain(text))
        {
            if (sentence.Role == SentenceRole.Content)
            {
                return sentence.Content.Replace('\n', ' ');
            }
        }

        return "";
    }

    /// <summary>
    /// The distinct content words of a text, as hashes: words with a letter and no digit, two characters or more, that
    /// are no stop word of any supported language and stand outside {placeholders}.
    /// </summary>
    public static HashSet<ulong> ContentWords(string text)
    {
        var words = new HashSet<ulong>();
        var lexicon = SummaryLexicon.Default;
        var position = 0;
        var placeholderEnd = -1;
        while (true)
        {
            var gapStart = position;
            if (!WordScanner.Next(text, ref position, out var word))
            {
                break;
            }

            var brace = text.AsSpan(gapStart, word.Start - gapStart).LastIndexOf('{');
            if (brace >= 0)
            {
                placeholderEnd = Math.Max(placeholderEnd, SentenceSplitter.PlaceholderEnd(text, gapStart + brace));
            }

            if (word.Start < placeholderEnd || word.HasDigit || word.Length < 2 || (lexicon.Flags(word.Hash) & WordFlags.Stop) != 0)
            {
                continue;
            }

            words.Add(word.Hash);
        }

        return words;
    }

    /// <summary>The share of <paramref name="words"/> that <paramref name="summary"/> has; 0 when there are none.</summary>
    public static double Recall(IReadOnlySet<ulong> words, string summary)
    {
        if (words.Count == 0)
        {
            return 0;
        }

        var found = ContentWords(summary);
        var recovered = 0;
        foreach (var word in words)
        {
            recovered += found.Contains(word) ? 1 : 0;
        }

        return (double)recovered / words.Count;
    }

    /// <summary>Whether some sentence occurs twice in the summary (case and white space aside).</summary>
    public static bool RepeatsSentence(string summary)
    {
        var sentences = new SentenceSpans();
        SentenceSplitter.Split(summary, sentences, SummaryLexicon.Default);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sentence in sentences.AsSpan())
        {
            if (!seen.Add(Collapse(summary.Substring(sentence.Start, sentence.Length))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an export's damage is left in: a literal "\n", "\r" or "\t" (in small letters: "C:\Users\Roaming" is a
    /// path), a line tag such as "&lt;br&gt;", an HTML entity.
    /// </summary>
    public static bool HasEscape(string summary) => EscapePattern().IsMatch(summary);

    /// <summary>
    /// Whether <paramref name="piece"/> (an annotated greeting, closing, signature or quoted message) occurs in
    /// <paramref name="summary"/> as whole words, white space collapsed on both sides.
    /// </summary>
    public static bool Contains(string summary, string piece)
    {
        var needle = Collapse(piece);
        if (needle.Length == 0)
        {
            return false;
        }

        var haystack = Collapse(summary);
        for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            var end = at + needle.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(haystack[at - 1]) || !char.IsLetterOrDigit(needle[0]);
            var endsWord = end == haystack.Length || !char.IsLetterOrDigit(haystack[end]) || !char.IsLetterOrDigit(needle[^1]);
            if (startsWord && endsWord)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>White space runs as single spaces, trimmed.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(?-i:\\[nrt])|<\s*/?\s*(br|p|div|li|span)\b[^>]*>|&(#[0-9]+|#x[0-9a-f]+|[a-z]{2,8});", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EscapePattern();
}
