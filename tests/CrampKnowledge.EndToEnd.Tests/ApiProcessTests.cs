using System.Net;
using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests;

public sealed class ApiProcessTests
{
    [Fact]
    public async Task RealProcessServesTreatmentsForACauseOverHttp()
    {
        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"));

        using var response = await api.Client.GetAsync(new Uri("/api/v1/treatments?cause=dehydration", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = body.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Contains(items, i => i.GetProperty("id").GetString() == "drink-fluids");
        Assert.Contains("not medical advice", body.RootElement.GetProperty("disclaimer").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(api.DatabasePath));
    }

    [Fact]
    public async Task RealProcessAnswersBadInputWithProblemDetails()
    {
        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"));

        using var response = await api.Client.GetAsync(new Uri("/api/v1/treatments?cause=dehydation&page=abc", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealProcessServesSwaggerUi()
    {
        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"));

        using var root = await api.Client.GetAsync(new Uri("/", UriKind.Relative));
        using var ui = await api.Client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.EndsWith("/swagger/index.html", root.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("swagger-ui", await ui.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondStartReusesTheDatabaseBuiltByTheFirst()
    {
        using var temp = new TempFolder();
        var database = temp.File("knowledge.db");
        string firstVersion;
        await using (var first = await ApiProcess.StartAsync(database))
        {
            firstVersion = await ContentVersionAsync(first);
        }

        var builtAt = File.GetLastWriteTimeUtc(database);

        await using var second = await ApiProcess.StartAsync(database);

        Assert.Equal(firstVersion, await ContentVersionAsync(second));
        Assert.Equal(builtAt, File.GetLastWriteTimeUtc(database));
        Assert.Contains("Opened", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestsDuringTheFirstBuildWaitForItAndAreNeverAnsweredWithAnError()
    {
        // Kestrel listens while the database is built from seed-data (about 2 s): whatever connects then must get the
        // full answer once the knowledge base is loaded, never an error from a half-built file or a missing snapshot.
        using var temp = new TempFolder();
        await using var api = ApiProcess.Launch(temp.File("knowledge.db"));
        var answers = new List<HttpStatusCode>();
        var sentBeforeLoaded = false;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !answers.Contains(HttpStatusCode.OK))
        {
            try
            {
                var built = api.Output.Contains("\"Built ", StringComparison.Ordinal);
                using var response = await api.Client.GetAsync(new Uri("/api/v1/causes/dehydration", UriKind.Relative));
                answers.Add(response.StatusCode);
                sentBeforeLoaded |= !built;
                Assert.Contains("\"id\":\"dehydration\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
                await Task.Delay(10);
            }
        }

        Assert.Equal([HttpStatusCode.OK], answers);
        Assert.True(sentBeforeLoaded, $"no request reached the API before the load finished:\n{api.Output}");
    }

    [Fact]
    public async Task InvalidSeedDataStopsStartupWithOneMessagePerProblem()
    {
        using var temp = new TempFolder();
        var seed = temp.CopySeedData();
        var causesPath = Path.Combine(seed, "causes.json");
        var causes = File.ReadAllText(causesPath);
        // Two problems: a quote no article contains, and a category outside the vocabulary.
        causes = causes.Replace("The most common cause may be dehydration.", "The most common cause may be dehydration, always.", StringComparison.Ordinal);
        causes = ReplaceFirst(causes, "\"category\": \"fluids-and-minerals\"", "\"category\": \"made-up-category\"");
        File.WriteAllText(causesPath, causes);
        var database = temp.File("knowledge.db");

        var (exitCode, output) = await ApiProcess.RunToExitAsync(database, seed);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("causes.json › dehydration: quote not found in source 'prairie-path'", output, StringComparison.Ordinal);
        Assert.Contains("unknown category 'made-up-category'", output, StringComparison.Ordinal);
        Assert.Contains("(2 problems)", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path, "knowledge.db*"));
    }

    private static async Task<string> ContentVersionAsync(ApiProcess api)
    {
        using var body = JsonDocument.Parse(await api.Client.GetStringAsync(new Uri("/api/v1", UriKind.Relative)));
        return body.RootElement.GetProperty("contentVersion").GetString()!;
    }

    private static string ReplaceFirst(string text, string oldValue, string newValue)
    {
        var at = text.IndexOf(oldValue, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{oldValue}' not found");
        return string.Concat(text.AsSpan(0, at), newValue, text.AsSpan(at + oldValue.Length));
    }
}
