using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ToTable("Sources");
        builder.Property(s => s.Id).HasMaxLength(80);
        builder.Property(s => s.FileName).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Title).HasMaxLength(300).IsRequired();
        builder.Property(s => s.Publisher).HasMaxLength(200);
        builder.Property(s => s.Kind).HasMaxLength(80).IsRequired();
        builder.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
    }
}
