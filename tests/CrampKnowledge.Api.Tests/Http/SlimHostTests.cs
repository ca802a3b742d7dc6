using CrampKnowledge.Api.Hosting;
using Microsoft.Extensions.Configuration;

namespace CrampKnowledge.Api.Tests.Http;

/// <summary>Kestrel's TLS setup is added exactly when an HTTPS address is configured (the end-to-end HttpsTests serve one).</summary>
public sealed class SlimHostTests
{
    [Theory]
    [InlineData("urls", "http://127.0.0.1:8080", false)]
    [InlineData("urls", "http://+:8080;https://+:8443", true)]
    [InlineData("urls", " HTTPS://localhost:5001", true)]
    [InlineData("http_ports", "8080", false)]
    [InlineData("https_ports", "8443", true)]
    [InlineData("https_ports", "", false)]
    [InlineData("Kestrel:Endpoints:Public:Url", "https://0.0.0.0:443", true)]
    [InlineData("Kestrel:Endpoints:Public:Url", "http://0.0.0.0:80", false)]
    [InlineData("Kestrel:Certificates:Default:Path", "api.pfx", false)]
    public void HttpsIsRequestedOnlyByAnHttpsAddress(string key, string value, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        Assert.Equal(expected, SlimHost.RequestsHttps(configuration));
    }

    [Fact]
    public void NothingConfiguredMeansPlainHttp() =>
        Assert.False(SlimHost.RequestsHttps(new ConfigurationBuilder().Build()));
}
