using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class ContentInfoConfiguration : IEntityTypeConfiguration<ContentInfo>
{
    public void Configure(EntityTypeBuilder<ContentInfo> builder)
    {
        builder.ToTable("ContentInfo");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ContentVersion).HasMaxLength(64).IsRequired();
    }
}
