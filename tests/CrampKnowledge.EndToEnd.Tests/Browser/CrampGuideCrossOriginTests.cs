using CrampKnowledge.EndToEnd.Tests.ScaleOut;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrampKnowledge.EndToEnd.Tests.Browser;

/// <summary>
/// The widget on a clinic's own site: a page from a second origin on 127.0.0.1 (another port) loads the
/// script from the API and reads its data through CORS, under a CSP that allows no styles at all.
/// </summary>
public sealed class CrampGuideCrossOriginTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task AModuleOnAnotherOriginLoadsTheWidgetAndItsDataThroughCors()
    {
        var api = Origin(fixture.Api.BaseAddress);
        await using var site = ClinicSite(api, $"""<script type="module" src="{api}/widget/v1/cramp-guide.js"></script>""", $"""<cramp-guide api-base="{api}"></cramp-guide>""");
        var apiResponses = new List<IResponse>();

        await using var watched = await WatchedPage.OpenAsync(fixture, new Uri(site.BaseAddress, "/clinic").ToString(), prepare: page =>
        {
            page.Response += (_, response) =>
            {
                if (response.Url.StartsWith(api, StringComparison.Ordinal))
                {
                    lock (apiResponses)
                    {
                        apiResponses.Add(response);
                    }
                }
            };
            return Task.CompletedTask;
        });
        var guide = watched.Page.Locator("cramp-guide");
        await guide.Locator("input[type=search]").FillAsync("cramps at night");
        await guide.Locator("input[type=search]").PressAsync("Enter");
        await guide.GetByRole(AriaRole.Option, new() { Name = "Night (rest) cramps" }).ClickAsync();

        var cause = guide.Locator("article[data-cause=night-rest-cramps]");
        await Expect(cause.Locator("[data-block=helps] li.item")).ToHaveCountAsync(2);
        await Expect(cause.Locator("[data-red-flags=cause] blockquote")).ToBeVisibleAsync();
        Assert.StartsWith($"{api}/api/v1/sources/", await cause.Locator("a.source-link").First.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.NotEqual(api, Origin(new Uri(watched.Page.Url)));
        Assert.Equal("rgb(11, 100, 119)", await guide.Locator("button[type=submit]").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        List<IResponse> responses;
        lock (apiResponses)
        {
            responses = [.. apiResponses];
        }

        Assert.Contains(responses, r => r.Url.EndsWith("/widget/v1/cramp-guide.js", StringComparison.Ordinal));
        Assert.Contains(responses, r => r.Url.Contains("/api/v1/causes/night-rest-cramps", StringComparison.Ordinal));
        foreach (var response in responses)
        {
            Assert.Equal(Origin(site.BaseAddress), await response.Request.HeaderValueAsync("origin"));
            Assert.Equal("*", response.Headers.GetValueOrDefault("access-control-allow-origin"));
        }

        Assert.Empty(watched.Problems);
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task AClassicScriptWithoutApiBaseTalksToTheServerItCameFrom()
    {
        var api = Origin(fixture.Api.BaseAddress);
        await using var site = ClinicSite(api, $"""<script src="{api}/widget/v1/cramp-guide.js" defer></script>""", """<cramp-guide layout="compact"></cramp-guide>""");

        await using var watched = await WatchedPage.OpenAsync(fixture, new Uri(site.BaseAddress, "/clinic").ToString());
        var guide = watched.Page.Locator("cramp-guide");
        await guide.GetByRole(AriaRole.Option).First.ClickAsync();

        await Expect(guide.Locator("article[data-cause]")).ToBeVisibleAsync();
        Assert.StartsWith($"{api}/api/v1/sources/", await guide.Locator("article a.source-link").First.GetAttributeAsync("href"), StringComparison.Ordinal);
        await Expect(guide.Locator("[data-disclaimer]")).ToContainTextAsync("not medical advice");
        Assert.Empty(watched.Problems);
    }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    /// <summary>A clinic page embedding the widget, whose CSP allows scripts and requests only to the API and no styles.</summary>
    private static StaticSiteServer ClinicSite(string api, string script, string element) => new(
        new Dictionary<string, string>
        {
            ["/clinic"] = $"""
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Example Clinic</title><link rel="icon" href="data:,">{script}</head>
                <body><h1>Example Clinic</h1>{element}</body>
                </html>
                """,
        },
        $"default-src 'none'; script-src {api}; connect-src {api}; style-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
}
