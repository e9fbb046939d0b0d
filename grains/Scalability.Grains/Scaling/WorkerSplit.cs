namespace Scalability.Grains.Scaling;

/// <summary>
/// Shares the cluster's workers among its silos in proportion to their cores (largest remainders get the leftover
/// workers, ties by silo name), so that a bigger machine runs more chunks. Deterministic.
/// </summary>
public static class WorkerSplit
{
    public static SortedDictionary<string, int> Split(int total, IReadOnlyDictionary<string, int> coresBySilo)
    {
        var split = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (coresBySilo.Count == 0)
        {
            return split;
        }

        var silos = coresBySilo.OrderBy(s => s.Key, StringComparer.Ordinal).ToArray();
        var cores = silos.Sum(s => Math.Max(1, s.Value));
        var shares = silos
            .Select(s => (Silo: s.Key, Exact: (double)Math.Max(0, total) * Math.Max(1, s.Value) / cores))
            .ToArray();
        foreach (var (silo, exact) in shares)
        {
            split[silo] = (int)Math.Floor(exact);
        }

        var left = Math.Max(0, total) - split.Values.Sum();
        foreach (var (silo, _) in shares.OrderByDescending(s => s.Exact - Math.Floor(s.Exact)).ThenBy(s => s.Silo, StringComparer.Ordinal).Take(left))
        {
            split[silo]++;
        }

        return split;
    }
}
