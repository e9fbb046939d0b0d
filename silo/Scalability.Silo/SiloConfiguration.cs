using Microsoft.Extensions.DependencyInjection;
using Scalability.Grains;
using Scalability.Grains.Jobs;
using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Llm;
using Scalability.Grains.Scaling;
using Scalability.Grains.Security;
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
        // No roots unless the host gives some (AddDataRoots): a silo reads and writes no job file by default.
        silo.Services.AddOptions<DataRootOptions>();
        silo.Services.AddSingleton(sp => new DataRoots(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataRootOptions>>()));
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

    /// <summary>The folders this silo's jobs may read and write (see <see cref="DataRoots"/>); repeatable.</summary>
    public static ISiloBuilder AddDataRoots(this ISiloBuilder silo, params string[] roots)
    {
        silo.Services.Configure<DataRootOptions>(options => options.Roots.AddRange(roots));
        return silo;
    }

    /// <summary>Lets this silo's jobs read and write anywhere its process may: for a silo inside a user's own command.</summary>
    public static ISiloBuilder AllowAnyDataPath(this ISiloBuilder silo)
    {
        silo.Services.Configure<DataRootOptions>(options => options.AnyPath = true);
        return silo;
    }

    /// <summary>In-memory job state, for tests that need no durability.</summary>
    public static ISiloBuilder AddInMemoryJobStorage(this ISiloBuilder silo) => silo.AddMemoryGrainStorage(StorageNames.Jobs);
}
