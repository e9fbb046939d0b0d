using System.CommandLine;
using Scalability.GrainInterfaces.Processing;
using Scalability.Grains.Costing;
using Scalability.Grains.Processing.Llm;

namespace Scalability.Cli.Commands;

/// <summary>
/// The options that choose and set up a job's processor (<c>--processor local|llm|plugin:&lt;path&gt;|&lt;kind&gt;</c>
/// and its settings), and how they become a <see cref="ProcessorSpec"/>. Token prices are settled here, at submission,
/// so that every silo bills the job's tokens alike.
/// </summary>
internal sealed class ProcessorOptions
{
    private const string PluginPrefix = "plugin:";

    private readonly Option<string> _processor = new("--processor")
    {
        Description = "The per-ticket processor: local (built in, no network), llm (an OpenAI-compatible endpoint), " +
                      "plugin:<assembly path> (your own ITicketProcessor), or a kind a silo's --plugin offers.",
        DefaultValueFactory = _ => ProcessorSpec.LocalKind,
    };

    private readonly Option<string> _categorizer = new("--categorizer")
    {
        Description = "The local processor's categorizer: keywords, model (with --model), or none to leave categories empty.",
        DefaultValueFactory = _ => ProcessorSpec.KeywordsCategorizer,
    };

    private readonly Option<string?> _trainedModel = new("--model")
    {
        Description = "Categorize with this model, written by 'scale train', instead of the keywords.",
    };

    private readonly Option<string> _summarizer = new("--summarizer")
    {
        Description = "The local processor's summarizer: extractive, or none to leave summaries empty.",
        DefaultValueFactory = _ => ProcessorSpec.ExtractiveSummarizer,
    };

    private readonly Option<int> _summaryMaxChars = new("--summary-max-chars")
    {
        Description = "Longest summary of the local processor, in characters.",
        DefaultValueFactory = _ => ProcessorSpec.DefaultSummaryMaxChars,
    };

    private readonly Option<string?> _endpoint = new("--llm-endpoint")
    {
        Description = "The OpenAI-compatible API's base address for --processor llm, e.g. https://api.openai.com/v1/.",
    };

    private readonly Option<string?> _model = new("--llm-model") { Description = "The model for --processor llm, e.g. gpt-4o-mini." };

    private readonly Option<string> _apiKeyVariable = new("--llm-api-key-variable")
    {
        Description = "The environment variable that holds the API key on every silo (the key itself is never passed on).",
        DefaultValueFactory = _ => LlmSettings.DefaultApiKeyVariable,
    };

    private readonly Option<string[]> _llmCategories = CommonOptions.LlmCategories();

    private readonly Option<int> _summaryMaxWords = CommonOptions.LlmSummaryWords();

    private readonly Option<double> _timeout = new("--llm-timeout")
    {
        Description = "Seconds allowed for one request before it is abandoned and retried.",
        DefaultValueFactory = _ => LlmSettings.DefaultRequestTimeoutSeconds,
    };

    private readonly Option<int> _maxAttempts = new("--llm-max-attempts")
    {
        Description = "Requests per ticket (retries of errors, 429s and timeouts) before it is written as failed.",
        DefaultValueFactory = _ => LlmSettings.DefaultMaxAttempts,
    };

    private readonly Option<int> _maxOutputTokens = new("--llm-max-output-tokens")
    {
        Description = "The longest reply the model may give, in tokens; with --budget it also bounds a chunk's worst case.",
        DefaultValueFactory = _ => LlmSettings.DefaultMaxOutputTokens,
    };

    private readonly Option<string?> _prices = new("--prices")
    {
        Description = "A JSON price table ({\"models\":[{\"model\":…,\"inputUsdPerMillion\":…,\"outputUsdPerMillion\":…}]}) " +
                      "that adds to or replaces the built-in one.",
    };

    private readonly Option<decimal?> _inputPrice = CommonOptions.InputPrice();

    private readonly Option<decimal?> _outputPrice = CommonOptions.OutputPrice();

    public IEnumerable<Option> All =>
    [
        _processor, _categorizer, _trainedModel, _summarizer, _summaryMaxChars, _endpoint, _model, _apiKeyVariable, _llmCategories,
        _summaryMaxWords, _timeout, _maxAttempts, _maxOutputTokens, _prices, _inputPrice, _outputPrice,
    ];

    /// <summary>The processor the options describe.</summary>
    /// <exception cref="ArgumentException">An option that does not fit the processor, or a missing setting or price.</exception>
    public ProcessorSpec Parse(ParseResult parse)
    {
        var kind = parse.GetValue(_processor)!;
        var (categorizer, modelPath) = Categorizer(kind, parse.GetValue(_categorizer)!, parse.GetValue(_trainedModel));
        var spec = new ProcessorSpec(kind, parse.GetValue(_summaryMaxChars), categorizer, parse.GetValue(_summarizer)!, modelPath);
        if (kind.StartsWith(PluginPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var path = kind[PluginPrefix.Length..];
            spec = path.Length > 0
                ? spec with { Kind = ProcessorSpec.PluginKind, PluginPath = Path.GetFullPath(path) }
                : throw new ArgumentException("--processor plugin: needs the assembly's path, as plugin:<path>");
        }

        // These have no defaults: a result exists only when the user gave the option.
        Option[] llmOnly = [_endpoint, _model, _llmCategories, _prices, _inputPrice, _outputPrice];
        var llmOptionsGiven = llmOnly.Any(o => parse.GetResult(o) is not null);
        if (spec.Kind != ProcessorSpec.LlmKind)
        {
            return llmOptionsGiven
                ? throw new ArgumentException("the --llm-… and price options are for --processor llm")
                : spec;
        }

        var endpoint = parse.GetValue(_endpoint) ?? throw new ArgumentException("--processor llm needs --llm-endpoint");
        var model = parse.GetValue(_model) ?? throw new ArgumentException("--processor llm needs --llm-model");
        var pricesFile = parse.GetValue(_prices);
        var table = pricesFile is null ? ModelPrices.Default : ModelPrices.Default.With(Path.GetFullPath(pricesFile));
        return spec with
        {
            Llm = LlmProcessorFactory.WithPrices(new LlmSettings(
                endpoint,
                model,
                parse.GetValue(_apiKeyVariable)!,
                CommonOptions.SplitColumns(parse.GetValue(_llmCategories)),
                parse.GetValue(_summaryMaxWords),
                parse.GetValue(_timeout),
                parse.GetValue(_maxAttempts),
                parse.GetValue(_inputPrice),
                parse.GetValue(_outputPrice),
                parse.GetValue(_maxOutputTokens)), table),
        };
    }

    /// <summary>The local processor's categorizer and model file, from --categorizer and --model.</summary>
    private static (string Categorizer, string? ModelPath) Categorizer(string processor, string categorizer, string? model)
    {
        if (model is null)
        {
            return categorizer == ProcessorSpec.ModelCategorizer
                ? throw new ArgumentException("--categorizer model needs --model <file written by 'scale train'>")
                : (categorizer, null);
        }

        if (categorizer is not (ProcessorSpec.KeywordsCategorizer or ProcessorSpec.ModelCategorizer))
        {
            throw new ArgumentException($"--model categorizes with a trained model, so it cannot go with --categorizer {categorizer}");
        }

        return processor == ProcessorSpec.LocalKind
            ? (ProcessorSpec.ModelCategorizer, Path.GetFullPath(model))
            : throw new ArgumentException($"--model is for the local processor, not --processor {processor}");
    }
}
