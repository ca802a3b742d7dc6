using System.Text.Json;
using CrampKnowledge.EndToEnd.Tests.ScaleOut;
using Microsoft.Playwright;

namespace CrampKnowledge.EndToEnd.Tests.Browser;

/// <summary>Swagger UI as a developer meets it: served by the real API, in real Chromium.</summary>
public sealed class SwaggerUiTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task SwaggerUiListsEveryTagAndOperation()
    {
        var document = JsonSerializer.Deserialize<JsonElement>(await fixture.Api.Client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)));
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => o.Value.GetProperty("operationId").GetString()!)).ToList();
        var tags = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().SelectMany(o => o.Value.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)))
            .Distinct().ToList();
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync("/");
        await page.WaitForSelectorAsync(".opblock-tag");

        Assert.EndsWith("/swagger/index.html", page.Url, StringComparison.Ordinal);
        foreach (var tag in tags)
        {
            Assert.True(await page.Locator($".opblock-tag[data-tag='{tag}']").CountAsync() == 1, $"tag {tag} is not listed");
        }

        var shown = await page.Locator(".opblock .opblock-summary-operation-id").AllInnerTextsAsync();
        Assert.Equal(operations.Order(), shown.Select(s => s.Trim()).Order());
        Assert.Empty(errors);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ArtifactsDirectory, "swagger-ui.png"), FullPage = false });
    }

    [RequiresToolsFact(Chromium.ExecutablePath)]
    public async Task TryItOutOnTreatmentsForACauseShowsA200WithData()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/swagger/index.html");
        var operation = page.Locator("#operations-Causes-ListTreatmentsForCause");

        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        var id = operation.Locator("input[placeholder='id']");
        Assert.Equal("dehydration", await id.InputValueAsync());
        await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();
        var status = operation.Locator(".live-responses-table .response .response-col_status").First;
        await status.WaitForAsync();

        Assert.Equal("200", (await status.InnerTextAsync()).Trim());
        var body = await operation.Locator(".live-responses-table .response-col_description .microlight").First.InnerTextAsync();
        Assert.Contains("\"drink-fluids\"", body, StringComparison.Ordinal);
        Assert.Contains("\"quote\"", body, StringComparison.Ordinal);
        await operation.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ArtifactsDirectory, "swagger-try-it-out.png"), FullPage = true });
    }
}
