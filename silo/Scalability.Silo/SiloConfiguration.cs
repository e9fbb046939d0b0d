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
        silo.AddMemoryGrainStorage(StorageNames.Jobs);
        silo.Services.AddOptions<JobOptions>().Configure(options => configureJobs?.Invoke(options));
        silo.Services.AddSingleton<ITicketProcessorFactory, LocalProcessorFactory>();
        silo.Services.AddSingleton<TicketProcessorRegistry>();
        return silo;
    }
}
