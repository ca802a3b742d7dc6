using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class RecordLinkConfiguration : IEntityTypeConfiguration<RecordLink>
{
    public void Configure(EntityTypeBuilder<RecordLink> builder)
    {
        builder.ToTable("Links");
        builder.HasIndex(l => new { l.Kind, l.FromId, l.ToId }).IsUnique();
        builder.HasIndex(l => new { l.Kind, l.ToId });
        builder.Property(l => l.Basis).HasMaxLength(1000);
        builder.HasMany(l => l.Citations).WithOne(c => c.Link).HasForeignKey(c => c.LinkId);
    }
}
