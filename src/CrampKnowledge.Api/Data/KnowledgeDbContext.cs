using CrampKnowledge.Api.Data.CompiledModel;
using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CrampKnowledge.Api.Data;

/// <summary>
/// The database as EF Core sees it. The model is precompiled into <c>Data/CompiledModel</c>: building it from
/// the configurations at start-up, with the queries' first compilation, took the cold start from about 0.6 s
/// to 2.1 s. After any change to an entity or a configuration, regenerate it (a test fails until then):
/// <code>
/// cd src/CrampKnowledge.Api
/// dotnet build -c Release -p:EfDesign=true -p:CentralPackageTransitivePinningEnabled=false
/// dotnet ef dbcontext optimize --no-build --configuration Release -o Data/CompiledModel -n CrampKnowledge.Api.Data.CompiledModel
/// </code>
/// (dotnet-ef 10.0.15: <c>dotnet tool install --global dotnet-ef --version 10.0.15</c>. EfDesign brings in
/// EF's design package for that build only; transitive pinning is off there because the bench pins an older Roslyn.)
/// </summary>
public sealed class KnowledgeDbContext(DbContextOptions<KnowledgeDbContext> options) : DbContext(options)
{
    public DbSet<KnowledgeRecord> Records => Set<KnowledgeRecord>();
    public DbSet<Cause> Causes => Set<Cause>();
    public DbSet<Treatment> Treatments => Set<Treatment>();
    public DbSet<Prevention> Preventions => Set<Prevention>();
    public DbSet<RedFlag> RedFlags => Set<RedFlag>();
    public DbSet<RecordLink> Links => Set<RecordLink>();
    public DbSet<Citation> Citations => Set<Citation>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<ContestedPoint> ContestedPoints => Set<ContestedPoint>();
    public DbSet<VocabularyTerm> Vocabulary => Set<VocabularyTerm>();
    public DbSet<ContentInfo> ContentInfo => Set<ContentInfo>();
    public DbSet<Synonym> Synonyms => Set<Synonym>();
    public DbSet<RedFlagTrigger> RedFlagTriggers => Set<RedFlagTrigger>();
    public DbSet<CheckWord> CheckVocabulary => Set<CheckWord>();

    /// <summary>A context on its own connection string: the database is built once and then only read, so no DI scope is needed.</summary>
    public static KnowledgeDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<KnowledgeDbContext>().UseSqlite(connectionString).UseModel(KnowledgeDbContextModel.Instance).Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KnowledgeDbContext).Assembly);
}
