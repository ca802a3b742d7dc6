using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class ContestedPointConfiguration : IEntityTypeConfiguration<ContestedPoint>
{
    public void Configure(EntityTypeBuilder<ContestedPoint> builder)
    {
        builder.ToTable("ContestedPoints");
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(80).IsRequired();
        builder.Property(p => p.Topic).HasMaxLength(300).IsRequired();
        builder.HasMany(p => p.Sides).WithOne(s => s.Point).HasForeignKey(s => s.PointId);
        builder.HasMany(p => p.Concerns).WithOne(c => c.Point).HasForeignKey(c => c.PointId);
    }
}
