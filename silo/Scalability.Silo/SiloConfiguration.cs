using Microsoft.Extensions.DependencyInjection;
using Scalability.Grains;
using Scalability.Grains.Jobs;
using Scalability.Grains.Processing;

namespace Scalability.Silo;

/// <summary>What every silo of the product has, whatever hosts it: grain storage, processors, job timings.</summary>
public static class SiloConfiguration
{
    public static ISiloBuilder AddScalability(this ISiloBuilder silo, Action<JobOptions>? configureJobs = null)
    {
        // System.Text.Json rather than Orleans' default (Newtonsoft with type names): stored state does not depend on
        // .NET type names, and it is several times cheaper for the job state saved at every chunk commit.
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.AddMemoryGrainStorage(StorageNames.Jobs);
        silo.Services.AddOptions<JobOptions>().Configure(options => configureJobs?.Invoke(options));
        silo.Services.AddSingleton<ITicketProcessorFactory, LocalProcessorFactory>();
        silo.Services.AddSingleton<TicketProcessorRegistry>();
        return silo;
    }
}
