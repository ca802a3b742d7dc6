using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class KnowledgeRecordConfiguration : IEntityTypeConfiguration<KnowledgeRecord>
{
    public void Configure(EntityTypeBuilder<KnowledgeRecord> builder)
    {
        builder.ToTable("Records");
        builder.HasDiscriminator(r => r.Kind)
            .HasValue<Cause>(RecordKind.Cause)
            .HasValue<Treatment>(RecordKind.Treatment)
            .HasValue<Prevention>(RecordKind.Prevention)
            .HasValue<RedFlag>(RecordKind.RedFlag);

        // Ids are unique per kind: they are the last segment of the record's URL.
        builder.HasIndex(r => new { r.Kind, r.Slug }).IsUnique();
        builder.HasIndex(r => new { r.Kind, r.Category });
        builder.Property(r => r.Slug).HasMaxLength(80).IsRequired();
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(1000).IsRequired();
        builder.Property(r => r.Category).HasMaxLength(80).IsRequired();

        builder.HasMany(r => r.Citations).WithOne(c => c.Record).HasForeignKey(c => c.RecordId);
        builder.HasMany(r => r.OutgoingLinks).WithOne(l => l.From).HasForeignKey(l => l.FromId);
        builder.HasMany(r => r.IncomingLinks).WithOne(l => l.To).HasForeignKey(l => l.ToId);
        builder.HasMany(r => r.ContestedConcerns).WithOne(c => c.Record).HasForeignKey(c => c.RecordId);
    }
}
