using System.Text.Json;
using Scalability.GrainInterfaces;

namespace Scalability.Grains.Costing;

/// <summary>
/// The reference resource profiles by dataset size (workers, memory per worker, cost per ticket, duration), held as
/// data in <c>resource-profiles.json</c> so that they can be read, reviewed and replaced without touching code.
/// </summary>
public sealed class ResourceProfiles
{
    private readonly ResourceProfile[] _profiles;

    public ResourceProfiles(IEnumerable<ResourceProfile> profiles)
    {
        _profiles = profiles.OrderBy(p => p.MinRows).ToArray();
        if (_profiles.Length == 0)
        {
            throw new ArgumentException("at least one resource profile is needed");
        }
    }

    public static ResourceProfiles Default { get; } = Load(
        typeof(ResourceProfiles).Assembly.GetManifestResourceStream("Scalability.Grains.Costing.resource-profiles.json")
        ?? throw new InvalidOperationException("the built-in resource profiles are missing from the assembly"));

    public IReadOnlyList<ResourceProfile> All => _profiles;

    public static ResourceProfiles Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<ProfilesFile>(json, ScaleJson.Options)
                   ?? throw new InvalidDataException("the resource profiles file is empty");
        return new ResourceProfiles(file.Profiles);
    }

    /// <summary>The profile whose size range holds <paramref name="rows"/>; the largest one past the last range.</summary>
    public ResourceProfile For(long rows) =>
        _profiles.LastOrDefault(p => rows >= p.MinRows && (p.MaxRows is null || rows <= p.MaxRows)) ??
        (rows < _profiles[0].MinRows ? _profiles[0] : _profiles[^1]);

    private sealed record ProfilesFile(ResourceProfile[] Profiles);
}
