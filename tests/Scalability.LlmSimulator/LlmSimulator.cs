using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scalability.LlmSimulation;

/// <summary>
/// A running OpenAI-compatible endpoint on 127.0.0.1: POST {BaseAddress}chat/completions (non-streaming),
/// GET /stats (the <see cref="SimulatorStats"/> as JSON) and GET /healthz. Dispose to stop it.
/// </summary>
public sealed class LlmSimulator : IAsyncDisposable
{
    private static readonly JsonSerializerOptions StatsJson = new(JsonSerializerDefaults.Web);

    private readonly WebApplication _app;
    private readonly StatsCounter _stats;
    private readonly ChatCompletionsEndpoint _endpoint;

    private LlmSimulator(WebApplication app, StatsCounter stats, ChatCompletionsEndpoint endpoint, Uri baseAddress, SimulatorOptions options)
    {
        _app = app;
        _stats = stats;
        _endpoint = endpoint;
        BaseAddress = baseAddress;
        Options = options;
    }

    /// <summary>The OpenAI base address, ending in <c>/v1/</c>, e.g. <c>http://127.0.0.1:41234/v1/</c>.</summary>
    public Uri BaseAddress { get; }

    public SimulatorOptions Options { get; }

    /// <summary>The last user message of every request so far (with <see cref="SimulatorOptions.RecordUserMessages"/>).</summary>
    public IReadOnlyList<string> UserMessages => _endpoint.UserMessages.ToArray();

    /// <summary>A consistent snapshot of the counters at the time of the call.</summary>
    public SimulatorStats Stats => _stats.Snapshot();

    /// <summary>Starts a simulator on a free port of 127.0.0.1.</summary>
    public static Task<LlmSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, port: 0, cancellationToken);

    /// <summary>Starts a simulator on the given port of 127.0.0.1 (0 = a free one).</summary>
    public static async Task<LlmSimulator> StartAsync(SimulatorOptions options, int port, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(LlmSimulator).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        // Loading an encoding's vocabulary takes a moment; done here, the first request's latency is only the simulated one.
        SimulatedTokenizer.Warm();

        var app = builder.Build();
        var stats = new StatsCounter();
        var endpoint = new ChatCompletionsEndpoint(options, stats);
        app.MapPost("/v1/chat/completions", (RequestDelegate)endpoint.HandleAsync);
        app.MapGet("/stats", (RequestDelegate)(context => context.Response.WriteAsJsonAsync(stats.Snapshot(), StatsJson, context.RequestAborted)));
        app.MapGet("/healthz", (RequestDelegate)(context => context.Response.WriteAsync("ok", context.RequestAborted)));

        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new LlmSimulator(app, stats, endpoint, new Uri(address.TrimEnd('/') + "/v1/"), options);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
