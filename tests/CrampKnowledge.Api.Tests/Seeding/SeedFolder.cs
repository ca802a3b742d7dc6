using System.Text.Json;
using System.Text.Json.Nodes;
using CrampKnowledge.Api.Data.Seeding;

namespace CrampKnowledge.Api.Tests.Seeding;

/// <summary>A private copy of seed-data/ and a database path beside it, for tests that edit or break either.</summary>
internal sealed class SeedFolder : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public SeedFolder()
    {
        Root = Directory.CreateTempSubdirectory("crampknowledge-seed-").FullName;
        SeedPath = Path.Combine(Root, "seed-data");
        foreach (var file in Directory.EnumerateFiles(TestJson.SeedDirectory, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(SeedPath, Path.GetRelativePath(TestJson.SeedDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public string Root { get; }

    public string SeedPath { get; }

    public string DatabasePath => Path.Combine(Root, "knowledge.db");

    public KnowledgeDatabaseLocation Location => new(DatabasePath, SeedPath);

    public string PathOf(string file) => Path.Combine(SeedPath, file);

    /// <summary>Parses a seed file, lets <paramref name="edit"/> change it, and writes it back.</summary>
    public void EditJson(string file, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(PathOf(file)))!;
        edit(node);
        File.WriteAllText(PathOf(file), node.ToJsonString(Indented));
    }

    public ApiFactory StartApi() => new() { DatabasePath = DatabasePath, SeedDataPath = SeedPath };

    public void Dispose()
    {
        ApiFactory.ReleaseFile(DatabasePath);
        Directory.Delete(Root, recursive: true);
    }
}
