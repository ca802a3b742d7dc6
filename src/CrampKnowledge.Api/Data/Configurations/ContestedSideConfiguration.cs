using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class ContestedSideConfiguration : IEntityTypeConfiguration<ContestedSide>
{
    public void Configure(EntityTypeBuilder<ContestedSide> builder)
    {
        builder.ToTable("ContestedSides");
        builder.Property(s => s.Stance).HasMaxLength(1000).IsRequired();
        builder.HasMany(s => s.Citations).WithOne(c => c.Side).HasForeignKey(c => c.SideId);
    }
}
