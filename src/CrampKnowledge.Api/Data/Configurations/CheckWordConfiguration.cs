using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class CheckWordConfiguration : IEntityTypeConfiguration<CheckWord>
{
    public void Configure(EntityTypeBuilder<CheckWord> builder)
    {
        builder.ToTable("CheckVocabulary");
        builder.Property(w => w.List).HasMaxLength(20).IsRequired();
        builder.Property(w => w.Topic).HasMaxLength(40);
        builder.Property(w => w.Text).HasMaxLength(100).IsRequired();
        builder.HasIndex(w => new { w.List, w.Text }).IsUnique();
    }
}
