using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class RedFlagConfiguration : IEntityTypeConfiguration<RedFlag>
{
    public void Configure(EntityTypeBuilder<RedFlag> builder) =>
        builder.Property(r => r.Urgency).HasMaxLength(80);
}
