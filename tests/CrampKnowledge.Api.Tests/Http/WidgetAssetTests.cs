using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace CrampKnowledge.Api.Tests.Http;

/// <summary>The widget script and its demo page as HTTP resources: types, caching, CORS and their CSP.</summary>
public sealed class WidgetAssetTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string ScriptUrl = "/widget/v1/cramp-guide.js";

    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData(ScriptUrl, "text/javascript; charset=utf-8")]
    [InlineData("/widget/demo", "text/html; charset=utf-8")]
    [InlineData("/widget/demo.css", "text/css; charset=utf-8")]
    public async Task WidgetFilesHaveTheirTypeAStrongETagAndPublicCaching(string url, string contentType)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl.MaxAge);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(ScriptUrl)]
    [InlineData("/widget/demo")]
    public async Task ARepeatedGetWithTheETagIsA304WithoutBody(string url)
    {
        using var first = await _client.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(TimeSpan.FromSeconds(300), second.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task EachContentCodingOfTheScriptHasItsOwnTag()
    {
        var tags = new List<string>();
        foreach (var coding in new[] { "br", "gzip", "identity" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ScriptUrl);
            request.Headers.AcceptEncoding.ParseAdd(coding);
            using var response = await _client.SendAsync(request);
            tags.Add(response.Headers.ETag!.Tag);
            Assert.Equal(coding == "identity" ? [] : [coding], response.Content.Headers.ContentEncoding);
        }

        Assert.Equal(3, tags.Distinct().Count());
    }

    [Fact]
    public async Task PagesOnAnyOriginMayLoadTheScriptAsAModule()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ScriptUrl);
        request.Headers.Add("Origin", "https://clinic.example");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task TheDemoPageEmbedsTheWidgetWithTwoLinesUnderAStrictPolicy()
    {
        using var response = await _client.GetAsync("/widget/demo");
        var html = await response.Content.ReadAsStringAsync();

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-", policy, StringComparison.Ordinal);
        Assert.Contains($"<script src=\"{ScriptUrl}\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("<cramp-guide id=\"guide\"></cramp-guide>", html, StringComparison.Ordinal);
        Assert.Single(html.Split("<script").Skip(1));
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheApiKeepsItsOwnPolicyNextToTheWidget()
    {
        using var response = await _client.GetAsync("/api/v1/causes");

        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("innerHTML")]
    [InlineData("outerHTML")]
    [InlineData("insertAdjacentHTML")]
    [InlineData("document.write")]
    [InlineData("eval(")]
    [InlineData("new Function")]
    [InlineData("setAttribute('style'")]
    [InlineData("setAttribute('on")]
    [InlineData("import(")]
    public async Task TheScriptNeverParsesHtmlRunsStringsAsCodeOrSetsInlineStyles(string construct)
    {
        var script = await _client.GetStringAsync(ScriptUrl);

        Assert.DoesNotContain(construct, script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScriptDefinesTheElementWithOneLabelTableAndItsDocumentedSettings()
    {
        var script = await _client.GetStringAsync(ScriptUrl);

        Assert.Contains("customElements.define('cramp-guide'", script, StringComparison.Ordinal);
        Assert.Single(script.Split("const LABELS = {").Skip(1));
        Assert.Contains("adoptedStyleSheets", script, StringComparison.Ordinal);
        foreach (var documented in new[] { "api-base", "lang", "layout", "--cramp-guide-accent", "--cramp-guide-background",
            "--cramp-guide-text", "--cramp-guide-red-flag", "--cramp-guide-font", "prefers-reduced-motion",
            "--cramp-guide-unknown", "--cramp-guide-unknown-background", "/api/v1/red-flags/check" })
        {
            Assert.Contains(documented, script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheScriptShowsEveryCheckLevelAndNeverCallsNoneAnAllClear()
    {
        var script = await _client.GetStringAsync(ScriptUrl);
        var rules = await _client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/red-flags/rules");

        // Every level the API can answer has its own title and lead; a level the script does not know is shown as unknown.
        foreach (var level in rules.GetProperty("seeDoctorLevels").EnumerateArray().Select(l => l.GetProperty("id").GetString()!))
        {
            Assert.Equal(2, script.Split($"        {level}: '").Length - 1);
        }

        Assert.Contains(": 'unknown';", script, StringComparison.Ordinal);
        Assert.Contains("checkNotAllClear: 'This is not an all-clear", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadAnswersForTheScriptWithoutABody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, ScriptUrl);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("text/javascript") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
