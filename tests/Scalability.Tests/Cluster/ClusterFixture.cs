using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Processing;
using Scalability.Silo;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cluster;

/// <summary>
/// Two real silos in this process (Orleans' InProcessTestCluster) configured as the product configures them, plus
/// processors that fail on purpose and one that echoes what it reads. Job timings are shortened so that retries happen
/// within a test's patience.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddInMemoryJobStorage();
            silo.AddDataRoots(TestPaths.DataRoots);
            silo.AddScalability(jobs =>
            {
                jobs.LeaseDuration = TimeSpan.FromSeconds(5);
                jobs.RenewInterval = TimeSpan.FromSeconds(1);
                jobs.HousekeepingInterval = TimeSpan.FromMilliseconds(100);
                jobs.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
                jobs.RetryMaxDelay = TimeSpan.FromMilliseconds(200);
            },
            configureScaling: scaling => scaling.Settings = new AutoScalerSettings(Enabled: false));
            silo.Services.AddSingleton<ITicketProcessorFactory>(new FaultyProcessorFactory(FaultyProcessorFactory.ThrowsOnceKind));
            silo.Services.AddSingleton<ITicketProcessorFactory>(new FaultyProcessorFactory(FaultyProcessorFactory.AlwaysThrowsKind));
            silo.Services.AddSingleton<ITicketProcessorFactory>(new EchoProcessorFactory());
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = nameof(ClusterCollection);
}

/// <summary>
/// The local processor, except that chunk 1 throws: on its first attempt only (<see cref="ThrowsOnceKind"/>) or on
/// every attempt (<see cref="AlwaysThrowsKind"/>).
/// </summary>
public sealed class FaultyProcessorFactory(string kind) : ITicketProcessorFactory
{
    public const string ThrowsOnceKind = "test-throws-once";
    public const string AlwaysThrowsKind = "test-always-throws";
    public const int FaultyChunk = 1;

    public string Kind => kind;

    public ITicketProcessor Create(ProcessorSpec spec, ChunkAssignment assignment)
    {
        var local = LocalTicketProcessor.Create(spec);
        var fails = assignment.Index == FaultyChunk && (kind == AlwaysThrowsKind || assignment.Attempt == 1);
        return fails ? new ThrowingProcessor(assignment.Attempt) : local;
    }

    private sealed class ThrowingProcessor(int attempt) : ITicketProcessor
    {
        public ValueTask<IReadOnlyList<TicketResult>> ProcessAsync(IReadOnlyList<Ticket> batch, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"injected failure on attempt {attempt}");
    }
}
