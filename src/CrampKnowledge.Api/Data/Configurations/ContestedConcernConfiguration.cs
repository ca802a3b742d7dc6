using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class ContestedConcernConfiguration : IEntityTypeConfiguration<ContestedConcern>
{
    public void Configure(EntityTypeBuilder<ContestedConcern> builder)
    {
        builder.ToTable("ContestedConcerns");
        builder.HasKey(c => new { c.PointId, c.RecordId });
    }
}
