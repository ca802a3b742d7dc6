using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class RecordAliasConfiguration : IEntityTypeConfiguration<RecordAlias>
{
    public void Configure(EntityTypeBuilder<RecordAlias> builder)
    {
        builder.ToTable("Aliases");
        builder.Property(a => a.Text).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => new { a.RecordId, a.Position }).IsUnique();
    }
}
