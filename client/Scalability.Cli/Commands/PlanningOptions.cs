using System.CommandLine;
using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.Processing;
using Scalability.Grains.Costing;
using Scalability.Grains.Processing;

namespace Scalability.Cli.Commands;

/// <summary>
/// The options that describe a run to plan (<c>scale analyze</c> and <c>scale optimize</c>): the processor and its
/// prices, the endpoint's rate limits, the workers allowed, and the limits to meet; and how they become a
/// <see cref="PlanningRequest"/> from a sample of the tickets.
/// </summary>
internal sealed class PlanningOptions
{
    private readonly Option<string> _processor = new("--processor")
    {
        Description = "The processor to plan for: local (built in), llm (priced per token), or a plug-in's kind (planned from the reference profiles).",
        DefaultValueFactory = _ => ProcessorSpec.LocalKind,
    };

    private readonly Option<string?> _model = new("--llm-model") { Description = "The model for --processor llm: its tokenizer and its price." };

    private readonly Option<int> _summaryWords = CommonOptions.LlmSummaryWords();

    private readonly Option<string[]> _categories = CommonOptions.LlmCategories();

    private readonly Option<string?> _prices = new("--prices")
    {
        Description = "A JSON price table that replaces the built-in prices it names: computeUsdPerWorkerHour, " +
                      "memoryUsdPerGbHour, and a models list ({\"model\":…,\"inputUsdPerMillion\":…,\"outputUsdPerMillion\":…}).",
    };

    private readonly Option<decimal?> _inputPrice = CommonOptions.InputPrice();

    private readonly Option<decimal?> _outputPrice = CommonOptions.OutputPrice();

    private readonly Option<double?> _requestsPerMinute = new("--requests-per-minute") { Description = "The llm endpoint's request rate limit, if it has one." };

    private readonly Option<double?> _tokensPerMinute = new("--tokens-per-minute") { Description = "The llm endpoint's token rate limit, if it has one." };

    private readonly Option<int> _maxWorkers = new("--max-workers")
    {
        Description = "The most workers a configuration may have.",
        DefaultValueFactory = _ => PlanningRequest.DefaultMaxWorkers,
    };

    private readonly Option<int> _sampleSize = new("--sample-size")
    {
        Description = "Tickets sampled to count the llm processor's tokens.",
        DefaultValueFactory = _ => TokenSampleRequest.DefaultSampleSize,
    };

    private readonly Option<decimal?> _budget = new("--budget") { Description = "The most the run may cost, in USD." };

    private readonly Option<double?> _timeLimit = new("--time-limit") { Description = "The longest the run may take, in hours." };

    public Option<double?> MemoryLimit => _memoryLimit;

    private readonly Option<double?> _memoryLimit = new("--memory-limit")
    {
        Description = "The most memory the run may use, in GB (default: the memory available on this machine, or the cluster's silo).",
    };

    public IEnumerable<Option> All =>
    [
        _processor, _model, _summaryWords, _categories, _prices, _inputPrice, _outputPrice, _requestsPerMinute, _tokensPerMinute,
        _maxWorkers, _sampleSize, _budget, _timeLimit, _memoryLimit,
    ];

    /// <summary>The limits given; the memory limit is left to the system when not given.</summary>
    /// <exception cref="ArgumentException">A limit that is not more than 0.</exception>
    public PlanningLimits Limits(ParseResult parse)
    {
        var limits = new PlanningLimits(parse.GetValue(_budget), parse.GetValue(_timeLimit), parse.GetValue(_memoryLimit));
        return limits.BudgetUsd is <= 0 ? throw new ArgumentException($"--budget must be more than 0 (got {limits.BudgetUsd})")
            : limits.TimeLimitHours is <= 0 ? throw new ArgumentException($"--time-limit must be more than 0 hours (got {limits.TimeLimitHours})")
            : limits.MemoryLimitGb is <= 0 ? throw new ArgumentException($"--memory-limit must be more than 0 GB (got {limits.MemoryLimitGb})")
            : limits;
    }

    /// <summary>
    /// The request for <paramref name="input"/> (sampled with the job's ingest) or, without one, for
    /// <paramref name="tickets"/> tickets like the synthetic generator's.
    /// </summary>
    /// <exception cref="ArgumentException">An option that does not fit, a price file that cannot be read, an unknown model's price.</exception>
    /// <exception cref="Grains.Ingest.InputException">The input cannot be read.</exception>
    public PlanningRequest Request(ParseResult parse, string? input, long tickets, string? idColumn, string[]? textColumns, CancellationToken cancellationToken)
    {
        var processor = parse.GetValue(_processor)!;
        var isLlm = processor == ProcessorSpec.LlmKind;
        Option[] llmOnly = [_model, _categories, _inputPrice, _outputPrice, _requestsPerMinute, _tokensPerMinute];
        if (!isLlm && llmOnly.Any(o => parse.GetResult(o) is not null))
        {
            throw new ArgumentException("the --llm-…, token price and rate limit options are for --processor llm");
        }

        var model = parse.GetValue(_model);
        if (isLlm && model is null)
        {
            throw new ArgumentException("--processor llm needs --llm-model");
        }

        if (parse.GetValue(_maxWorkers) < 1 || parse.GetValue(_sampleSize) < 1 || parse.GetValue(_summaryWords) < 1)
        {
            throw new ArgumentException("--max-workers, --sample-size and --llm-summary-words must be at least 1");
        }

        var pricesFile = parse.GetValue(_prices);
        var table = pricesFile is null ? PriceTable.Default : PriceTable.Default.With(Path.GetFullPath(pricesFile));
        var workload = new Workload(processor, model, parse.GetValue(_inputPrice), parse.GetValue(_outputPrice),
            parse.GetValue(_requestsPerMinute), parse.GetValue(_tokensPerMinute));
        if (isLlm)
        {
            var price = table.Models.Resolve(model!, workload.InputUsdPerMillion, workload.OutputUsdPerMillion);
            workload = workload with { InputUsdPerMillion = price.InputUsdPerMillion, OutputUsdPerMillion = price.OutputUsdPerMillion };
        }

        var sampleSize = parse.GetValue(_sampleSize);
        var sample = input is null
            ? TicketSample.Synthetic(tickets, isLlm ? sampleSize : PlanningInputs.SyntheticSampleSize)
            : TicketSample.Read(input, idColumn, textColumns, sampleSize, cancellationToken);
        TokenEstimate? tokens = null;
        if (isLlm)
        {
            var categories = CommonOptions.SplitColumns(parse.GetValue(_categories));
            tokens = TokenEstimator.ForSample(sample, new TokenSampleRequest(input ?? "", model!, categories ?? SupportTaxonomy.Default.CategoryNames.ToArray(),
                parse.GetValue(_summaryWords), LlmSettings.DefaultMaxOutputTokens)) with
            {
                SampledFrom = input is null ? TokenEstimate.FromSynthetic : TokenEstimate.FromInput,
            };
        }

        return new PlanningRequest(sample.Dataset, workload, tokens, MaxWorkers: parse.GetValue(_maxWorkers),
            ComputeUsdPerWorkerHour: table.Compute.ComputeUsdPerWorkerHour, MemoryUsdPerGbHour: table.Compute.MemoryUsdPerGbHour);
    }
}
