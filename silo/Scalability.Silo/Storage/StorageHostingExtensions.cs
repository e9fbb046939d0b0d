using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace Scalability.Silo.Storage;

/// <summary>
/// Orleans' ADO.NET grain storage and clustering over a <see cref="DatabaseTarget"/>. The database must hold the
/// schema first (<see cref="SchemaInstaller.ApplyAsync"/>): the providers read their queries when they start.
/// </summary>
public static class StorageHostingExtensions
{
    /// <summary>
    /// Grain storage named <paramref name="storageName"/> in the database, serialized with System.Text.Json: the
    /// stored JSON carries no .NET type names, so renaming or moving a state type does not orphan its rows.
    /// </summary>
    public static ISiloBuilder AddScalabilityGrainStorage(this ISiloBuilder silo, string storageName, DatabaseTarget db)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(storageName);
        ArgumentNullException.ThrowIfNull(db);

        // The ADO.NET options take their serializer, when none is set, from the IGrainStorageSerializer keyed by the
        // storage's name, before the silo-wide default (Newtonsoft.Json with $type unless the host changed it). Keyed,
        // this storage is System.Text.Json whatever the silo-wide default is.
        silo.Services.AddKeyedSingleton<IGrainStorageSerializer>(storageName, (services, _) =>
            new SystemTextJsonGrainStorageSerializer(services.GetRequiredService<IOptions<SystemTextJsonGrainStorageSerializerOptions>>()));
        silo.AddAdoNetGrainStorage(storageName, options =>
        {
            options.Invariant = db.Invariant;
            options.ConnectionString = db.ConnectionString;
        });
        return silo;
    }

    /// <summary>Cluster membership in the database: every silo of the cluster (same ClusterId) uses the same one.</summary>
    public static ISiloBuilder UseScalabilityClustering(this ISiloBuilder silo, DatabaseTarget db)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(db);
        return silo.UseAdoNetClustering(options =>
        {
            options.Invariant = db.Invariant;
            options.ConnectionString = db.ConnectionString;
        });
    }

    /// <summary>A client that finds the cluster's gateways in the membership database its silos use.</summary>
    public static IClientBuilder UseScalabilityClustering(this IClientBuilder client, DatabaseTarget db)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(db);
        return client.UseAdoNetClustering(options =>
        {
            options.Invariant = db.Invariant;
            options.ConnectionString = db.ConnectionString;
        });
    }
}
