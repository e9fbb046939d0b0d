using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalability.Client;
using Scalability.Grains.Telemetry;
using OpenTelemetry.Exporter;
using Scalability.Silo;
using Scalability.Silo.Telemetry;
using Scalability.Tests.Support;

namespace Scalability.Tests.Telemetry;

/// <summary>
/// One silo started as operators start it, with its HTTP endpoint on a free loopback port and OTLP exports to a fake
/// collector, that has run one job over the sample tickets in several chunks with the local processor. The product's
/// spans and Orleans' grain-call spans are collected from the start.
/// </summary>
public sealed class TelemetryFixture : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private ActivityListener? _listener;

    public IHost Silo { get; private set; } = null!;

    public Uri Http { get; private set; } = null!;

    public string SiloAddress { get; private set; } = null!;

    public FakeOtlpCollector Collector { get; private set; } = null!;

    public string JobId { get; } = ScalabilityClient.NewJobId();

    public JobSummary Summary { get; private set; } = null!;

    /// <summary>Spans of the <c>Scalability</c> source and of Orleans' grain calls that have ended, from any silo in this process.</summary>
    public ConcurrentQueue<Activity> Spans { get; } = new();

    public async Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ScalabilityTelemetry.ActivitySourceName or Orleans.Diagnostics.ActivitySources.ApplicationGrainActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);

        Collector = await FakeOtlpCollector.StartAsync();
        Http = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        Silo = await SiloHost.StartAsync(new SiloSettings
        {
            SiloPort = LoopbackPorts.Free(),
            GatewayPort = LoopbackPorts.Free(),
            Http = Http,
            Otlp = new OtlpTarget(Collector.Endpoint, OtlpExportProtocol.HttpProtobuf),
            ClusterId = "telemetry-" + Guid.NewGuid().ToString("N")[..8],
            LogLevel = LogLevel.Warning,
            DataRoots = TestPaths.DataRoots,
            ConfigureWorkers = workers => workers.Workers = 2,
        });
        SiloAddress = Silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();

        var client = new ScalabilityClient(Silo.Services.GetRequiredService<IClusterClient>());
        var input = Path.Combine(TestPaths.RepositoryRoot, "samples", "tickets-sample.csv");
        await client.SubmitAsync(JobId, new JobSpec(input, _temp.File("results.csv"), ChunkSize: 100));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Summary = await client.WaitForCompletionAsync(JobId, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (Silo is not null)
        {
            await HostShutdown.StopAndDisposeAsync(Silo, TimeSpan.FromSeconds(30));
        }

        _listener?.Dispose();
        if (Collector is not null)
        {
            await Collector.DisposeAsync();
        }

        _temp.Dispose();
    }
}

/// <summary>
/// The product's meter is process-wide: tests that assert exact counts from it run on their own, after the parallel
/// tests, so that no other test's job adds to them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryFixture>
{
    public const string Name = "telemetry";
}
