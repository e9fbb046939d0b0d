using Scalability.Grains;

namespace Scalability.Tests.Jobs;

public sealed class SiloLivenessTests
{
    private static readonly SiloAddress Holder = SiloAddress.FromParsableString("10.0.0.1:11111@100");
    private static readonly SiloAddress Other = SiloAddress.FromParsableString("10.0.0.2:11111@100");
    private static readonly SiloAddress HolderRestarted = SiloAddress.FromParsableString("10.0.0.1:11111@200");

    private static bool IsGone(bool restored, params (SiloAddress Silo, SiloStatus Status)[] members) =>
        SiloLiveness.IsGone(Holder.ToParsableString(), members.ToDictionary(m => m.Silo, m => m.Status), restored);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_holder_declared_dead_or_restarted_on_its_endpoint_is_gone(bool restored)
    {
        Assert.True(IsGone(restored, (Holder, SiloStatus.Dead), (Other, SiloStatus.Active)));
        Assert.True(IsGone(restored, (Holder, SiloStatus.Active), (HolderRestarted, SiloStatus.Joining)));
        Assert.True(IsGone(restored, (HolderRestarted, SiloStatus.Active)));
    }

    [Theory]
    [InlineData(SiloStatus.Active)]
    [InlineData(SiloStatus.Joining)]
    [InlineData(SiloStatus.ShuttingDown)]
    public void A_live_holder_keeps_its_lease_whether_granted_here_or_restored(SiloStatus status)
    {
        Assert.False(IsGone(restored: false, (Holder, status)));
        Assert.False(IsGone(restored: true, (Holder, status)));
    }

    [Fact]
    public void An_unknown_holder_is_gone_for_a_restored_lease_and_waited_for_when_granted_here()
    {
        Assert.True(IsGone(restored: true, (Other, SiloStatus.Active)));
        Assert.False(IsGone(restored: false, (Other, SiloStatus.Active)));
    }
}
