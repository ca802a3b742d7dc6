using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class SynonymConfiguration : IEntityTypeConfiguration<Synonym>
{
    public void Configure(EntityTypeBuilder<Synonym> builder)
    {
        builder.ToTable("Synonyms");
        builder.Property(s => s.Phrase).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Means).HasMaxLength(100).IsRequired();
        builder.HasIndex(s => new { s.Phrase, s.Means }).IsUnique();
    }
}
