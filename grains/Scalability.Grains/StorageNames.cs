namespace Scalability.Grains;

/// <summary>Names of the grain storage providers the grains use; the silo host registers them.</summary>
public static class StorageNames
{
    public const string Jobs = "jobs";
}
