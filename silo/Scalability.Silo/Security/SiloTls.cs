using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Scalability.Client.Security;

namespace Scalability.Silo.Security;

/// <summary>
/// TLS on a silo's connections: silo-to-silo both ways, each silo showing <see cref="Certificate"/> and requiring the
/// other's, and the gateway, where clients must accept the silo's certificate but show none. Peers' certificates are
/// checked against <see cref="Trusted"/>, by default the silo's own certificate (every silo of the cluster sharing it).
/// </summary>
public sealed record SiloTls(X509Certificate2 Certificate, IReadOnlyList<X509Certificate2> Trusted)
{
    /// <summary>Reads a PKCS#12 (.pfx) file with its private key, and the certificates to trust (none: the silo's own).</summary>
    /// <exception cref="ArgumentException">A file is missing or unreadable, or the certificate has no private key.</exception>
    public static SiloTls Load(string pfxPath, SecretText? password, string? trustFile)
    {
        if (!File.Exists(pfxPath))
        {
            throw new ArgumentException($"--tls-certificate: the file '{pfxPath}' does not exist");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(pfxPath, password?.Value, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"--tls-certificate: cannot read '{pfxPath}' as a PKCS#12 (.pfx) file" +
                                        $"{(password is null ? " (it may need --tls-certificate-password-file)" : "")}: {e.Message}");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException($"--tls-certificate: '{pfxPath}' holds no private key; a silo needs its certificate's key");
        }

        var trusted = trustFile is null ? [certificate] : CertificateTrust.LoadTrusted(trustFile, "--tls-trust");
        return new SiloTls(certificate, trusted);
    }

    /// <summary>What the silo's start-up line says about TLS.</summary>
    public string Describe() => $"TLS with certificate {Certificate.Subject} ({Certificate.Thumbprint})";

    internal void Apply(ISiloBuilder silo)
    {
        var peers = Options(RemoteCertificateMode.RequireCertificate);
        var clients = Options(RemoteCertificateMode.AllowCertificate);
        silo.Configure<SiloConnectionOptions>(connections =>
        {
            connections.ConfigureSiloInboundConnection(connection => connection.UseServerTls(peers));
            connections.ConfigureSiloOutboundConnection(connection => connection.UseClientTls(peers));
            connections.ConfigureGatewayInboundConnection(connection => connection.UseServerTls(clients));
        });
    }

    private TlsOptions Options(RemoteCertificateMode remote) => new()
    {
        LocalCertificate = Certificate,
        RemoteCertificateMode = remote,
        RemoteCertificateValidation = (certificate, _, errors) => CertificateTrust.Accepts(certificate, errors, Trusted),
    };
}
