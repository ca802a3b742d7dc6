using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.RedFlagChecks;
using CrampKnowledge.Api.Data.Search;
using CrampKnowledge.Api.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CrampKnowledge.Api.Hosting;

public static partial class KnowledgeBaseSetup
{
    /// <summary>Registers the read-only database and the in-memory record directory.</summary>
    public static WebApplicationBuilder AddKnowledgeBase(this WebApplicationBuilder builder)
    {
        // Resolved when first asked for, so settings a test host adds late are honoured.
        builder.Services.AddSingleton(sp => KnowledgeDatabaseLocation.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddDbContextPool<KnowledgeDbContext>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<KnowledgeDatabaseLocation>().ReadOnlyConnectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        builder.Services.AddSingleton(sp =>
        {
            using var scope = sp.CreateScope();
            return RecordDirectory.Load(scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>());
        });
        builder.Services.AddSingleton(sp =>
        {
            using var scope = sp.CreateScope();
            return SearchVocabulary.Load(scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>());
        });
        builder.Services.AddSingleton(sp =>
        {
            using var scope = sp.CreateScope();
            return RedFlagRuleBook.Load(scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>());
        });
        return builder;
    }

    /// <summary>
    /// Builds the database from seed-data if it is missing, stale or unreadable, then loads the
    /// directory. Throws <see cref="SeedDataException"/> when seed-data is invalid.
    /// </summary>
    public static void PrepareKnowledgeBase(this WebApplication app)
    {
        var location = app.Services.GetRequiredService<KnowledgeDatabaseLocation>();
        var outcome = KnowledgeDatabase.EnsureBuilt(location);
        RecordDirectory directory;
        try
        {
            // Load everything served from memory now, so a file that cannot be read stops start-up, not a request.
            directory = app.Services.GetRequiredService<RecordDirectory>();
            app.Services.GetRequiredService<SearchVocabulary>();
            app.Services.GetRequiredService<RedFlagRuleBook>();
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            throw new KnowledgeDatabaseException($"Cannot open the database at {location.DatabasePath} read-only: {e.Message}", e);
        }

        if (outcome.Rebuilt)
        {
            LogBuilt(app.Logger, location.DatabasePath, location.SeedDataPath, directory.ContentVersion, outcome.Reason);
        }
        else
        {
            LogOpened(app.Logger, location.DatabasePath, directory.ContentVersion);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Built {Database} from {SeedData} (content version {Version}) because {Reason}")]
    private static partial void LogBuilt(ILogger logger, string database, string seedData, string version, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened {Database} (content version {Version})")]
    private static partial void LogOpened(ILogger logger, string database, string version);
}
