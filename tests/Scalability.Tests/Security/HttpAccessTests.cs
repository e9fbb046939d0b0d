using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalability.Silo;
using Scalability.Silo.Http;
using Scalability.Silo.Security;
using Scalability.Tests.Support;

namespace Scalability.Tests.Security;

/// <summary>
/// A silo whose HTTP endpoint listens on every interface: each page and API but <c>/healthz</c> answers 401 without its
/// token and 200 with it (a bearer header, or the cookie a browser gets from <c>?token=</c>); without a token such a
/// silo does not start. (On loopback without a token, the jobs page, telemetry and CLI tests use the endpoint as before.)
/// </summary>
public sealed class HttpAccessTests : IAsyncLifetime
{
    private const string Token = "tok-3b9e61d2c54a4f8e9a7d-http";
    private static readonly string[] Protected = ["/jobs", "/api/jobs", "/metrics", "/dashboard/", "/jobs/no-such-job"];
    private readonly TempFolder _temp = new();
    private IHost _silo = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        _port = LoopbackPorts.Free();
        _silo = await SiloHost.StartAsync(Settings(new Uri($"http://0.0.0.0:{_port}"), new SecretText(Token)));
    }

    public async Task DisposeAsync()
    {
        await HostShutdown.StopAndDisposeAsync(_silo, TimeSpan.FromSeconds(10));
        _temp.Dispose();
    }

    [Fact]
    public async Task Off_loopback_every_endpoint_but_the_health_check_needs_the_token()
    {
        using var http = Client();
        foreach (var path in Protected)
        {
            using var anonymous = await http.GetAsync(path);
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {anonymous.StatusCode}");
            Assert.Equal("Bearer realm=\"scalability\"", anonymous.Headers.WwwAuthenticate.ToString());

            using var wrong = await http.SendAsync(Get(path, "Bearer " + Token + "x"));
            Assert.True(wrong.StatusCode == HttpStatusCode.Unauthorized, $"{path} with a wrong token: {wrong.StatusCode}");

            using var authorized = await http.SendAsync(Get(path, "Bearer " + Token));
            var expected = path == "/jobs/no-such-job" ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            Assert.True(authorized.StatusCode == expected, $"{path} with the token: {authorized.StatusCode}");
        }

        using var health = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("ok: ", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_browser_given_the_token_once_gets_an_http_only_cookie_and_is_sent_back_without_it()
    {
        using var http = Client();

        using var login = await http.GetAsync($"/jobs?token={Token}&view=all");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/jobs?view=all", login.Headers.Location!.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie);
        var pair = cookie.Split(';')[0];

        foreach (var path in new[] { "/jobs", "/api/jobs", "/dashboard/" })
        {
            var request = Get(path, authorization: null);
            request.Headers.Add("Cookie", pair);
            using var withCookie = await http.SendAsync(request);
            Assert.True(withCookie.StatusCode == HttpStatusCode.OK, $"{path} with the cookie: {withCookie.StatusCode}");
        }

        using var wrongQuery = await http.GetAsync("/jobs?token=not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongQuery.StatusCode);
    }

    [Fact]
    public async Task A_silo_bound_off_loopback_without_a_token_or_with_a_short_one_does_not_start()
    {
        var open = await Assert.ThrowsAsync<ArgumentException>(() =>
            SiloHost.StartAsync(Settings(new Uri($"http://0.0.0.0:{LoopbackPorts.Free()}"), token: null)));
        Assert.StartsWith($"--http http://0.0.0.0:", open.Message);
        Assert.EndsWith("is not a loopback address, and everything there but /healthz would be open to the network: " +
                        "give a token with --http-token-file <file> or SCALE_HTTP_TOKEN (or bind to 127.0.0.1)", open.Message);

        var weak = await Assert.ThrowsAsync<ArgumentException>(() =>
            SiloHost.StartAsync(Settings(new Uri($"http://0.0.0.0:{LoopbackPorts.Free()}"), new SecretText("short"))));
        Assert.Equal($"the HTTP token must be at least {HttpAccess.MinimumTokenLength} characters (got 5)", weak.Message);

        var cli = await ScaleCli.RunAsync(_temp.Path, "silo", "--silo-port", "0", "--gateway-port", "0", "--http", "http://0.0.0.0:18089");
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("error: --http http://0.0.0.0:18089/ is not a loopback address", cli.StdErr);
    }

    private SiloSettings Settings(Uri http, SecretText? token) => new()
    {
        SiloPort = LoopbackPorts.Free(),
        GatewayPort = LoopbackPorts.Free(),
        Http = http,
        HttpToken = token,
        ClusterId = "http-access-" + Guid.NewGuid().ToString("N")[..8],
        LogLevel = LogLevel.Warning,
        DataRoots = [_temp.Path],
    };

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{_port}"),
    };

    private static HttpRequestMessage Get(string path, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return request;
    }
}
