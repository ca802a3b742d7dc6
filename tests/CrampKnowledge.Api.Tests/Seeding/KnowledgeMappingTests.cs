using System.Text.Json.Nodes;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.Seeding;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace CrampKnowledge.Api.Tests.Seeding;

/// <summary>
/// The one Mapster configuration the snapshot is read through: every mapping compiles, in memory and as a
/// projection, and what the projections read from the database is what the entities hold.
/// </summary>
public class KnowledgeMappingTests
{
    [Fact]
    public void EveryMappingCompilesInMemoryAndAsAProjection()
    {
        var config = KnowledgeMapping.Create();

        config.Compile();
        config.CompileProjection();

        Assert.NotEmpty(config.RuleMap);
    }

    [Fact]
    public void AContractMemberWithNoSourceFailsToCompile()
    {
        var config = KnowledgeMapping.Create();
        config.NewConfig<Source, SourceDetail>().Map(d => d.Name, s => s.Title);

        var error = Assert.ThrowsAny<Exception>(() => config.Compile());

        Assert.Contains(nameof(SourceDetail.Category), error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RecordRowsAreTheRecordsEntities()
    {
        using var seed = BuiltSeedFolder();
        using var db = KnowledgeDbContext.Open(seed.Location.ReadOnlyConnectionString);
        var entities = db.Records.AsNoTracking().Include(r => r.Citations).Include(r => r.ContestedConcerns).ToList();

        var rows = db.Records.AsNoTracking().ProjectToType<RecordRow>(KnowledgeMapping.Create()).ToDictionary(r => r.Key);

        Assert.Equal(entities.Count, rows.Count);
        Assert.All(entities, entity =>
        {
            var row = rows[entity.Id];
            Assert.Equal(entity.Kind, row.Kind);
            Assert.Equal(
                new RecordSummary(entity.Slug, entity.Name, entity.Summary, entity.Category, entity.Aliases, entity.SourceCount,
                    entity.ContestedConcerns.Count > 0, (entity as RedFlag)?.Urgency),
                row.Row with { Aliases = entity.Aliases });
            Assert.Equal(entity.Aliases, row.Row.Aliases);
            Assert.Equal((entity as RedFlag)?.UrgencyRank ?? 0, row.UrgencyRank);
            // The map keeps the order it is given (EF reads both by citation id); the loader sorts (SnapshotLoadTests).
            Assert.Equal(
                entity.Citations.Select(c => (c.SourceId, c.Quote, c.Certainty, c.CertaintyPhrase)),
                row.Citations.Select(c => (c.Source, c.Quote, c.Certainty, c.CertaintyPhrase)));
        });
        Assert.Contains(entities, e => e is RedFlag { Urgency: not null });
        Assert.Contains(entities, e => e.Aliases.Count > 1);
    }

    [Fact]
    public void SourceDetailsAreTheSourceEntitiesInSeedOrder()
    {
        using var seed = BuiltSeedFolder();
        using var db = KnowledgeDbContext.Open(seed.Location.ReadOnlyConnectionString);
        var entities = db.Sources.AsNoTracking().Include(s => s.Citations).ToList();

        var details = db.Sources.AsNoTracking().OrderBy(s => s.Position).ProjectToType<SourceDetail>(KnowledgeMapping.Create()).ToList();

        Assert.Equal(Seed("sources.json").AsArray().Select(s => (string)s!["id"]!), details.Select(d => d.Id));
        Assert.All(details, detail =>
        {
            var entity = entities.Single(s => s.Id == detail.Id);
            Assert.Equal(
                (entity.Title, entity.Summary, entity.Kind, entity.Publisher, entity.FileName, entity.Sha256, entity.Citations.Count, entity.Text, Disclaimer.Text),
                (detail.Name, detail.Summary, detail.Category, detail.Publisher, detail.FileName, detail.Sha256, detail.CitationCount, detail.Text, detail.Disclaimer));
        });
    }

    [Fact]
    public void TriggerPhrasesAndAnswersRoundTripThroughTheirJsonColumns()
    {
        using var seed = BuiltSeedFolder();
        using var db = KnowledgeDbContext.Open(seed.Location.ReadOnlyConnectionString);
        var rules = Seed("red-flag-rules.json").AsArray();

        var triggers = db.RedFlagTriggers.AsNoTracking().Include(t => t.RedFlag).OrderBy(t => t.RedFlagId).ThenBy(t => t.Position).ToList();

        var seeded = rules.SelectMany(rule => rule!["triggers"]!.AsArray().Select((t, i) => (RedFlag: (string)rule["redFlag"]!, Position: i, Trigger: t!)));
        Assert.Equal(seeded.Count(), triggers.Count);
        foreach (var (redFlag, position, trigger) in seeded)
        {
            var stored = triggers.Single(t => t.RedFlag.Slug == redFlag && t.Position == position);
            Assert.Equal(trigger["phrases"]?.AsArray().Select(p => (string)p!) ?? [], stored.Phrases);
            Assert.Equal(trigger["alsoPhrases"]?.AsArray().Select(p => (string)p!) ?? [], stored.AlsoPhrases);
            Assert.Equal(trigger["answers"]?.AsObject().Select(a => a.Key) ?? [], stored.Answers.Select(a => a.Answer));
        }

        Assert.Contains(triggers, t => t.Answers.Any(a => a.Values.Count > 0));
    }

    [Fact]
    // Fails after an entity or configuration change until Data/CompiledModel is regenerated (see KnowledgeDbContext).
    public void TheCompiledModelIsTheModelTheConfigurationsDescribe()
    {
        var fromConfigurations = new ModelBuilder(SqliteConventionSetBuilder.Build());
        fromConfigurations.ApplyConfigurationsFromAssembly(typeof(KnowledgeDbContext).Assembly);
        using var compiled = KnowledgeDbContext.Open("Data Source=:memory:");
        using var built = new KnowledgeDbContext(new DbContextOptionsBuilder<KnowledgeDbContext>()
            .UseSqlite("Data Source=:memory:").UseModel(fromConfigurations.FinalizeModel()).Options);

        Assert.Equal(built.Model.ToDebugString(), compiled.Model.ToDebugString());
    }

    private static JsonNode Seed(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(TestJson.SeedDirectory, file)))!;

    private static SeedFolder BuiltSeedFolder()
    {
        var seed = new SeedFolder();
        KnowledgeDatabase.EnsureBuilt(seed.Location);
        return seed;
    }
}
