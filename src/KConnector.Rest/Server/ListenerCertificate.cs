using System.Security.Cryptography.X509Certificates;

namespace KConnector.Rest.Server;

/// <summary>The https:// listeners' certificate (<c>listeners.https.ssl.keystore.location</c>).</summary>
internal static class ListenerCertificate
{
    /// <summary>A PKCS#12 key store (.pfx, .p12) or a PEM file holding the certificate and its key.</summary>
    public static X509Certificate2 Load(string location, string? password)
    {
        var extension = Path.GetExtension(location).ToUpperInvariant();
        if (extension is ".PEM" or ".CRT")
        {
            return string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(location)
                : X509Certificate2.CreateFromEncryptedPemFile(location, password);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(location, password);
    }
}
