using Microsoft.Extensions.DependencyInjection;
using Scalability.Grains;
using Scalability.Grains.Jobs;
using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Llm;
using Scalability.Grains.Scaling;
using Scalability.Grains.Telemetry;

namespace Scalability.Silo;

/// <summary>What every silo of the product has, whatever hosts it: processors, job timings, its worker pool, its chunks' telemetry.</summary>
public static class SiloConfiguration
{
    /// <summary>
    /// Adds the product's services. Grain storage named <see cref="StorageNames.Jobs"/> is the host's to add (see
    /// <see cref="SiloHosting"/>); <paramref name="configureJobs"/> and <paramref name="configureWorkers"/> tune the
    /// job machinery and this silo's worker pool, <paramref name="configureScaling"/> the AutoScaler (which runs on one
    /// silo of the cluster, with the options of the silo it lands on).
    /// </summary>
    public static ISiloBuilder AddScalability(
        this ISiloBuilder silo,
        Action<JobOptions>? configureJobs = null,
        Action<WorkerPoolOptions>? configureWorkers = null,
        Action<AutoScalerOptions>? configureScaling = null)
    {
        // System.Text.Json rather than Orleans' default (Newtonsoft with type names): stored state does not depend on
        // .NET type names, and it is several times cheaper for the job state saved at every chunk commit.
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.AddOptions<JobOptions>().Configure(options => configureJobs?.Invoke(options));
        silo.Services.AddOptions<WorkerPoolOptions>().Configure(options => configureWorkers?.Invoke(options));
        silo.Services.AddOptions<AutoScalerOptions>().Configure(options => configureScaling?.Invoke(options));
        silo.Services.AddSingleton<SiloWorkerPool>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloWorkerPool>());
        silo.Services.AddSingleton<ITicketProcessorFactory, LocalProcessorFactory>();
        silo.Services.AddSingleton<ITicketProcessorFactory, LlmProcessorFactory>();
        silo.Services.AddSingleton<ITicketProcessorFactory, PluginProcessorFactory>();
        silo.Services.AddSingleton<TicketProcessorRegistry>();
        silo.Services.AddSingleton<DashboardCounters>();
        silo.Services.AddSingleton<ChunkTelemetry>();
        return silo;
    }

    /// <summary>In-memory job state, for tests that need no durability.</summary>
    public static ISiloBuilder AddInMemoryJobStorage(this ISiloBuilder silo) => silo.AddMemoryGrainStorage(StorageNames.Jobs);
}
