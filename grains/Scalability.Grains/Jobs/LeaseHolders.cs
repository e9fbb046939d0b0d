namespace Scalability.Grains.Jobs;

/// <summary>Whether the silo that holds a chunk's lease has left the cluster, from one view of its members.</summary>
public static class LeaseHolders
{
    /// <summary>
    /// Gone: declared dead, replaced by a newer generation on the same endpoint (restarted), or, for a lease restored
    /// from storage after a restart, not a member that is active, joining or shutting down. A silo that has only just
    /// joined may be missing from this silo's view for a moment, so an unknown holder of a lease granted by this
    /// activation is left to its lease's expiry.
    /// </summary>
    /// <param name="holder">The holder's parsable silo address.</param>
    /// <param name="members">The cluster's members and their status, as this silo sees them.</param>
    /// <param name="restored">Whether the lease was read from storage rather than granted by this activation.</param>
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
