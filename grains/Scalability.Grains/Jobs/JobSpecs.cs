using System.Text.Json;
using Scalability.GrainInterfaces;

namespace Scalability.Grains.Jobs;

/// <summary>Checks on a submitted spec, and its identity for idempotent resubmission.</summary>
public static class JobSpecs
{
    /// <param name="loadPlugin">Whether to load a plug-in processor's assembly: the silos do; a client on another
    /// machine may not have the file.</param>
    public static void Validate(JobSpec spec, bool loadPlugin = true)
    {
        if (!Path.IsPathFullyQualified(spec.InputPath))
        {
            throw new ArgumentException($"the input path must be absolute: '{spec.InputPath}'");
        }

        if (!Path.IsPathFullyQualified(spec.OutputPath))
        {
            throw new ArgumentException($"the output path must be absolute: '{spec.OutputPath}'");
        }

        if (string.Equals(Path.GetFullPath(spec.InputPath), Path.GetFullPath(spec.OutputPath), StringComparison.Ordinal))
        {
            throw new ArgumentException($"the output would overwrite the input: '{spec.OutputPath}'");
        }

        if (spec.ChunkSize < 0)
        {
            throw new ArgumentException($"the chunk size must be at least 1, or 0 to choose it (got {spec.ChunkSize})");
        }

        if (spec.MaxWorkers < 0)
        {
            throw new ArgumentException($"max workers cannot be negative (got {spec.MaxWorkers})");
        }

        if (spec.MaxChunkAttempts < 1)
        {
            throw new ArgumentException($"max chunk attempts must be at least 1 (got {spec.MaxChunkAttempts})");
        }

        if (spec.Limits?.Problem is { } limits)
        {
            throw new ArgumentException(limits);
        }

        if (ConversationUsage(spec) is { } conversationUsage)
        {
            throw new ArgumentException(conversationUsage);
        }

        ErrorBudget.Validate(spec.MaxFailedFraction);
        if (!(spec.ReviewBelow >= 0 && spec.ReviewBelow <= 1))
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"--review-below must be a confidence between 0 and 1 (got {spec.ReviewBelow})"));
        }

        ValidateLimits(spec);
        // The built-in processors' settings are refused at submission rather than in every chunk.
        var processor = spec.EffectiveProcessor;
        switch (processor.Kind)
        {
            case ProcessorSpec.LocalKind:
                _ = Processing.LocalTicketProcessor.Create(processor);
                break;
            case ProcessorSpec.LlmKind:
                _ = Processing.Llm.LlmProcessorFactory.Validate(processor);
                break;
            case ProcessorSpec.PluginKind when loadPlugin:
                _ = Processing.PluginProcessorFactory.Resolve(processor);
                break;
        }
    }

    /// <summary>The budget and the time limit, which the same job submitted again may change.</summary>
    public static void ValidateLimits(JobSpec spec)
    {
        BudgetGuard.Validate(spec.BudgetUsd);
        if (spec.TimeLimitHours is { } hours && !(hours > 0 && double.IsFinite(hours)))
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"--time-limit must be a number of hours more than 0 (got {hours})"));
        }
    }

    /// <summary>
    /// The spec as the job keeps it: an llm processor's token prices, when left to the price table, are written in, so
    /// that the job is billed at the prices of the day it was submitted on whichever silo runs it.
    /// </summary>
    public static JobSpec Settle(JobSpec spec) =>
        spec.Processor is { Llm: { } llm } processor
            ? spec with { Processor = processor with { Llm = Processing.Llm.LlmProcessorFactory.WithPrices(llm, Costing.ModelPrices.Default) } }
            : spec;

    /// <summary>
    /// What is wrong with a spec's conversation options, or null when they fit together. The order column orders the
    /// messages of a conversation, so it needs a conversation column; the kept columns are those of one record, which a
    /// conversation's output row does not have.
    /// </summary>
    public static string? ConversationUsage(JobSpec spec)
    {
        if (spec.OrderColumn is not null && spec.ConversationColumn is null)
        {
            return "--order-column orders the messages of each conversation: give --conversation-column too";
        }

        if (spec.ConversationColumn is not null && spec.KeepColumns is not null)
        {
            return "--keep-columns cannot be used with --conversation-column: a conversation's output row holds its key, " +
                   "its number of messages and the results, not the columns of its messages";
        }

        return null;
    }

    /// <summary>
    /// Two specs are the same job when their contents match. Record equality would compare their arrays (columns, an
    /// llm taxonomy) by reference, so their JSON forms are compared instead.
    /// </summary>
    public static bool SameJob(JobSpec a, JobSpec b) =>
        JsonSerializer.Serialize(a.Identity, ScaleJson.Options) == JsonSerializer.Serialize(b.Identity, ScaleJson.Options);
}
