using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CrampKnowledge.EndToEnd.Tests;

/// <summary>
/// The API starts from the slim host builder, which has no TLS unless an HTTPS address is configured
/// (README, configuration: "turn on when the API itself terminates TLS").
/// </summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task AnHttpsAddressIsServedWithTheConfiguredCertificate()
    {
        using var temp = new TempFolder();
        var certificatePath = temp.File("api.pfx");
        using var certificate = SelfSignedCertificate();
        await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "test-only"));
        var httpsAddress = $"https://127.0.0.1:{ApiProcess.FreePort()}";

        await using var api = await ApiProcess.StartAsync(
            temp.File("knowledge.db"),
            environment: new Dictionary<string, string>
            {
                ["Kestrel__Certificates__Default__Path"] = certificatePath,
                ["Kestrel__Certificates__Default__Password"] = "test-only",
            },
            alsoListenOn: httpsAddress);

        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, served, _, _) => served?.Thumbprint == certificate.Thumbprint,
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(httpsAddress) };
        using var response = await GetOnceListeningAsync(client, new Uri("/api/v1/causes/dehydration", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"id\":\"dehydration\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrameworkLogLinesAreJsonInProduction()
    {
        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"));

        // "Now listening on" comes from Microsoft.Hosting.Lifetime through the console logger, whose
        // formatter the slim builder would otherwise pin to plain text. The logger writes from its own
        // queue, after the API already answers: CI, starting many APIs at once, once took over 5 s.
        string? listening = null;
        for (var attempt = 0; listening is null && attempt < 300; attempt++)
        {
            listening = api.Output.Split('\n').SingleOrDefault(line => line.Contains("Now listening on", StringComparison.Ordinal));
            await Task.Delay(listening is null ? 100 : 0);
        }

        Assert.True(listening is not null, $"No \"Now listening on\" line within 30 s of the first answer:\n{api.Output}");
        using var json = System.Text.Json.JsonDocument.Parse(listening);
        Assert.Equal("Microsoft.Hosting.Lifetime", json.RootElement.GetProperty("Category").GetString());
    }

    /// <summary>
    /// Kestrel binds its addresses in turn and serves each as soon as it is bound, so the HTTP address
    /// StartAsync waited for can answer while the HTTPS one is still loading its certificate.
    /// </summary>
    private static async Task<HttpResponseMessage> GetOnceListeningAsync(HttpClient client, Uri path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await client.GetAsync(path);
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
