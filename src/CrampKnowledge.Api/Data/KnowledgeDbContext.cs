using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CrampKnowledge.Api.Data;

public sealed class KnowledgeDbContext(DbContextOptions<KnowledgeDbContext> options) : DbContext(options)
{
    public DbSet<KnowledgeRecord> Records => Set<KnowledgeRecord>();
    public DbSet<Cause> Causes => Set<Cause>();
    public DbSet<Treatment> Treatments => Set<Treatment>();
    public DbSet<Prevention> Preventions => Set<Prevention>();
    public DbSet<RedFlag> RedFlags => Set<RedFlag>();
    public DbSet<RecordAlias> Aliases => Set<RecordAlias>();
    public DbSet<RecordLink> Links => Set<RecordLink>();
    public DbSet<Citation> Citations => Set<Citation>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<ContestedPoint> ContestedPoints => Set<ContestedPoint>();
    public DbSet<VocabularyTerm> Vocabulary => Set<VocabularyTerm>();
    public DbSet<ContentInfo> ContentInfo => Set<ContentInfo>();
    public DbSet<Synonym> Synonyms => Set<Synonym>();
    public DbSet<RedFlagTrigger> RedFlagTriggers => Set<RedFlagTrigger>();
    public DbSet<CheckWord> CheckVocabulary => Set<CheckWord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KnowledgeDbContext).Assembly);
}
