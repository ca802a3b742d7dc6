using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrampKnowledge.Api.Hosting;

/// <summary>Ready when the database file opens and holds the content version this process serves.</summary>
internal sealed class KnowledgeDatabaseHealthCheck(KnowledgeDbContext db, RecordDirectory directory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["contentVersion"] = directory.ContentVersion };
        try
        {
            var stored = await db.ContentInfo.AsNoTracking().Select(c => c.ContentVersion).SingleOrDefaultAsync(cancellationToken);
            return stored == directory.ContentVersion
                ? HealthCheckResult.Healthy("The database answers with the served content version.", data)
                : HealthCheckResult.Unhealthy($"The database holds content version '{stored}', not the one served.", data: data);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", e, data);
        }
    }
}
