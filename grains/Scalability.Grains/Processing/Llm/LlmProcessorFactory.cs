using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using OpenAI;
using Polly;
using Scalability.Grains.Costing;

namespace Scalability.Grains.Processing.Llm;

/// <summary>
/// The built-in <c>llm</c> processor over an OpenAI-compatible endpoint, through Microsoft.Extensions.AI's
/// <see cref="IChatClient"/>. One chat client and one resilience pipeline serve every chunk of the same settings on this
/// silo (they are thread-safe, and a client per chunk would open connections per chunk). The API key is read from the
/// silo's environment when the client is made; it is never part of the job.
/// </summary>
public sealed class LlmProcessorFactory : ITicketProcessorFactory
{
    /// <summary>Sent when the key variable is unset, for endpoints that want no key (the client library needs one).</summary>
    public const string NoApiKey = "no-key";

    private readonly ConcurrentDictionary<LlmSettings, Lazy<(IChatClient Client, ResiliencePipeline Resilience)>> _clients =
        new(new SettingsComparer());

    public string Kind => ProcessorSpec.LlmKind;

    public ITicketProcessor Create(ProcessorSpec spec, ChunkAssignment assignment)
    {
        var settings = Validate(spec);
        var (client, resilience) = _clients.GetOrAdd(settings, s => new Lazy<(IChatClient, ResiliencePipeline)>(() => Connect(s))).Value;
        var prompt = new LlmPrompt(settings.Categories ?? SupportTaxonomy.Default.CategoryNames, settings.SummaryMaxWords);
        var options = new ChatOptions
        {
            ModelId = settings.Model,
            Temperature = 0,
            MaxOutputTokens = settings.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.Json,
        };
        return new LlmTicketProcessor(client, prompt, options, resilience,
            new ModelPrice(settings.Model, settings.InputUsdPerMillion!.Value, settings.OutputUsdPerMillion!.Value));
    }

    /// <summary>The settings with both prices set: those given, else the table's for the model.</summary>
    /// <exception cref="ArgumentException">A price is missing and the table does not know the model.</exception>
    public static LlmSettings WithPrices(LlmSettings settings, ModelPrices table)
    {
        var price = table.Resolve(settings.Model, settings.InputUsdPerMillion, settings.OutputUsdPerMillion);
        return settings with { InputUsdPerMillion = price.InputUsdPerMillion, OutputUsdPerMillion = price.OutputUsdPerMillion };
    }

    /// <summary>The spec's llm settings, checked; refused at submission rather than in every chunk.</summary>
    /// <exception cref="ArgumentException">What is missing or out of range, in the CLI's option names.</exception>
    public static LlmSettings Validate(ProcessorSpec spec)
    {
        var settings = spec.Llm ?? throw new ArgumentException("the llm processor needs --llm-endpoint and --llm-model");
        if (!Uri.TryCreate(settings.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--llm-endpoint must be an http or https address, like https://api.openai.com/v1/ (got '{settings.Endpoint}')");
        }

        if (string.IsNullOrWhiteSpace(settings.Model))
        {
            throw new ArgumentException("--llm-model is empty");
        }

        if (string.IsNullOrWhiteSpace(settings.ApiKeyVariable))
        {
            throw new ArgumentException("--llm-api-key-variable is empty");
        }

        if (settings.MaxAttempts < 1)
        {
            throw new ArgumentException($"--llm-max-attempts must be at least 1 (got {settings.MaxAttempts})");
        }

        if (!(settings.RequestTimeoutSeconds > 0))
        {
            throw new ArgumentException($"--llm-timeout must be more than 0 seconds (got {settings.RequestTimeoutSeconds})");
        }

        if (settings.RetryBaseDelaySeconds < 0)
        {
            throw new ArgumentException($"the retry delay cannot be negative (got {settings.RetryBaseDelaySeconds})");
        }

        if (settings.InputUsdPerMillion is null || settings.OutputUsdPerMillion is null)
        {
            throw new ArgumentException($"the prices of model '{settings.Model}' are not settled");
        }

        if (settings.InputUsdPerMillion < 0 || settings.OutputUsdPerMillion < 0)
        {
            throw new ArgumentException("token prices cannot be negative");
        }

        if (settings.MaxOutputTokens < 16)
        {
            throw new ArgumentException($"the reply limit must be at least 16 tokens (got {settings.MaxOutputTokens})");
        }

        _ = new LlmPrompt(settings.Categories ?? SupportTaxonomy.Default.CategoryNames, settings.SummaryMaxWords);
        return settings;
    }

    private static (IChatClient, ResiliencePipeline) Connect(LlmSettings settings)
    {
        var timeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds);
        var key = Environment.GetEnvironmentVariable(settings.ApiKeyVariable);
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.Endpoint),
            // Retries are ours (LlmResilience): the client's own would hide 429s from the counts and the scaling loop.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // Our per-request timeout cancels first; this only bounds a request that ignores cancellation.
            NetworkTimeout = timeout + TimeSpan.FromSeconds(5),
        };
        IChatClient client = new OpenAI.Chat.ChatClient(
                settings.Model, new ApiKeyCredential(string.IsNullOrEmpty(key) ? NoApiKey : key), options)
            .AsIChatClient();
        var resilience = LlmResilience.Create(settings.MaxAttempts, timeout, TimeSpan.FromSeconds(settings.RetryBaseDelaySeconds));
        return (client, resilience);
    }

    /// <summary>Settings are equal when their contents are: the taxonomy array is compared by its items.</summary>
    private sealed class SettingsComparer : IEqualityComparer<LlmSettings>
    {
        public bool Equals(LlmSettings? x, LlmSettings? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null &&
                                      x with { Categories = null } == y with { Categories = null } &&
                                      (x.Categories ?? []).SequenceEqual(y.Categories ?? [], StringComparer.Ordinal));

        public int GetHashCode(LlmSettings settings) => (settings with { Categories = null }).GetHashCode();
    }
}
