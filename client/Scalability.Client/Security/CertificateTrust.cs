using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Scalability.Client.Security;

/// <summary>
/// Which certificates a TLS connection of the cluster accepts from the other side. With trusted certificates given (a
/// self-signed certificate, or the CA that issued the cluster's), the other side's certificate must be one of them or
/// chain to one; otherwise it must chain to a root this machine trusts. Names are not compared: silos and gateways
/// are reached by addresses that membership hands out, which a certificate seldom lists.
/// </summary>
public static class CertificateTrust
{
    public static bool Accepts(X509Certificate2 certificate, SslPolicyErrors errors, IReadOnlyList<X509Certificate2> trusted)
    {
        if (trusted.Count == 0)
        {
            return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (var anchor in trusted)
        {
            chain.ChainPolicy.CustomTrustStore.Add(anchor);
            // An intermediate given as trusted also completes a chain that stops short of its root.
            chain.ChainPolicy.ExtraStore.Add(anchor);
        }

        return chain.Build(certificate);
    }

    /// <summary>Certificates from a PEM file (one or more) or a DER file (one): what <c>--tls-trust</c> names.</summary>
    /// <exception cref="ArgumentException">The file is missing or holds no certificate; the message names it.</exception>
    public static IReadOnlyList<X509Certificate2> LoadTrusted(string path, string optionName)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"{optionName}: the certificate file '{path}' does not exist");
        }

        try
        {
            if (File.ReadAllText(path).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                var certificates = new X509Certificate2Collection();
                certificates.ImportFromPemFile(path);
                return certificates.Count > 0
                    ? certificates.ToArray()
                    : throw new ArgumentException($"{optionName}: '{path}' holds no certificate");
            }

            return [X509CertificateLoader.LoadCertificateFromFile(path)];
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new ArgumentException($"{optionName}: '{path}' is not a certificate (PEM or DER): {e.Message}");
        }
    }
}
