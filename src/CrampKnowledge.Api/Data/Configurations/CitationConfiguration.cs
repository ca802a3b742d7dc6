using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> builder)
    {
        builder.ToTable("Citations");
        builder.HasDiscriminator<string>("Owner")
            .HasValue<RecordCitation>("record")
            .HasValue<LinkCitation>("link")
            .HasValue<ContestedSideCitation>("contested-side");
        builder.Property(c => c.Quote).HasMaxLength(2000).IsRequired();
        builder.Property(c => c.Certainty).HasMaxLength(80).IsRequired();
        builder.Property(c => c.CertaintyPhrase).HasMaxLength(200).IsRequired();
        builder.HasOne(c => c.Source).WithMany(s => s.Citations).HasForeignKey(c => c.SourceId);
        builder.HasIndex(c => c.SourceId);
    }
}
