using System.Net;
using System.Text;

namespace CrampKnowledge.Api.Tests.Http;

/// <summary>A refused body reads the same whichever layer refuses it: one title per status, the same fields.</summary>
public sealed class BodyProblemTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Check = "/api/v1/red-flags/check";
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string?> UnsupportedContentTypes() => new() { "text/plain", "application/json; charset=latin1", null, "application/xml" };

    [Theory]
    [MemberData(nameof(UnsupportedContentTypes))]
    public async Task EveryUnsupportedBodyIsTheSame415(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"description":"cramp"}"""));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _client.PostAsync(Check, content);

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Unsupported Media Type", problem.Text("title"));
        Assert.StartsWith("Send the request body as application/json (UTF-8)", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(["detail", "instance", "status", "title", "traceId", "type"], problem.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnAnnouncedOversizedBodyIsTheSame413()
    {
        using var response = await _client.PostAsync(Check, new StringContent(new string('a', 70_000), Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Content Too Large", problem.Text("title"));
        Assert.StartsWith("Request bodies may be at most 65536 bytes", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(["detail", "instance", "status", "title", "traceId", "type"], problem.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
