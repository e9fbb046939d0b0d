using System.Globalization;
using Scalability.GrainInterfaces.Costing;
using Scalability.Grains.Processing.Llm;

namespace Scalability.Grains.Costing;

/// <summary>
/// Estimates the llm processor's tokens per ticket from sample tickets: each sample's real prompt (<see cref="LlmPrompt"/>)
/// counted with the model's tokenizer, and the reply the prompt asks for, a JSON object with a category, a confidence
/// and a summary of at most N words.
/// <para>
/// Prompt tokens: the sample's mean, with a 95% confidence interval from its spread (finite-population corrected).
/// Completion tokens: the JSON around the summary, averaged over the taxonomy's categories, plus a summary that uses the
/// word allowance, or the whole ticket when that is shorter, in the ticket's own words (so at its tokens per word). The
/// low end is a summary of half that; the high end a summary of the full allowance whatever the ticket's length, with
/// the longest category, up to the reply's token limit.
/// </para>
/// </summary>
public static class TokenEstimator
{
    /// <summary>The confidence interval's z for 95%.</summary>
    private const double Z95 = 1.96;

    /// <summary>A confidence as models write it: two decimals.</summary>
    private const string TypicalConfidence = "0.85";

    /// <param name="texts">The sampled tickets' text, as the processor sends it.</param>
    /// <param name="population">The number of tickets the sample stands for (for the finite-population correction).</param>
    public static TokenEstimate Estimate(
        IReadOnlyList<string> texts, LlmPrompt prompt, ChatTokenCounter counter, int maxOutputTokens, long population)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOutputTokens, 1);
        var skeletons = prompt.Categories.Select(c => counter.Count(Reply(c, ""))).ToArray();
        var skeletonMean = skeletons.Average();
        var inputs = new List<double>();
        var outputs = new List<double>();
        var lows = new List<double>();
        var highs = new List<double>();
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            inputs.Add(counter.CountChat(prompt.Request(text)));
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var summaryWords = Math.Min(prompt.SummaryMaxWords, words.Length);
            var summaryTokens = counter.Count(string.Join(' ', words.Take(summaryWords)));
            var briefTokens = counter.Count(string.Join(' ', words.Take((summaryWords + 1) / 2)));
            var tokensPerWord = (double)counter.Count(text) / words.Length;
            outputs.Add(Math.Min(maxOutputTokens, skeletonMean + summaryTokens));
            lows.Add(Math.Min(maxOutputTokens, skeletons.Min() + briefTokens));
            highs.Add(Math.Min(maxOutputTokens, skeletons.Max() + Math.Max(summaryTokens, prompt.SummaryMaxWords * tokensPerWord)));
        }

        var blankShare = texts.Count == 0 ? 0 : (double)(texts.Count - inputs.Count) / texts.Count;
        if (inputs.Count == 0)
        {
            return new TokenEstimate(counter.Encoding, texts.Count, 0, 0, 0, 0, 0, 0, blankShare);
        }

        var mean = inputs.Average();
        var halfWidth = HalfWidth(inputs, mean, population);
        var outputMean = outputs.Average();
        var outputHalfWidth = HalfWidth(outputs, outputMean, population);
        return new TokenEstimate(
            counter.Encoding,
            texts.Count,
            mean,
            Math.Max(0, mean - halfWidth),
            mean + halfWidth,
            outputMean,
            Math.Min(outputMean, lows.Average()),
            Math.Min(maxOutputTokens, Math.Max(outputMean, highs.Average() + outputHalfWidth)),
            blankShare);
    }

    /// <summary>The estimate for an input file: a deterministic sample read with the job's ingest, with the prompt the job would send.</summary>
    /// <exception cref="Ingest.InputException">The input cannot be read or mapped.</exception>
    public static (TicketSample Sample, TokenEstimate Tokens) ForInput(TokenSampleRequest request, CancellationToken cancellationToken = default)
    {
        var sample = TicketSample.Read(request.Path, request.IdColumn, request.TextColumns, request.SampleSize, cancellationToken);
        return (sample, ForSample(sample, request));
    }

    /// <summary>The estimate from a sample at hand, with the prompt of <paramref name="request"/>'s settings.</summary>
    public static TokenEstimate ForSample(TicketSample sample, TokenSampleRequest request)
    {
        var prompt = new LlmPrompt(request.Categories ?? Processing.SupportTaxonomy.Default.CategoryNames, request.SummaryMaxWords);
        return Estimate(sample.Texts, prompt, ChatTokenCounter.ForModel(request.Model), request.MaxOutputTokens, sample.Dataset.Rows);
    }

    /// <summary>The reply's shape, without spaces, as the JSON the prompt asks for.</summary>
    public static string Reply(string category, string summary) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"category\":\"{category}\",\"confidence\":{TypicalConfidence},\"summary\":\"{summary}\"}}");

    private static double HalfWidth(List<double> values, double mean, long population)
    {
        var n = values.Count;
        if (population <= n)
        {
            // The sample is the whole population: its mean is exact.
            return 0;
        }

        if (n < 2)
        {
            // One ticket says nothing of the spread; half its count either way.
            return mean * 0.5;
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        var correction = population > n ? Math.Sqrt((double)(population - n) / (population - 1)) : 0;
        return Z95 * Math.Sqrt(variance / n) * correction;
    }
}
