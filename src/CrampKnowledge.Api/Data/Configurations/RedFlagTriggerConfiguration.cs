using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class RedFlagTriggerConfiguration : IEntityTypeConfiguration<RedFlagTrigger>
{
    public void Configure(EntityTypeBuilder<RedFlagTrigger> builder)
    {
        builder.ToTable("RedFlagTriggers");
        builder.HasOne(t => t.RedFlag).WithMany().HasForeignKey(t => t.RedFlagId);
        builder.HasIndex(t => new { t.RedFlagId, t.Position }).IsUnique();
        builder.Property(t => t.SeeDoctor).HasMaxLength(20);
        builder.Property(t => t.BasisSourceId).HasMaxLength(80);
        builder.Property(t => t.BasisQuote).HasMaxLength(2000);
        builder.Property(t => t.Note).HasMaxLength(1000);
        builder.ComplexCollection(t => t.Answers, answers => answers.ToJson());
    }
}
