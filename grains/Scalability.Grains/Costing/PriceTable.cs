using System.Text.Json;
using Scalability.GrainInterfaces;

namespace Scalability.Grains.Costing;

/// <summary>
/// Every price cost planning uses: compute per worker-hour, memory per GB-hour (<c>compute-prices.json</c>) and the
/// models' token prices (<see cref="ModelPrices"/>). Built in as data; a user's file overrides any part of it.
/// </summary>
public sealed class PriceTable(ComputePrices compute, ModelPrices models)
{
    public static PriceTable Default { get; } = new(LoadBuiltInCompute(), ModelPrices.Default);

    public ComputePrices Compute { get; } = Check(compute);

    public ModelPrices Models { get; } = models;

    /// <summary>
    /// Reads a user's price file: <c>computeUsdPerWorkerHour</c> and <c>memoryUsdPerGbHour</c> replace this table's,
    /// and a <c>models</c> list adds to or replaces its models. Any of the three may be left out.
    /// </summary>
    /// <exception cref="ArgumentException">The file is missing, is not a price table, or holds a negative price; the message names it.</exception>
    public PriceTable With(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var file = Read(stream);
            if (file.ComputeUsdPerWorkerHour is null && file.MemoryUsdPerGbHour is null && file.Models is null)
            {
                throw new InvalidDataException("not a price table: it has none of computeUsdPerWorkerHour, memoryUsdPerGbHour, models");
            }

            var compute = new ComputePrices(
                file.ComputeUsdPerWorkerHour ?? Compute.ComputeUsdPerWorkerHour,
                file.MemoryUsdPerGbHour ?? Compute.MemoryUsdPerGbHour);
            var models = file.Models is null ? Models : new ModelPrices(Models.All.Concat(file.Models));
            return new PriceTable(compute, models);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            throw new ArgumentException($"{path}: {e.Message}", e);
        }
    }

    private static ComputePrices LoadBuiltInCompute()
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream("Scalability.Grains.Costing.compute-prices.json")
                           ?? throw new InvalidOperationException("the built-in compute prices are missing from the assembly");
        var file = Read(stream);
        return new ComputePrices(
            file.ComputeUsdPerWorkerHour ?? throw new InvalidDataException("compute-prices.json has no computeUsdPerWorkerHour"),
            file.MemoryUsdPerGbHour ?? throw new InvalidDataException("compute-prices.json has no memoryUsdPerGbHour"));
    }

    private static PricesFile Read(Stream json)
    {
        try
        {
            return JsonSerializer.Deserialize<PricesFile>(json, ScaleJson.Options)
                   ?? throw new InvalidDataException("not a price table: it is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a price table: {e.Message}", e);
        }
    }

    private static ComputePrices Check(ComputePrices prices) =>
        prices.ComputeUsdPerWorkerHour < 0 || prices.MemoryUsdPerGbHour < 0
            ? throw new ArgumentException("the compute and memory prices must not be negative")
            : prices;

    private sealed record PricesFile(decimal? ComputeUsdPerWorkerHour, decimal? MemoryUsdPerGbHour, ModelPrice[]? Models);
}
