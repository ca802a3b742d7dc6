using System.Text;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.Http;

/// <summary>
/// The ETag of a GET is FNV-1a 128 over a key of the content version, URL, sorted query, Accept and chosen
/// coding. The key's parts are fed to the hash one by one; these requests (repeated, empty and non-ASCII
/// values, names out of order, no query) must get the tags the key written out whole gives.
/// </summary>
public class ETagKeyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1/causes", "", "application/json", "")]
    [InlineData("/api/v1/causes", "?sort=-name&page=1&q=", "application/json", "gzip")]
    [InlineData("/api/v1/treatments", "?cause=dehydration&n=2&n=1&n=&a=", "*/*", "br, gzip")]
    [InlineData("/api/v1/causes/dehydration", "?z=%C3%A9t%C3%A9&%E2%9C%93=1&y=2", "application/json", "identity")]
    [InlineData("/api/v1/causes", "?n=" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "application/json", "")]
    public async Task TheETagIsTheHashOfTheRequestKey(string path, string query, string accept, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path + query);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (acceptEncoding.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        var expected = ExpectedETag(path, query, accept, acceptEncoding.Length == 0 ? "identity" : acceptEncoding.Contains("br") ? "br" : acceptEncoding.Contains("gzip") ? "gzip" : "identity");
        Assert.Equal(expected, response.Headers.ETag?.ToString());
    }

    private string ExpectedETag(string path, string query, string accept, string coding)
    {
        var version = factory.Services.GetRequiredService<RecordDirectory>().ContentVersion;
        var key = new StringBuilder().Append(version).Append('\n').Append("http://localhost").Append(path).Append('\n');
        var parameters = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .GroupBy(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            key.Append(parameter.Key).Append('=').Append(string.Join(",", parameter)).Append('&');
        }

        key.Append('\n').Append(accept).Append('\n').Append(coding);
        var hash = new Fnv1a128();
        hash.Append(key.ToString());
        return $"\"{hash.ToHex()}\"";
    }
}
