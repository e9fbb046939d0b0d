using System.Globalization;
using System.Runtime.InteropServices;

namespace Scalability.LlmSimulation;

/// <summary>
/// Standalone run: <c>dotnet run --project tests/Scalability.LlmSimulator -- --port 5099 [options]</c>.
/// Options: --latency-ms N | MIN..MAX, --rps N, --tpm N, --error-fraction F, --malformed-fraction F, --seed N,
/// --api-key KEY, --categories a,b,c. Prints the base address, then serves until Ctrl+C or SIGTERM.
/// </summary>
internal static class SimulatorProgram
{
    private static async Task<int> Main(string[] args)
    {
        SimulatorOptions options;
        int port;
        try
        {
            (options, port) = Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            await Console.Error.WriteLineAsync(
                "usage: --port N [--latency-ms N|MIN..MAX] [--rps N] [--tpm N] [--error-fraction F] "
                + "[--malformed-fraction F] [--seed N] [--api-key KEY] [--categories a,b,c]");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        await using var simulator = await LlmSimulator.StartAsync(options, port, stop.Token);
        Console.WriteLine($"LLM simulator listening on {simulator.BaseAddress} (latency {options.Latency}, "
            + $"rps {options.RequestsPerSecond?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"}, "
            + $"tpm {options.TokensPerMinute?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"}, seed {options.Seed})");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        Console.WriteLine($"stopping; stats: {simulator.Stats}");
        return 0;
    }

    private static (SimulatorOptions Options, int Port) Parse(string[] args)
    {
        var options = new SimulatorOptions();
        var port = 0;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value");
            }

            var value = args[++i];
            var inv = CultureInfo.InvariantCulture;
            if (name == "--port")
            {
                port = int.Parse(value, inv);
                continue;
            }

            options = name switch
            {
                "--latency-ms" => options with { Latency = ParseLatency(value) },
                "--rps" => options with { RequestsPerSecond = double.Parse(value, inv) },
                "--tpm" => options with { TokensPerMinute = int.Parse(value, inv) },
                "--error-fraction" => options with { ServerErrorFraction = double.Parse(value, inv) },
                "--malformed-fraction" => options with { MalformedFraction = double.Parse(value, inv) },
                "--seed" => options with { Seed = int.Parse(value, inv) },
                "--api-key" => options with { ApiKey = value },
                "--categories" => options with { Categories = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        options.Validate();
        return (options, port);
    }

    private static LatencyDistribution ParseLatency(string value)
    {
        var range = value.Split("..", 2);
        return range.Length == 2
            ? LatencyDistribution.Uniform(int.Parse(range[0], CultureInfo.InvariantCulture), int.Parse(range[1], CultureInfo.InvariantCulture))
            : LatencyDistribution.Fixed(int.Parse(value, CultureInfo.InvariantCulture));
    }
}
