using System.Text.Json;
using System.Text.Json.Serialization;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.Seeding;
using CrampKnowledge.Bench.Growth;
using MapsterMapper;

namespace CrampKnowledge.Api.Tests.Seeding;

/// <summary>
/// Start-up reads the database on two connections at once and maps on two threads (<see cref="KnowledgeSnapshotLoader"/>);
/// every answer is served from the snapshot, so it must be the snapshot the plain one-connection load gives, in every
/// list, order and field, at the real size and at ten times.
/// </summary>
public sealed class SnapshotParallelLoadTests : IDisposable
{
    private static readonly JsonSerializerOptions Everything = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _root = Directory.CreateTempSubdirectory("crampknowledge-parallel-load-").FullName;

    [Fact]
    public void TheLoadOnTwoConnectionsGivesTheSameSnapshotAsTheLoadOnOne()
    {
        using var seed = new SeedFolder();
        KnowledgeDatabase.EnsureBuilt(seed.Location);

        AssertSameSnapshot(seed.Location);
    }

    [Fact]
    public void TheLoadOnTwoConnectionsGivesTheSameSnapshotAtTenTimesTheContent()
    {
        var seedPath = Path.Combine(_root, "seed-data");
        SyntheticSeedData.Generate(TestJson.SeedDirectory, seedPath, 10);
        var location = new KnowledgeDatabaseLocation(Path.Combine(_root, "knowledge.db"), seedPath);
        KnowledgeDatabase.EnsureBuilt(location);

        AssertSameSnapshot(location);
    }

    private static void AssertSameSnapshot(KnowledgeDatabaseLocation location)
    {
        var mapper = new Mapper(KnowledgeMapping.Create());
        var inSequence = KnowledgeSnapshotLoader.Load(location, mapper, inParallel: false);

        for (var run = 0; run < 3; run++)
        {
            var inParallel = KnowledgeSnapshotLoader.Load(location, mapper, inParallel: true);

            Assert.Equal(Describe(inSequence), Describe(inParallel));
        }
    }

    /// <summary>Every list the endpoints read, in its order, with every field, as JSON lines.</summary>
    private static List<string> Describe(KnowledgeSnapshot snapshot)
    {
        string Json(object? value) => JsonSerializer.Serialize(value, Everything);

        List<string> lines =
        [
            snapshot.ContentVersion,
            Json(snapshot.Counts),
            Json(snapshot.Categories),
            Json(snapshot.Graph(withCitations: false)),
            Json(snapshot.Graph(withCitations: true)),
            .. snapshot.Records.Select(Json),
            .. snapshot.Links.Select(l => Json(new { l.Key, l.Kind, From = l.From.Id, To = l.To.Id, l.Citations, l.Basis })),
            .. snapshot.Sources.Select(Json),
            .. snapshot.Vocabulary.Select(Json),
            .. snapshot.Synonyms.Select(s => Json(s)),
            .. snapshot.RedFlagTriggers.Select(Json),
            .. snapshot.CheckVocabulary.Select(Json),
        ];
        foreach (var kind in RecordKinds.All)
        {
            foreach (var sort in new[] { "name", "-name", "sourceCount", "-sourceCount" })
            {
                lines.Add($"{kind} {sort}: {string.Join(' ', snapshot.RecordsOf(kind, sort).Select(r => r.Key))}");
            }
        }

        return lines;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
