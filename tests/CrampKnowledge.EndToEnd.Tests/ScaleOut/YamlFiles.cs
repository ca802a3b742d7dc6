using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>Reads YAML (every document of a file) as JSON, through python3's PyYAML, which Debian's docker-compose depends on.</summary>
public static class YamlFiles
{
    private const string ToJson = "import json, sys, yaml; print(json.dumps(list(yaml.safe_load_all(open(sys.argv[1], encoding='utf-8')))))";

    public static async Task<JsonDocument> LoadAsync(string path)
    {
        var (exitCode, output) = await ExternalTools.RunAsync(ExternalTools.Python, ["-c", ToJson, path], TimeSpan.FromSeconds(20));
        Assert.True(exitCode == 0, $"{path} is not valid YAML (or PyYAML is missing):\n{output}");
        return JsonDocument.Parse(output);
    }
}
