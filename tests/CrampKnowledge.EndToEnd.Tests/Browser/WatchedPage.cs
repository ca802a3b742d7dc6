using Microsoft.Playwright;

namespace CrampKnowledge.EndToEnd.Tests.Browser;

/// <summary>
/// A page in a fresh browser context that records console errors, uncaught exceptions, failed or
/// erroring requests and Content-Security-Policy violations, so a test can assert there were none.
/// </summary>
public sealed class WatchedPage : IAsyncDisposable
{
    // Chromium also logs a blocked resource as a console error; the event names the directive for every kind.
    private const string ReportPolicyViolations = """
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`), true);
        """;

    private readonly List<string> _problems = [];

    private WatchedPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Add($"uncaught: {error}");
        page.RequestFailed += (_, request) => Add($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Add($"HTTP {response.Status}: {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The Content-Security-Policy the page was served with ("" if none).</summary>
    public string DocumentPolicy { get; private set; } = "";

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="url"/>; <paramref name="reducedMotion"/> emulates prefers-reduced-motion: reduce, and
    /// <paramref name="prepare"/> runs before the page loads (to route requests or listen to responses).
    /// </summary>
    public static async Task<WatchedPage> OpenAsync(
        BrowserFixture fixture, string url, ViewportSize? viewport = null, bool reducedMotion = false, Func<IPage, Task>? prepare = null)
    {
        var watched = new WatchedPage(await fixture.NewPageAsync(viewport));
        await watched.Page.AddInitScriptAsync(ReportPolicyViolations);
        if (reducedMotion)
        {
            await watched.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
        }

        if (prepare is not null)
        {
            await prepare(watched.Page);
        }

        var response = await watched.Page.GotoAsync(url);
        watched.DocumentPolicy = response?.Headers.GetValueOrDefault("content-security-policy") ?? "";
        return watched;
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
