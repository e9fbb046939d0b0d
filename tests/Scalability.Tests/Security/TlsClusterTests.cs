using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalability.Client;
using Scalability.Client.Security;
using Scalability.Grains.Ingest;
using Scalability.Silo;
using Scalability.Silo.Security;
using Scalability.Silo.Storage;
using Scalability.Tests.Support;

namespace Scalability.Tests.Security;

/// <summary>
/// Two silos whose silo-to-silo and gateway connections use TLS with a self-signed certificate made here: both become
/// active members, a client that trusts the certificate runs a job to completion, and a client without TLS, or trusting
/// another certificate, cannot connect and says so.
/// </summary>
public sealed class TlsClusterTests : IDisposable
{
    private const string Password = "pfx-pass-7d21";
    private const int Rows = 3000;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Two_tls_silos_and_a_tls_client_run_a_job_and_a_plain_or_mistrusting_client_cannot_connect()
    {
        var (pfx, pem) = TestCertificates.Write(_temp.Path, "cluster", Password);
        var (_, strangerPem) = TestCertificates.Write(_temp.Path, "stranger", Password);
        File.WriteAllText(_temp.File("pfx-password"), Password + "\n");
        var tls = SiloTls.Load(pfx, SecretText.FromFile(_temp.File("pfx-password"), "--tls-certificate-password-file"), trustFile: null);
        var database = new SqliteDatabase(_temp.File("cluster.db"));
        var clusterId = "tls-" + Guid.NewGuid().ToString("N")[..8];
        var address = new ClusterAddress(database, 0);

        var first = await SiloHost.StartAsync(Settings(database, clusterId, tls));
        var second = await SiloHost.StartAsync(Settings(database, clusterId, tls));
        try
        {
            var hosts = await first.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            Assert.Equal(2, hosts.Count);

            var input = _temp.File("tickets.csv");
            await using (var file = File.Create(input))
            {
                SyntheticTicketGenerator.Write(file, Rows, seed: 11);
            }

            await using (var connection = await ClusterConnection.ConnectAsync(address, clusterId, tls: ClusterTls.Load(pem)))
            {
                var client = new ScalabilityClient(connection.Client);
                var jobId = ScalabilityClient.NewJobId();
                await client.SubmitAsync(jobId, new JobSpec(input, _temp.File("results.csv"), ChunkSize: 200));
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                var summary = await client.WaitForCompletionAsync(jobId, timeout.Token);
                Assert.Equal((JobStatus.Completed, (long)Rows), (summary.Status, summary.Ok));
            }

            var plain = await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectWithin(address, clusterId, tls: null));
            Assert.Equal($"could not connect to the cluster at {database.Describe()} (if its silos use TLS, give --tls, with --tls-trust " +
                         "<certificate> for a certificate this machine does not trust): no gateway completed a connection within 10 s", plain.Message);

            var mistrusting = await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectWithin(address, clusterId, ClusterTls.Load(strangerPem)));
            Assert.StartsWith($"could not connect to the cluster at {database.Describe()} over TLS (check that its silos use TLS and that --tls-trust names their certificate", mistrusting.Message);
        }
        finally
        {
            await HostShutdown.StopAndDisposeAsync(second, TimeSpan.FromSeconds(10));
            await HostShutdown.StopAndDisposeAsync(first, TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task Scale_run_reaches_a_tls_silo_with_tls_trust_and_without_it_is_told_what_to_give()
    {
        var (pfx, pem) = TestCertificates.Write(_temp.Path, "silo", Password);
        var passwordFile = _temp.Write("pfx-password", Password);
        var gateway = LoopbackPorts.Free();
        await using var silo = ScaleProcess.Start(_temp.Path, null,
            "silo", "--silo-port", LoopbackPorts.Free().ToString(), "--gateway-port", gateway.ToString(), "--state", _temp.File("silo"),
            "--data-root", _temp.Path, "--tls-certificate", pfx, "--tls-certificate-password-file", passwordFile);
        var active = await silo.WaitForOutputAsync(line => line.Contains(" active in cluster "), TimeSpan.FromMinutes(2));
        Assert.Contains(", TLS with certificate CN=silo (", active);
        var input = _temp.Write("tickets.csv", EscapeAttempts.Tickets);

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("results.csv"), "--cluster", $"localhost:{gateway}",
            "--tls-trust", pem, "--json");
        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Equal(3, System.Text.Json.JsonDocument.Parse(run.StdOut).RootElement.GetProperty("ok").GetInt64());

        var plain = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("plain.csv"), "--cluster", $"localhost:{gateway}");
        Assert.Equal(1, plain.ExitCode);
        Assert.Contains($"error: could not connect to the cluster at localhost:{gateway} (if its silos use TLS, give --tls, with --tls-trust <certificate> " +
                        "for a certificate this machine does not trust): no gateway completed a connection within 30 s", plain.StdErr);
        Assert.DoesNotContain("Hosting failed to start", plain.StdErr);
    }

    [Fact]
    public async Task The_cli_refuses_tls_options_that_cannot_work()
    {
        var sample = Path.Combine(TestPaths.RepositoryRoot, "samples", "tickets-sample.csv");
        var embedded = await ScaleCli.RunAsync(_temp.Path, "run", sample, "--out", _temp.File("out.csv"), "--tls");
        Assert.Equal(2, embedded.ExitCode);
        Assert.Contains("error: --tls and --tls-trust are for --cluster: the embedded silo has no network connections", embedded.StdErr);

        var missing = await ScaleCli.RunAsync(_temp.Path, "silo", "--tls-certificate", _temp.File("none.pfx"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"error: --tls-certificate: the file '{_temp.File("none.pfx")}' does not exist", missing.StdErr);

        var (pfx, _) = TestCertificates.Write(_temp.Path, "locked", Password);
        var noPassword = await ScaleCli.RunAsync(_temp.Path, "silo", "--tls-certificate", pfx);
        Assert.Equal(2, noPassword.ExitCode);
        Assert.Contains($"error: --tls-certificate: cannot read '{pfx}' as a PKCS#12 (.pfx) file (it may need --tls-certificate-password-file)", noPassword.StdErr);
    }

    private static async Task ConnectWithin(ClusterAddress address, string clusterId, ClusterTls? tls)
    {
        await using var connection = await ClusterConnection.ConnectAsync(address, clusterId, tls: tls, connectTimeout: TimeSpan.FromSeconds(10));
    }

    private SiloSettings Settings(SqliteDatabase database, string clusterId, SiloTls tls) => new()
    {
        Storage = database,
        Clustering = database,
        SiloPort = LoopbackPorts.Free(),
        GatewayPort = LoopbackPorts.Free(),
        ClusterId = clusterId,
        ServiceId = clusterId,
        Tls = tls,
        DataRoots = [_temp.Path],
        LogLevel = LogLevel.Warning,
        FrameworkLogLevel = LogLevel.Critical,
        ConfigureWorkers = workers => workers.Workers = 2,
    };
}
