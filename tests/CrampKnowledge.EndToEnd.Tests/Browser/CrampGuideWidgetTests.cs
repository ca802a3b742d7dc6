using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrampKnowledge.EndToEnd.Tests.ScaleOut;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrampKnowledge.EndToEnd.Tests.Browser;

/// <summary>
/// The &lt;cramp-guide&gt; widget on the API's demo page in real Chromium, under the page's strict
/// Content-Security-Policy: as a visitor with a mouse, with a keyboard only, and as an audit sees it.
/// </summary>
public sealed partial class CrampGuideWidgetTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string DemoPage = "/widget/demo";
    private const string NightCramps = "night-rest-cramps";
    // The demo page pads the widget by 24 px on each side: this makes the full-layout screenshot 1000 px wide.
    private static readonly ViewportSize ScreenshotViewport = new() { Width = 1048, Height = 900 };

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task TheDemoPageRunsEveryWidgetUnderItsStrictPolicyWithoutErrors()
    {
        var causes = await GetJsonAsync("/api/v1/causes?pageSize=1");

        await using var watched = await WatchedPage.OpenAsync(fixture, DemoPage);
        var page = watched.Page;

        Assert.Contains("style-src 'self';", watched.DocumentPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", watched.DocumentPolicy, StringComparison.Ordinal);
        foreach (var id in new[] { "guide", "compact", "branded" })
        {
            var guide = page.Locator($"#{id}");
            await Expect(guide.Locator("[role=option]")).ToHaveCountAsync(causes.GetProperty("total").GetInt32());
            await Expect(guide.Locator("[data-red-flags=general]")).ToBeVisibleAsync();
            await Expect(guide.Locator("[data-disclaimer]")).ToContainTextAsync(causes.GetProperty("disclaimer").GetString()!);
            await Expect(guide.Locator(".guide")).ToHaveAttributeAsync("data-constructed-styles", "true");
        }

        await Expect(page.Locator("#guide [role=status]")).ToHaveTextAsync($"{causes.GetProperty("total").GetInt32()} causes. Pick one, or describe your cramps.");
        // The widget's own styles apply (a constructable sheet), and the clinic's custom properties reach inside.
        Assert.Equal("rgb(11, 100, 119)", await ComputedAsync(page.Locator("#guide button[type=submit]"), "backgroundColor"));
        Assert.Equal("rgb(106, 61, 154)", await ComputedAsync(page.Locator("#branded button[type=submit]"), "backgroundColor"));
        Assert.Contains("Georgia", await ComputedAsync(page.Locator("#branded .guide"), "fontFamily"), StringComparison.Ordinal);
        Assert.Empty(watched.Problems);
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task SearchingInEverydayWordsFindsNightCrampsWithWhatHelpsAndRedFlagsAndTheirSources()
    {
        var detail = await GetJsonAsync($"/api/v1/causes/{NightCramps}");
        await using var watched = await WatchedPage.OpenAsync(fixture, DemoPage, ScreenshotViewport);
        var guide = watched.Page.Locator("#guide");
        await Expect(guide.Locator("[role=option]").First).ToBeVisibleAsync();

        await guide.GetByRole(AriaRole.Searchbox, new() { Name = "Describe your cramps" }).FillAsync("cramps at night");
        await guide.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        // Generic words (cramps) make no hit alone, so only the cause the night words name is listed.
        await Expect(guide.Locator("[role=status]")).ToHaveTextAsync("1 cause matches “cramps at night”.");
        var option = guide.GetByRole(AriaRole.Option, new() { Name = "Night (rest) cramps" });
        await option.ClickAsync();

        var cause = guide.Locator($"article[data-cause={NightCramps}]");
        await Expect(cause.Locator("h3")).ToHaveTextAsync("Night (rest) cramps");
        await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(guide.Locator("[role=status]")).ToHaveTextAsync(
            "Showing Night (rest) cramps: 2 things that help, 1 way to prevent it, 1 reason to see a doctor.");
        foreach (var (selector, list) in new[] { ("[data-block=helps]", "treatments"), ("[data-block=prevents]", "preventions"), ("[data-red-flags=cause]", "redFlags") })
        {
            var items = detail.GetProperty(list).EnumerateArray().ToList();
            var section = cause.Locator(selector);
            Assert.NotEmpty(items);
            await Expect(section.Locator("li.item")).ToHaveCountAsync(items.Count);
            foreach (var item in items)
            {
                var shown = section.Locator($"li.item[data-id='{item.GetProperty("id").GetString()}']");
                await Expect(shown.Locator(".item-name")).ToHaveTextAsync(item.GetProperty("name").GetString()!);
                await Expect(shown.Locator(".item-summary")).ToHaveTextAsync(item.GetProperty("summary").GetString()!);
                foreach (var citation in item.GetProperty("citations").EnumerateArray())
                {
                    var quoted = shown.Locator("li.citation", new() { Has = watched.Page.Locator("blockquote", new() { HasText = citation.GetProperty("quote").GetString()! }) });
                    await Expect(quoted).ToBeVisibleAsync();
                    var link = quoted.Locator($"a[href$='/api/v1/sources/{citation.GetProperty("source").GetString()}']");
                    await Expect(link).ToContainTextAsync(citation.GetProperty("sourceTitle").GetString()!);
                }
            }
        }

        await Expect(guide.GetByRole(AriaRole.Region, new() { Name = "See a doctor if", Exact = true })).ToContainTextAsync("Spasms that regularly disturb sleep");
        await Expect(guide.GetByRole(AriaRole.Region, new() { Name = "Always see a doctor if…", Exact = true }).Locator("li").First).ToBeVisibleAsync();
        await Expect(guide.Locator("[data-disclaimer]")).ToContainTextAsync(detail.GetProperty("disclaimer").GetString()!);
        await watched.Page.Mouse.MoveAsync(0, 0);
        await guide.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsDirectory, "cramp-guide-full.png") });
        Assert.Empty(watched.Problems);
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task GeneralRedFlagsShowBeforeAnyPickSetApartInTheirOwnColours()
    {
        var flags = (await GetJsonAsync("/api/v1/red-flags?sort=name&pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        var seeDoctor = flags.Where(f => f.GetProperty("urgency").GetString() != "caution").Select(f => f.GetProperty("name").GetString()!).ToList();
        var first = await GetJsonAsync($"/api/v1/red-flags/{flags.First(f => f.GetProperty("urgency").GetString() != "caution").GetProperty("id").GetString()}");
        await using var watched = await WatchedPage.OpenAsync(fixture, DemoPage);
        var guide = watched.Page.Locator("#guide");

        var region = guide.GetByRole(AriaRole.Region, new() { Name = "When to see a doctor", Exact = true });
        await Expect(region.Locator("li.item").First).ToBeVisibleAsync();
        Assert.Equal(seeDoctor, await region.Locator("li.item:not([data-red-flag=caution]) .item-name").AllTextContentsAsync());
        await Expect(region.Locator("details.cautions > summary")).ToHaveTextAsync($"Take care with {flags.Count - seeDoctor.Count} treatments");

        Assert.Equal("rgb(180, 35, 24)", await ComputedAsync(region, "borderLeftColor"));
        Assert.Equal("6px", await ComputedAsync(region, "borderLeftWidth"));
        Assert.Equal("rgb(253, 242, 241)", await ComputedAsync(region, "backgroundColor"));
        Assert.Equal("rgb(255, 255, 255)", await ComputedAsync(guide.Locator(".guide"), "backgroundColor"));
        var name = region.Locator("li.item .item-name").First;
        Assert.InRange(Contrast(await ComputedAsync(name, "color"), await ComputedAsync(region, "backgroundColor")), 4.5, 21);

        await region.Locator("li.item").First.Locator("summary").ClickAsync();
        var citation = first.GetProperty("citations")[0];
        await Expect(region.Locator("li.item").First.Locator("blockquote")).ToContainTextAsync(citation.GetProperty("quote").GetString()!);
        await Expect(region.Locator("li.item").First.Locator("a.source-link")).ToContainTextAsync(citation.GetProperty("sourceTitle").GetString()!);
        Assert.Empty(watched.Problems);
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task SignsTheCheckCannotAssessShowInAmberWithTheWordsAndTheNoteNeverAsAnAllClear()
    {
        const string Description = "my leg is swollen, red and hot and cramps";
        var answer = await CheckAsync(Description);
        await using var watched = await WatchedPage.OpenAsync(fixture, DemoPage);
        var guide = watched.Page.Locator("#guide");
        await Expect(guide.Locator("[role=option]").First).ToBeVisibleAsync();

        await guide.Locator("input[type=search]").FillAsync(Description);
        await guide.Locator("input[type=search]").PressAsync("Enter");

        var check = guide.GetByRole(AriaRole.Region, new() { Name = "The guide cannot assess everything you described", Exact = true });
        Assert.Equal("unknown", answer.GetProperty("seeDoctor").GetString());
        await Expect(check).ToHaveAttributeAsync("data-check", "unknown");
        await Expect(check.Locator(".unassessed")).ToHaveTextAsync(string.Join(", ", answer.GetProperty("unassessed").EnumerateArray().Select(w => w.GetString())));
        await Expect(check.Locator(".check-note")).ToHaveTextAsync(answer.GetProperty("note").GetString()!);
        await Expect(check).ToContainTextAsync("not an all-clear");
        await Expect(check.Locator(".check-for")).ToHaveTextAsync($"What you described: “{Description}”");
        Assert.Equal(["h3", "p", "p", "p", "p"], await check.Locator(":scope > *").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.localName)"));
        await Expect(check).Not.ToContainTextAsync("null");
        Assert.Equal("rgb(122, 74, 0)", await ComputedAsync(check, "borderLeftColor"));
        Assert.Equal("rgb(255, 246, 224)", await ComputedAsync(check, "backgroundColor"));
        Assert.InRange(Contrast(await ComputedAsync(check.Locator("h3"), "color"), await ComputedAsync(check, "backgroundColor")), 4.5, 21);
        await guide.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsDirectory, "cramp-guide-unknown.png") });
        Assert.Empty(watched.Problems);
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task NoneIsNeutralAndSaysItIsNotAnAllClearWhileAMatchedRuleIsRed()
    {
        const string Understood = "one cramp in the arch of my foot while dancing, gone in a minute";
        const string Flagged = "I get cramps several times a week and my legs hurt when I walk";
        var flagged = await CheckAsync(Flagged);
        Assert.Equal("none", (await CheckAsync(Understood)).GetProperty("seeDoctor").GetString());
        await using var watched = await WatchedPage.OpenAsync(fixture, DemoPage);
        var guide = watched.Page.Locator("#guide");
        await Expect(guide.Locator("[role=option]").First).ToBeVisibleAsync();

        await guide.Locator("input[type=search]").FillAsync(Understood);
        await guide.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        var none = guide.Locator("section.check");
        await Expect(none).ToHaveAttributeAsync("data-check", "none");
        await Expect(none.Locator("h3")).ToHaveTextAsync("No warning sign from the articles matched");
        await Expect(none).ToContainTextAsync("This is not an all-clear");
        // The API's answer carries its own not-an-all-clear note; the widget says it once, in its own words.
        await Expect(none.Locator(".check-note")).ToHaveCountAsync(1);
        await Expect(none.Locator(".unassessed")).ToHaveCountAsync(0);
        await Expect(none).Not.ToContainTextAsync("null");
        Assert.Equal("rgb(244, 247, 249)", await ComputedAsync(none, "backgroundColor"));
        Assert.Equal("rgb(211, 219, 226)", await ComputedAsync(none, "borderLeftColor"));

        await guide.Locator("input[type=search]").FillAsync(Flagged);
        await guide.Locator("input[type=search]").PressAsync("Enter");

        var soon = guide.GetByRole(AriaRole.Region, new() { Name = "See a doctor soon", Exact = true });
        await Expect(soon).ToHaveAttributeAsync("data-check", "soon");
        Assert.Equal(
            flagged.GetProperty("matches").EnumerateArray().Where(m => m.GetProperty("seeDoctor").GetString() == "soon").Select(m => m.GetProperty("name").GetString()),
            await soon.Locator(".check-matches li").AllTextContentsAsync());
        Assert.Equal("rgb(180, 35, 24)", await ComputedAsync(soon, "borderLeftColor"));

        await guide.GetByRole(AriaRole.Button, new() { Name = "Show all causes" }).ClickAsync();

        await Expect(guide.Locator("section.check")).ToBeHiddenAsync();
        Assert.Empty(watched.Problems);
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task TheDisclaimerAndRedFlagsShowWhileLoadingAfterSearchingAndAfterPicking()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var watched = await WatchedPage.OpenAsync(fixture, DemoPage, prepare: page => page.RouteAsync(CauseListRequest(), async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        }));
        var guide = watched.Page.Locator("#guide");
        var disclaimer = guide.Locator("[data-disclaimer]");
        var flags = guide.Locator("[data-red-flags=general]");

        await Expect(guide.Locator("[role=status]")).ToHaveTextAsync("Loading causes…");
        await Expect(disclaimer).ToContainTextAsync("not medical advice");
        await Expect(flags).ToBeVisibleAsync();
        release.SetResult();
        await Expect(guide.Locator("[role=option]").First).ToBeVisibleAsync();
        await Expect(disclaimer).ToContainTextAsync("not medical advice");
        await guide.Locator("input[type=search]").FillAsync("water pills");
        await guide.Locator("input[type=search]").PressAsync("Enter");
        await Expect(guide.GetByRole(AriaRole.Option, new() { Name = "Diuretics" })).ToBeVisibleAsync();
        await Expect(disclaimer).ToContainTextAsync("not medical advice");
        await Expect(flags).ToBeVisibleAsync();
        await guide.GetByRole(AriaRole.Option, new() { Name = "Diuretics" }).ClickAsync();
        await Expect(guide.Locator("article[data-cause]")).ToBeVisibleAsync();
        await Expect(disclaimer).ToContainTextAsync("not medical advice");
        await Expect(flags).ToBeVisibleAsync();
        Assert.Empty(watched.Problems);
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task AnUnreachableApiGetsAReadableMessageAndTheWidgetRecoversOnRetry()
    {
        await using var watched = await WatchedPage.OpenAsync(fixture, DemoPage, prepare: page => page.RouteAsync(ApiRequest(), route => route.AbortAsync()));
        var guide = watched.Page.Locator("#guide");

        await Expect(guide.Locator("[role=status]")).ToHaveTextAsync("The cramp guide could not reach its server. Check your connection and try again.");
        await Expect(guide.Locator("[data-red-flags=general]")).ToContainTextAsync("See a doctor if cramps are frequent, severe or persistent");
        await Expect(guide.Locator("[data-disclaimer]")).ToContainTextAsync("not medical advice");
        await Expect(guide.Locator("[role=listbox]")).ToBeHiddenAsync();
        await watched.Page.UnrouteAllAsync();
        await guide.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();

        await Expect(guide.Locator("[role=option]").First).ToBeVisibleAsync();
        await Expect(guide.Locator("[role=status]")).ToContainTextAsync("causes. Pick one");
        await Expect(guide.GetByRole(AriaRole.Button, new() { Name = "Try again" })).ToBeHiddenAsync();
        await Expect(guide.Locator("[data-red-flags=general] li.item").First).ToBeVisibleAsync();
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task ATooManyRequestsAnswerSaysWhenToTryAgainAndKeepsTheList()
    {
        await using var watched = await WatchedPage.OpenAsync(fixture, DemoPage, prepare: page => page.RouteAsync(SearchRequest(), route => route.FulfillAsync(new()
        {
            Status = 429,
            ContentType = "application/problem+json",
            Headers = new Dictionary<string, string> { ["Retry-After"] = "7", ["Access-Control-Expose-Headers"] = "Retry-After" },
            Body = """{"status":429,"title":"Too many requests."}""",
        })));
        var guide = watched.Page.Locator("#guide");
        await Expect(guide.Locator("[role=option]").First).ToBeVisibleAsync();

        await guide.Locator("input[type=search]").FillAsync("charley horse");
        await guide.Locator("input[type=search]").PressAsync("Enter");

        await Expect(guide.Locator("[role=status]")).ToHaveTextAsync("The cramp guide is busy right now. Please try again in 7 seconds.");
        await Expect(guide.Locator("[role=option]").First).ToBeVisibleAsync();
        await Expect(guide.Locator("[data-disclaimer]")).ToContainTextAsync("not medical advice");
        await watched.Page.UnrouteAllAsync();
        await guide.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Expect(guide.Locator("[role=status]")).ToContainTextAsync("“charley horse”");
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task KeyboardAloneSearchesPicksACauseAndReachesItsSources()
    {
        await using var watched = await WatchedPage.OpenAsync(fixture, DemoPage);
        var page = watched.Page;
        var guide = page.Locator("#guide");
        var options = guide.Locator("[role=option]");
        await Expect(options.First).ToBeVisibleAsync();
        var search = guide.Locator("input[type=search]");

        for (var i = 0; i < 10 && !await IsFocusedAsync(search); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(search).ToBeFocusedAsync();
        // A question that lists several causes, night cramps first, so the arrows have somewhere to go.
        await page.Keyboard.TypeAsync("cramps at night after exercise");
        await page.Keyboard.PressAsync("Enter");
        await Expect(guide.Locator("[role=status]")).ToContainTextAsync("causes match “cramps at night after exercise”");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(options.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(options.Nth(1)).ToBeFocusedAsync();
        Assert.Equal("-1", await options.Nth(0).GetAttributeAsync("tabindex"));
        Assert.Equal("0", await options.Nth(1).GetAttributeAsync("tabindex"));
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(options.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(guide.Locator($"article[data-cause={NightCramps}]")).ToBeVisibleAsync();
        await Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(options.Nth(0)).ToBeFocusedAsync();

        // One Tab leaves the list (a roving tabindex), the next ones reach the cause's sources.
        await page.Keyboard.PressAsync("Tab");
        var showAll = guide.GetByRole(AriaRole.Button, new() { Name = "Show all causes" });
        await Expect(showAll).ToBeFocusedAsync();
        var source = guide.Locator("article a.source-link").First;
        for (var i = 0; i < 5 && !await IsFocusedAsync(source); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(source).ToBeFocusedAsync();
        Assert.Equal("solid", await ComputedAsync(source, "outlineStyle"));
        Assert.Equal("3px", await ComputedAsync(source, "outlineWidth"));
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(showAll).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(search).ToBeFocusedAsync();
        await Expect(search).ToHaveValueAsync("");
        await Expect(guide.Locator("[role=status]")).ToContainTextAsync("causes. Pick one");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("End");
        await Expect(options.Last).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("Space");
        await Expect(guide.Locator($"article[data-cause='{await options.First.GetAttributeAsync("data-id")}']")).ToBeVisibleAsync();
        Assert.Empty(watched.Problems);
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task TheCompactLayoutStacksFoldsQuotesAndKeepsRedFlagsInView()
    {
        await using var watched = await WatchedPage.OpenAsync(fixture, DemoPage, ScreenshotViewport);
        var compact = watched.Page.Locator("#compact");
        await Expect(compact.Locator("[role=option]").First).ToBeVisibleAsync();

        await Expect(compact.Locator(".guide")).ToHaveAttributeAsync("data-layout", "compact");
        await Expect(compact.Locator(".intro")).ToHaveCountAsync(0);
        await Expect(compact.Locator("[data-red-flags=general].short li").First).ToBeVisibleAsync();
        await compact.Locator("input[type=search]").FillAsync("night cramps");
        await compact.Locator("input[type=search]").PressAsync("Enter");
        await compact.GetByRole(AriaRole.Option, new() { Name = "Night (rest) cramps" }).ClickAsync();
        var cause = compact.Locator($"article[data-cause={NightCramps}]");
        await Expect(cause).ToBeVisibleAsync();

        var quote = cause.Locator("[data-block=helps] blockquote").First;
        await Expect(quote).ToBeHiddenAsync();
        await cause.Locator("[data-block=helps] summary").First.ClickAsync();
        await Expect(quote).ToBeVisibleAsync();
        await Expect(cause.Locator("[data-red-flags=cause] .item-name")).ToBeVisibleAsync();
        await Expect(compact.Locator("[data-red-flags=general]")).ToBeVisibleAsync();
        var picker = (await compact.Locator(".picker").BoundingBoxAsync())!;
        var results = (await compact.Locator(".results").BoundingBoxAsync())!;
        Assert.True(results.Y >= picker.Y + picker.Height, "the compact layout should put the results below the picker");
        await watched.Page.Mouse.MoveAsync(0, 0);
        await compact.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsDirectory, "cramp-guide-compact.png") });
        Assert.Empty(watched.Problems);
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task AnUnknownLanguageFallsBackToEnglishAndATranslationIsOnlyData()
    {
        await using var watched = await WatchedPage.OpenAsync(fixture, DemoPage);
        var compact = watched.Page.Locator("#compact");
        await Expect(compact.Locator("[role=option]").First).ToBeVisibleAsync();
        var count = await compact.Locator("[role=option]").CountAsync();

        await compact.EvaluateAsync("e => e.setAttribute('lang', 'tlh')");

        await Expect(compact.Locator("h2")).ToHaveTextAsync("Leg and foot cramps");
        await Expect(compact.Locator(".guide")).ToHaveAttributeAsync("lang", "en");
        await Expect(compact.Locator("button[type=submit]")).ToHaveTextAsync("Search");
        await Expect(compact.Locator("[role=option]")).ToHaveCountAsync(count);
        await watched.Page.EvaluateAsync("() => { customElements.get('cramp-guide').labels.nl = { title: 'Kramp in been en voet', searchButton: 'Zoeken' }; }");
        await compact.EvaluateAsync("e => e.setAttribute('lang', 'nl-BE')");
        await Expect(compact.Locator("h2")).ToHaveTextAsync("Kramp in been en voet");
        await Expect(compact.Locator("button[type=submit]")).ToHaveTextAsync("Zoeken");
        await Expect(compact.Locator("label")).ToHaveTextAsync("Describe your cramps");
        await Expect(compact.Locator(".guide")).ToHaveAttributeAsync("lang", "nl");
        var text = await compact.EvaluateAsync<string>("e => e.shadowRoot.textContent");
        Assert.DoesNotContain("undefined", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(PlaceholderPattern(), text);
        Assert.Empty(watched.Problems);
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task ReducedMotionTurnsOffEveryTransitionAndAnimation()
    {
        const string Durations = """
            host => [...new Set([...host.shadowRoot.querySelectorAll('*')].flatMap(e => {
              const style = getComputedStyle(e);
              return `${style.transitionDuration},${style.animationDuration}`.split(',').map(d => d.trim());
            }))]
            """;
        await using var moving = await WatchedPage.OpenAsync(fixture, DemoPage);
        await using var still = await WatchedPage.OpenAsync(fixture, DemoPage, reducedMotion: true);
        foreach (var page in new[] { moving.Page, still.Page })
        {
            await page.Locator("#guide [role=option]").First.ClickAsync();
            await Expect(page.Locator("#guide article[data-cause]")).ToBeVisibleAsync();
        }

        var normal = await moving.Page.Locator("#guide").EvaluateAsync<string[]>(Durations);
        var reduced = await still.Page.Locator("#guide").EvaluateAsync<string[]>(Durations);

        Assert.True(await still.Page.EvaluateAsync<bool>("() => matchMedia('(prefers-reduced-motion: reduce)').matches"));
        Assert.Contains("0.15s", normal);
        Assert.Contains("0.2s", normal);
        Assert.Equal(["0s"], reduced);
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task EveryWidgetPassesTheAccessibilityAuditInEveryState()
    {
        // Reduced motion: the contrast rule must see colours at rest, not halfway through a transition.
        await using var watched = await WatchedPage.OpenAsync(fixture, DemoPage, reducedMotion: true);
        var page = watched.Page;
        var problems = new List<string>();
        async Task AuditAsync(string id, string state) =>
            problems.AddRange((await AccessibilityAudit.RunAsync(page.Locator($"#{id}"))).Select(p => $"#{id} {state}: {p}"));
        foreach (var id in new[] { "guide", "compact", "branded" })
        {
            await Expect(page.Locator($"#{id} [role=option]").First).ToBeVisibleAsync();
            await AuditAsync(id, "loaded");
        }

        var guide = page.Locator("#guide");
        await guide.Locator("[data-red-flags=general] summary").First.ClickAsync();
        await Expect(guide.Locator("[data-red-flags=general] blockquote").First).ToBeVisibleAsync();
        await AuditAsync("guide", "with a red flag's sources open");
        await guide.Locator("input[type=search]").FillAsync("cramps at night");
        await guide.Locator("input[type=search]").PressAsync("Enter");
        await Expect(guide.Locator(".other-matches")).ToBeVisibleAsync();
        await AuditAsync("guide", "after a search");
        await guide.GetByRole(AriaRole.Option, new() { Name = "Night (rest) cramps" }).ClickAsync();
        await Expect(guide.Locator("article[data-cause]")).ToBeVisibleAsync();
        await AuditAsync("guide", "after a pick");
        await guide.Locator("input[type=search]").FillAsync("dehidration");
        await guide.Locator("input[type=search]").PressAsync("Enter");
        await Expect(guide.GetByRole(AriaRole.Button, new() { Name = "dehydration", Exact = true })).ToBeVisibleAsync();
        await AuditAsync("guide", "with suggestions");
        var compact = page.Locator("#compact");
        await compact.Locator("[role=option]").First.ClickAsync();
        await Expect(compact.Locator("article[data-cause]")).ToBeVisibleAsync();
        await compact.EvaluateAsync("host => host.shadowRoot.querySelectorAll('details').forEach(d => { d.open = true; })");
        await AuditAsync("compact", "after a pick with every source open");

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task TheAccessibilityAuditReportsPlantedMistakes()
    {
        await using var watched = await WatchedPage.OpenAsync(fixture, "about:blank");
        await watched.Page.SetContentAsync("<!doctype html><html lang=\"en\"><body><div id=\"planted\"></div></body></html>");
        await watched.Page.Locator("#planted").EvaluateAsync("""
            host => {
              host.attachShadow({ mode: 'open' }).innerHTML = `
                <h2>Title</h2><h4>A level skipped</h4>
                <button></button>
                <div role="option">A stray option</div>
                <ul role="listbox"><li>Not an option</li></ul>
                <input aria-labelledby="nowhere">
                <span id="twice">a</span><span id="twice">b</span>
                <img src="data:,">
                <div role="bogus">x</div>
                <section data-red-flags><p>An unnamed red flag box</p></section>
                <div tabindex="2">Jumps the queue</div>
                <p style="color: #bbb; background: #fff">Faint text</p>
                <div aria-hidden="true"><button>Hidden</button></div>
                <span aria-colour="red">x</span>`;
            }
            """);

        var problems = await AccessibilityAudit.RunAsync(watched.Page.Locator("#planted"));

        foreach (var rule in new[] { "heading", "name", "context", "owned", "idref", "duplicate-id", "alt", "role", "region",
            "tabindex", "contrast", "hidden-focus", "aria-attribute", "live-region" })
        {
            Assert.True(problems.Any(p => p.StartsWith(rule + ":", StringComparison.Ordinal)), $"no {rule} problem in:\n{string.Join('\n', problems)}");
        }
    }

    private async Task<JsonElement> GetJsonAsync(string url) =>
        await fixture.Api.Client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative));

    private async Task<JsonElement> CheckAsync(string description)
    {
        using var response = await fixture.Api.Client.PostAsJsonAsync(new Uri("/api/v1/red-flags/check", UriKind.Relative), new { description });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [GeneratedRegex("/api/v1/causes\\?")]
    private static partial Regex CauseListRequest();

    [GeneratedRegex("/api/v1/search\\?")]
    private static partial Regex SearchRequest();

    [GeneratedRegex("/api/v1/")]
    private static partial Regex ApiRequest();

    [GeneratedRegex("\\{[a-zA-Z]+\\}")]
    private static partial Regex PlaceholderPattern();

    private static Task<bool> IsFocusedAsync(ILocator locator) =>
        locator.EvaluateAsync<bool>("e => e.getRootNode().activeElement === e");

    private static Task<string> ComputedAsync(ILocator locator, string property) =>
        locator.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");

    /// <summary>WCAG contrast ratio of two computed colours ("rgb(r, g, b)").</summary>
    private static double Contrast(string foreground, string background)
    {
        static double Luminance(string color)
        {
            var channels = color[(color.IndexOf('(', StringComparison.Ordinal) + 1)..color.IndexOf(')', StringComparison.Ordinal)]
                .Split(',').Take(3).Select(c => double.Parse(c, CultureInfo.InvariantCulture) / 255)
                .Select(c => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4)).ToList();
            return (0.2126 * channels[0]) + (0.7152 * channels[1]) + (0.0722 * channels[2]);
        }

        var (a, b) = (Luminance(foreground), Luminance(background));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }
}
