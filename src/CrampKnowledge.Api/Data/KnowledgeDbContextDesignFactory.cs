using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrampKnowledge.Api.Data;

/// <summary>
/// How <c>dotnet ef dbcontext optimize</c> gets a context to generate <c>Data/CompiledModel</c> from; the
/// file it names is never opened. See <see cref="KnowledgeDbContext"/> for the command.
/// </summary>
internal sealed class KnowledgeDbContextDesignFactory : IDesignTimeDbContextFactory<KnowledgeDbContext>
{
    public KnowledgeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KnowledgeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
