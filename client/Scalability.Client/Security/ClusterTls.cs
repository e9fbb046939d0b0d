using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace Scalability.Client.Security;

/// <summary>
/// TLS for a client of a cluster whose silos use it (<c>scale silo --tls-certificate</c>): the gateway's certificate is
/// checked against <see cref="Trusted"/> (see <see cref="CertificateTrust"/>). The client shows no certificate of its own.
/// </summary>
public sealed record ClusterTls(IReadOnlyList<X509Certificate2> Trusted)
{
    /// <summary>Read by clients that are given no TLS option: a certificate file to trust, which turns TLS on.</summary>
    public const string TrustVariable = "SCALE_TLS_TRUST";

    /// <summary>TLS that trusts what this machine trusts.</summary>
    public static ClusterTls SystemTrust { get; } = new([]);

    /// <summary>TLS that trusts the certificates in <paramref name="trustFile"/>, or the machine's roots when it is null.</summary>
    public static ClusterTls Load(string? trustFile, string optionName = "--tls-trust") =>
        trustFile is null ? SystemTrust : new ClusterTls(CertificateTrust.LoadTrusted(trustFile, optionName));

    /// <summary><see cref="TrustVariable"/>'s TLS, or null when it is not set.</summary>
    public static ClusterTls? FromEnvironment() =>
        Environment.GetEnvironmentVariable(TrustVariable) is { Length: > 0 } file ? Load(file, TrustVariable) : null;
}

public static class ClusterTlsHosting
{
    /// <summary>Connects this client to the cluster's gateways over TLS.</summary>
    public static IClientBuilder UseScalabilityTls(this IClientBuilder client, ClusterTls tls) =>
        client.UseTls(options =>
        {
            options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.RemoteCertificateValidation = (certificate, _, errors) => CertificateTrust.Accepts(certificate, errors, tls.Trusted);
        });
}
