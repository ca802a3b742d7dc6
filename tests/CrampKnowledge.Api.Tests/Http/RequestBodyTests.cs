using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CrampKnowledge.Api.Tests.RedFlagCheck;

namespace CrampKnowledge.Api.Tests.Http;

/// <summary>
/// A request body reaches the endpoint the same way however it arrives: with a Content-Length over
/// HTTP/1.1 it is left where the server holds it, otherwise it is copied first. Both must give the same bytes.
/// </summary>
public sealed class RequestBodyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("""{"description":"I get cramps several times a week and my legs hurt when I walk","frequency":"often","painWhenWalking":true}""")]
    [InlineData("""{"description":"Cramps keep WAKING ME up","conditions":["kidney disease","diabetis"]}""")]
    [InlineData("""{"frequncy":"often"}""")]
    [InlineData("""{"description": "cramps" """)]
    [InlineData("""{"description":"x","description":"y"}""")]
    [InlineData("")]
    public async Task ABodyWithAContentLengthIsReadAsOneWithout(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        var announced = await PostAsync(new ByteArrayContent(bytes), HttpVersion.Version11);
        var unannounced = await PostAsync(new UnannouncedContent(bytes), HttpVersion.Version11);
        var overHttp2 = await PostAsync(new ByteArrayContent(bytes), HttpVersion.Version20);

        Assert.Equal(unannounced, announced);
        Assert.Equal(unannounced, overHttp2);
        Assert.Contains(announced.Status, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest });
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpContent content, Version version)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, RedFlagCheckHttp.CheckUrl) { Content = content, Version = version };
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        // A problem names its own request; the rest must match.
        return (response.StatusCode, JsonNode.Parse(text) is JsonObject { } problem && problem.Remove("traceId") ? problem.ToJsonString() : text);
    }

    /// <summary>A body whose length is not known up front, as a chunked upload sends it.</summary>
    private sealed class UnannouncedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
