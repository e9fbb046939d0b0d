using System.Net;
using Scalability.Cli.Commands;
using Scalability.Tests.Support;

namespace Scalability.Tests.Deploy;

/// <summary><c>scale silo --address</c> (and <c>SCALE_SILO_ADDRESS</c>): an IP, a host name, or the machine's own name.</summary>
public sealed class AdvertisedAddressTests
{
    [Fact]
    public void An_ip_address_is_taken_as_it_is()
    {
        Assert.Equal(IPAddress.Parse("10.1.2.3"), AdvertisedAddress.Resolve("10.1.2.3"));
        Assert.Equal(IPAddress.Parse("fd00::7"), AdvertisedAddress.Resolve("fd00::7"));
    }

    [Fact]
    public void A_host_name_is_resolved_to_its_ipv4_address()
    {
        Assert.Equal(IPAddress.Loopback, AdvertisedAddress.Resolve("localhost"));
    }

    [Fact]
    public void Auto_is_an_address_of_this_machines_own_host_name()
    {
        var own = Dns.GetHostAddresses(Dns.GetHostName());

        Assert.Contains(AdvertisedAddress.Resolve("auto"), own);
    }

    [Theory]
    [InlineData("no-such-silo.invalid", "--address: the host name 'no-such-silo.invalid' does not resolve")]
    [InlineData("silo one", "--address: 'silo one' is neither an IP address nor a host name")]
    public void A_name_that_does_not_resolve_is_refused_by_name(string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => AdvertisedAddress.Resolve(value));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public async Task The_silo_reads_its_address_from_SCALE_SILO_ADDRESS_when_not_given_and_refuses_a_bad_one()
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string> { [AdvertisedAddress.Variable] = "no-such-silo.invalid" };

        var result = await ScaleCli.RunAsync(folder.Path, environment, "silo", "--silo-port", "0", "--gateway-port", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --address: the host name 'no-such-silo.invalid' does not resolve", result.StdErr);
    }
}
