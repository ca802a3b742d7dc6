using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrampKnowledge.Api.Hosting;

/// <summary>Ready when the database file opens and holds the content version this process serves.</summary>
internal sealed class KnowledgeDatabaseHealthCheck(KnowledgeDatabaseLocation location, KnowledgeSnapshot snapshot) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["contentVersion"] = snapshot.ContentVersion };
        try
        {
            await using var connection = new SqliteConnection(location.ReadOnlyConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT ContentVersion FROM ContentInfo LIMIT 2";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var stored = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : null;
            if (await reader.ReadAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database holds more than one content version.", data: data);
            }

            return stored == snapshot.ContentVersion
                ? HealthCheckResult.Healthy("The database answers with the served content version.", data)
                : HealthCheckResult.Unhealthy($"The database holds content version '{stored}', not the one served.", data: data);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", e, data);
        }
    }
}
