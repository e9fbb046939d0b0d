using Scalability.Grains.Costing;
using Scalability.Tests.Support;

namespace Scalability.Tests.Costing;

public sealed class PriceTableTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_built_in_table_prices_compute_memory_and_the_models()
    {
        var table = PriceTable.Default;

        Assert.Equal(new ComputePrices(0.04m, 0.005m), table.Compute);
        Assert.Equal(ModelPrices.Default.All.Count, table.Models.All.Count);
        Assert.Equal(0.15m, table.Models.Find("gpt-4o-mini")!.InputUsdPerMillion);
    }

    [Fact]
    public void A_users_file_replaces_the_prices_it_names_and_keeps_the_rest()
    {
        var computeOnly = Write("compute.json", """{ "computeUsdPerWorkerHour": 0.1 }""");
        var withModel = Write("models.json", """{ "memoryUsdPerGbHour": 0.02, "models": [ { "model": "house-model", "inputUsdPerMillion": 1, "outputUsdPerMillion": 2 }, { "model": "gpt-4o-mini", "inputUsdPerMillion": 0.3, "outputUsdPerMillion": 1.2 } ] }""");

        var compute = PriceTable.Default.With(computeOnly);
        var models = PriceTable.Default.With(withModel);

        Assert.Equal(new ComputePrices(0.1m, 0.005m), compute.Compute);
        Assert.Same(PriceTable.Default.Models, compute.Models);
        Assert.Equal(new ComputePrices(0.04m, 0.02m), models.Compute);
        Assert.Equal(new ModelPrice("house-model", 1, 2), models.Models.Find("house-model"));
        Assert.Equal(new ModelPrice("gpt-4o-mini", 0.3m, 1.2m), models.Models.Find("gpt-4o-mini"));
        Assert.Equal(0.4m, models.Models.Find("gpt-4.1-mini")!.InputUsdPerMillion);
    }

    [Theory]
    [InlineData("""{ "note": "nothing" }""", "not a price table: it has none of computeUsdPerWorkerHour, memoryUsdPerGbHour, models")]
    [InlineData("""{ "computeUsdPerWorkerHour": -1 }""", "the compute and memory prices must not be negative")]
    [InlineData("""{ "computeUsdPerWorkerHour": "cheap" }""", "not a price table:")]
    public void A_file_that_is_not_a_price_table_is_refused_with_its_name(string json, string reason)
    {
        var path = Write("bad.json", json);

        var error = Assert.Throws<ArgumentException>(() => PriceTable.Default.With(path));

        Assert.StartsWith($"{path}: {reason}", error.Message);
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_name()
    {
        var path = _temp.File("missing.json");

        var error = Assert.Throws<ArgumentException>(() => PriceTable.Default.With(path));

        Assert.StartsWith($"{path}: ", error.Message);
    }

    private string Write(string name, string json)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, json);
        return path;
    }
}
