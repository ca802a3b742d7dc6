using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class VocabularyTermConfiguration : IEntityTypeConfiguration<VocabularyTerm>
{
    public void Configure(EntityTypeBuilder<VocabularyTerm> builder)
    {
        builder.ToTable("Vocabulary");
        builder.HasKey(t => new { t.Vocabulary, t.Slug });
        builder.Property(t => t.Vocabulary).HasMaxLength(40);
        builder.Property(t => t.Slug).HasMaxLength(80);
        builder.Property(t => t.Name).HasMaxLength(200).IsRequired();
    }
}
