using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Scalability.Silo;

namespace Scalability.Tests.Telemetry;

/// <summary>
/// Stands in for an OpenTelemetry collector over OTLP/HTTP: keeps the body of every export by signal path
/// (<c>/v1/metrics</c>, <c>/v1/traces</c>) and answers with an empty (valid) protobuf response.
/// </summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOtlpCollector(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<(string Path, byte[] Body)> Exports { get; } = new();

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var endpoint = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(endpoint.ToString());
        var app = builder.Build();
        var collector = new FakeOtlpCollector(app, endpoint);
        app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            collector.Exports.Enqueue(("/v1/" + signal, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return collector;
    }

    /// <summary>Whether an export to <paramref name="path"/> holds <paramref name="text"/> (protobuf keeps strings as UTF-8).</summary>
    public bool Received(string path, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return Exports.Any(export => export.Path == path && export.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
