using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Scalability.Grains;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Jobs;
using Scalability.Grains.Processing;
using Scalability.Silo;
using Scalability.Tests.Support;
using Scalability.Silo.Storage;

namespace Scalability.Tests.Cluster;

/// <summary>
/// A cluster of its own for a test that adds or kills silos: real silos in this process (InProcessTestCluster),
/// configured as the product configures them, with job state in a SQLite file that outlives any silo. Each silo runs
/// two workers, and the <see cref="SlowProcessorFactory"/> makes jobs last long enough to change the cluster under them.
/// </summary>
public static class TopologyCluster
{
    public const int WorkersPerSilo = 2;

    /// <param name="configureJobs">Changes to the job timings, after the ones these tests make.</param>
    public static async Task<InProcessTestCluster> StartAsync(string stateFile, short silos = 2, Action<JobOptions>? configureJobs = null)
    {
        var storage = new SqliteDatabase(stateFile);
        await SchemaInstaller.ApplyAsync(storage, CancellationToken.None);
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddScalabilityGrainStorage(StorageNames.Jobs, storage);
            silo.AddDataRoots(TestPaths.DataRoots);
            silo.AddScalability(
                jobs =>
                {
                    jobs.LeaseDuration = TimeSpan.FromSeconds(5);
                    jobs.RenewInterval = TimeSpan.FromSeconds(1);
                    jobs.HousekeepingInterval = TimeSpan.FromMilliseconds(100);
                    configureJobs?.Invoke(jobs);
                },
                workers =>
                {
                    workers.Workers = WorkersPerSilo;
                    workers.PollInterval = TimeSpan.FromMilliseconds(200);
                    workers.ReportInterval = TimeSpan.FromMilliseconds(200);
                },
                scaling =>
                {
                    // The loop is off: these tests count on each silo's workers; manual scaling still works.
                    scaling.ControlInterval = TimeSpan.FromMilliseconds(200);
                    scaling.SiloSilentAfter = TimeSpan.FromSeconds(3);
                    scaling.Settings = new AutoScalerSettings(Enabled: false);
                });
            silo.Services.AddSingleton<ITicketProcessorFactory>(new SlowProcessorFactory());
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}

/// <summary>The local processor, slowed down by a fixed pause per batch so that a job's chunks take a while.</summary>
public sealed class SlowProcessorFactory : ITicketProcessorFactory
{
    public const string SlowKind = "test-slow";
    public static readonly TimeSpan PausePerBatch = TimeSpan.FromMilliseconds(60);

    public string Kind => SlowKind;

    public ITicketProcessor Create(ProcessorSpec spec, ChunkAssignment assignment) =>
        new SlowProcessor(LocalTicketProcessor.Create(spec with { Kind = ProcessorSpec.LocalKind }));

    private sealed class SlowProcessor(ITicketProcessor inner) : ITicketProcessor
    {
        public async ValueTask<IReadOnlyList<TicketResult>> ProcessAsync(IReadOnlyList<Ticket> batch, CancellationToken cancellationToken)
        {
            await Task.Delay(PausePerBatch, cancellationToken);
            return await inner.ProcessAsync(batch, cancellationToken);
        }
    }
}
