using System.Text.Json;
using System.Text.Json.Nodes;
using CrampKnowledge.EndToEnd.Tests.ScaleOut;

namespace CrampKnowledge.EndToEnd.Tests.Mcp;

/// <summary>
/// An MCP session run by an independent client: the official TypeScript SDK (client/session.mjs, pinned in its
/// package-lock.json; scripts/test.sh installs it with npm ci). The plan says what to ask; the answer is everything
/// the server said, as that client understood it (it also checks structured content against each tool's output schema).
/// </summary>
public static class TypeScriptSession
{
    public const string Node = "node";

    public static string ClientFolder => RepositoryRoot.File("tests", "CrampKnowledge.EndToEnd.Tests", "Mcp", "client");

    public static async Task<JsonElement> RunAsync(Uri mcpUrl, JsonObject plan)
    {
        var planFile = Path.Combine(Path.GetTempPath(), $"crampknowledge-mcp-plan-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(planFile, plan.ToJsonString());
        try
        {
            Assert.True(Directory.Exists(Path.Combine(ClientFolder, "node_modules", "@modelcontextprotocol", "sdk")),
                $"The TypeScript SDK is not installed in {ClientFolder}: run ./scripts/test.sh (npm ci).");
            var (exitCode, output) = await ExternalTools.RunAsync(Node, ["session.mjs", mcpUrl.ToString(), planFile], TimeSpan.FromSeconds(60), ClientFolder);
            Assert.True(exitCode == 0, $"node session.mjs exited with {exitCode}:\n{output}");
            // The report is the first JSON value of the output; anything node writes to stderr comes after it.
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output[output.IndexOf('{', StringComparison.Ordinal)..]));
            return JsonElement.ParseValue(ref reader);
        }
        finally
        {
            File.Delete(planFile);
        }
    }

    /// <summary>The result of a call, or fails with the error the client reported.</summary>
    public static JsonElement Ok(this JsonElement outcome, string what) =>
        outcome.TryGetProperty("ok", out var ok) ? ok : throw new Xunit.Sdk.XunitException($"{what} failed: {outcome}");

    public static JsonElement Error(this JsonElement outcome, string what) =>
        outcome.TryGetProperty("error", out var error) ? error : throw new Xunit.Sdk.XunitException($"{what} did not fail: {outcome}");
}
