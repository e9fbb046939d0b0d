namespace Scalability.Grains;

/// <summary>
/// Whether a silo named in a grain's state (the holder of a chunk's lease, a silo the AutoScaler shares workers with)
/// has left the cluster, from one view of its members.
/// </summary>
public static class SiloLiveness
{
    /// <summary>
    /// Gone: declared dead, replaced by a newer generation on the same endpoint (restarted), or, for a silo restored
    /// from storage after a restart, not a member that is active, joining or shutting down. A silo that has only just
    /// joined may be missing from this silo's view for a moment, so an unknown silo heard of by this activation is
    /// left to the caller's own expiry (a lease's, a report's).
    /// </summary>
    /// <param name="holder">The silo's parsable address.</param>
    /// <param name="members">The cluster's members and their status, as this silo sees them.</param>
    /// <param name="restored">Whether the silo was read from storage rather than heard of by this activation.</param>
    public static bool IsGone(string holder, IReadOnlyDictionary<SiloAddress, SiloStatus> members, bool restored)
    {
        var silo = SiloAddress.FromParsableString(holder);
        var status = members.TryGetValue(silo, out var known) ? known : SiloStatus.None;
        if (status == SiloStatus.Dead || members.Keys.Any(other => other.Endpoint.Equals(silo.Endpoint) && other.Generation > silo.Generation))
        {
            return true;
        }

        return restored && status is not (SiloStatus.Active or SiloStatus.Joining or SiloStatus.ShuttingDown);
    }
}
