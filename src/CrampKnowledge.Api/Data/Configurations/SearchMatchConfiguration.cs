using CrampKnowledge.Api.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrampKnowledge.Api.Data.Configurations;

internal sealed class SearchMatchConfiguration : IEntityTypeConfiguration<SearchMatch>
{
    // Only ever read through FromSqlInterpolated over the FTS5 table, so it maps to no table of its own.
    public void Configure(EntityTypeBuilder<SearchMatch> builder) => builder.HasNoKey().ToView(null);
}
