using System.Text.Json;
using Scalability.GrainInterfaces;

namespace Scalability.Grains.Costing;

/// <summary>What a model's tokens cost, in USD per million.</summary>
public sealed record ModelPrice(string Model, decimal InputUsdPerMillion, decimal OutputUsdPerMillion)
{
    /// <summary>The cost of one exchange. Exact in decimal, so that per-row costs add up to the cost of the totals.</summary>
    public decimal Cost(long tokensIn, long tokensOut) =>
        (tokensIn * InputUsdPerMillion + tokensOut * OutputUsdPerMillion) / 1_000_000m;
}

/// <summary>
/// The price table for LLM processors, by model name (case-insensitive). The built-in table is data
/// (<c>model-prices.json</c>); a user's file of the same shape adds models or replaces their prices.
/// </summary>
public sealed class ModelPrices
{
    private readonly Dictionary<string, ModelPrice> _byModel;

    public ModelPrices(IEnumerable<ModelPrice> prices)
    {
        _byModel = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var price in prices)
        {
            if (string.IsNullOrWhiteSpace(price.Model))
            {
                throw new ArgumentException("a price has no model name");
            }

            if (price.InputUsdPerMillion < 0 || price.OutputUsdPerMillion < 0)
            {
                throw new ArgumentException($"the price of model '{price.Model}' is negative");
            }

            _byModel[price.Model] = price;
        }
    }

    public static ModelPrices Default { get; } = Load(
        typeof(ModelPrices).Assembly.GetManifestResourceStream("Scalability.Grains.Costing.model-prices.json")
        ?? throw new InvalidOperationException("the built-in model prices are missing from the assembly"));

    public IReadOnlyCollection<ModelPrice> All => _byModel.Values;

    /// <exception cref="InvalidDataException">The JSON does not hold a price table.</exception>
    public static ModelPrices Load(Stream json)
    {
        PricesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PricesFile>(json, ScaleJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a price table: {e.Message}", e);
        }

        return file?.Models is { } models
            ? new ModelPrices(models)
            : throw new InvalidDataException("not a price table: it has no \"models\" list");
    }

    /// <summary>Reads a user's price file; its models replace or extend this table's.</summary>
    /// <exception cref="ArgumentException">The file is missing or is not a price table; the message names it.</exception>
    public ModelPrices With(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return new ModelPrices(All.Concat(Load(stream).All));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            throw new ArgumentException($"{path}: {e.Message}", e);
        }
    }

    public ModelPrice? Find(string model) => _byModel.GetValueOrDefault(model);

    /// <summary>The model's prices: those given, else the table's.</summary>
    /// <exception cref="ArgumentException">A price is not given and the table does not know the model; the message says what to give.</exception>
    public ModelPrice Resolve(string model, decimal? inputUsdPerMillion, decimal? outputUsdPerMillion)
    {
        var listed = inputUsdPerMillion is not null && outputUsdPerMillion is not null ? null : Find(model);
        return new ModelPrice(
            model,
            inputUsdPerMillion ?? listed?.InputUsdPerMillion ?? throw Unknown(model),
            outputUsdPerMillion ?? listed?.OutputUsdPerMillion ?? throw Unknown(model));
    }

    private ArgumentException Unknown(string model) => new(
        $"no price is known for model '{model}' (the table has {string.Join(", ", All.Select(p => p.Model).Order(StringComparer.Ordinal))}); " +
        "give --input-price and --output-price in USD per million tokens (0 for a free endpoint), or a --prices file");

    private sealed record PricesFile(ModelPrice[]? Models);
}
