using Microsoft.Playwright;

namespace CrampKnowledge.EndToEnd.Tests.Browser;

/// <summary>One real API process and one headless Chromium shared by a browser test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Not a TempFolder field: a fixture is IAsyncLifetime, not IDisposable, and cleans up in DisposeAsync.
    private readonly string _folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "crampknowledge-browser-" + Guid.NewGuid().ToString("N"))).FullName;
    private IPlaywright? _playwright;

    public ApiProcess Api { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Without Chromium every test of the class is skipped (RequiresToolsFact); start nothing.
        if (ScaleOut.ExternalTools.Find(Chromium.ExecutablePath) is null && !ScaleOut.ExternalTools.Required)
        {
            return;
        }

        // One browser client makes many requests in a few seconds; the production limit is not what is tested here.
        Api = await ApiProcess.StartAsync(Path.Combine(_folder, "knowledge.db"), environment: new Dictionary<string, string>
        {
            ["Http__RateLimit__PermitLimit"] = "10000",
        });
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Api.BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A process that has not quite let go; the OS cleans temp eventually.
        }
    }
}
