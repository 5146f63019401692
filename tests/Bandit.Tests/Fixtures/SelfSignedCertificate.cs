using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// A throw-away server certificate for 127.0.0.1, made at test time and written as PEM files to a temporary
/// directory (nothing is committed). Clients trust it by its thumbprint.
/// </summary>
public sealed class SelfSignedCertificate : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bandit-tls-").FullName;

    public SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        CertificatePath = Path.Combine(_directory, "gateway.crt");
        KeyPath = Path.Combine(_directory, "gateway.key");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    /// <summary>SHA-256 thumbprint, hex.</summary>
    public string Thumbprint { get; }

    /// <summary>Validates exactly this certificate and counts the handshakes that presented it.</summary>
    public int Handshakes => _handshakes;

    private int _handshakes;

    public SocketsHttpHandler TrustingHandler() => new()
    {
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
            {
                var trusted = presented is not null && string.Equals(
                    presented.GetCertHashString(HashAlgorithmName.SHA256),
                    Thumbprint,
                    StringComparison.OrdinalIgnoreCase);
                if (trusted)
                {
                    Interlocked.Increment(ref _handshakes);
                }

                return trusted;
            },
        },
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is no reason to fail a test.
        }
    }
}
