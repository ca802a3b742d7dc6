using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.RedFlagChecks;
using CrampKnowledge.Api.Data.Search;
using CrampKnowledge.Api.Data.Seeding;
using CrampKnowledge.Api.Endpoints;
using Mapster;
using MapsterMapper;

namespace CrampKnowledge.Api.Hosting;

public static partial class KnowledgeBaseSetup
{
    /// <summary>Registers the in-memory snapshot the endpoints read, and what is built from it.</summary>
    public static WebApplicationBuilder AddKnowledgeBase(this WebApplicationBuilder builder)
    {
        // Resolved when first asked for, so settings a test host adds late are honoured. EF Core reads the database
        // once, into the snapshot; no request queries it, so no DbContext is registered for requests to take.
        builder.Services.AddSingleton(sp => KnowledgeDatabaseLocation.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        var mapping = KnowledgeMapping.Create();
        builder.Services.AddSingleton(mapping);
        builder.Services.AddSingleton<IMapper>(new Mapper(mapping));

        // Mapster compiles the snapshot's maps while the host is built: the cold start's first 200 came 60-80 ms sooner
        // (9 alternating runs). Warming EF the same way (every query on an empty in-memory copy) made it 150-300 ms later,
        // and one query on an in-memory copy from Main's first line did not help either: process CPU to the first 200
        // 1,760 -> 1,850 ms, wall 2,989 -> 3,198 ms (medians of 19 interleaved pairs, load average 8-13).
        // Reading a current database from here, before Build, did not help measurably either (1x, interleaved pairs:
        // 2,770 -> 2,832 ms, 1,764 -> 1,665 ms and 1,116 -> 1,103 ms, 16, 8 and 6 pairs): the load starts only when the
        // maps are compiled, which is about when Build ends.
        var mapsCompiled = Task.Run(() => KnowledgeSnapshotLoader.CompileMaps(mapping));
        builder.Services.AddSingleton(sp =>
        {
            try
            {
                mapsCompiled.Wait();
            }
            catch (AggregateException)
            {
                // The load maps through the same configuration and meets the same error, where start-up reports it.
            }

            // The file is made current before it is read, whoever asks first: Kestrel (and a test host) may start
            // while PrepareKnowledgeBase is still running.
            sp.GetRequiredService<KnowledgeDatabase.Outcome>();
            return KnowledgeSnapshotLoader.Load(sp.GetRequiredService<KnowledgeDatabaseLocation>(), sp.GetRequiredService<IMapper>());
        });
        builder.Services.AddSingleton(sp => KnowledgeDatabase.EnsureBuilt(sp.GetRequiredService<KnowledgeDatabaseLocation>()));
        builder.Services.AddSingleton(sp => RecordDirectory.From(sp.GetRequiredService<KnowledgeSnapshot>()));
        builder.Services.AddSingleton(sp => SearchVocabulary.Load(sp.GetRequiredService<KnowledgeSnapshot>()));
        builder.Services.AddSingleton(sp => RedFlagRuleBook.Load(sp.GetRequiredService<KnowledgeSnapshot>()));
        builder.Services.AddSingleton(sp => CheckVocabulary.Load(sp.GetRequiredService<KnowledgeSnapshot>()));
        builder.Services.AddSingleton(sp => SearchIndex.Build(sp.GetRequiredService<KnowledgeSnapshot>()));
        builder.Services.AddSingleton(sp => SearchCautions.Load(sp.GetRequiredService<KnowledgeSnapshot>(), sp.GetRequiredService<SearchIndex>()));
        builder.Services.AddSingleton<KnowledgeSearch>();
        // The graph's answers, serialized when first asked for (not at start-up: few clients ask, and it is 8-24 MB at 100x).
        builder.Services.AddSingleton<GraphJson>();
        return builder;
    }

    /// <summary>
    /// Builds the database from seed-data if it is missing, stale or unreadable, then loads the
    /// snapshot. Throws <see cref="SeedDataException"/> when seed-data is invalid and
    /// <see cref="KnowledgeDatabaseException"/> when the database cannot be served.
    /// </summary>
    public static void PrepareKnowledgeBase(this WebApplication app)
    {
        var location = app.Services.GetRequiredService<KnowledgeDatabaseLocation>();
        var outcome = app.Services.GetRequiredService<KnowledgeDatabase.Outcome>();

        // Load everything served from memory now, so a file that cannot be read stops start-up, not a request.
        // What is built from the snapshot is built side by side: each part takes tens of milliseconds of the cold start.
        var snapshot = app.Services.GetRequiredService<KnowledgeSnapshot>();
        Parallel.Invoke(
            () => app.Services.GetRequiredService<SearchIndex>(),
            () => app.Services.GetRequiredService<RedFlagRuleBook>(),
            () => app.Services.GetRequiredService<CheckVocabulary>(),
            () =>
            {
                app.Services.GetRequiredService<RecordDirectory>();
                app.Services.GetRequiredService<SearchVocabulary>();
            });

        // Before the first request: at 100x content the load leaves hundreds of MB of garbage behind.
        StartupGarbage.ReleaseIfLarge();

        if (outcome.Rebuilt)
        {
            LogBuilt(app.Logger, location.DatabasePath, location.SeedDataPath, snapshot.ContentVersion, outcome.Reason);
        }
        else
        {
            LogOpened(app.Logger, location.DatabasePath, snapshot.ContentVersion);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Built {Database} from {SeedData} (content version {Version}) because {Reason}")]
    private static partial void LogBuilt(ILogger logger, string database, string seedData, string version, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened {Database} (content version {Version})")]
    private static partial void LogOpened(ILogger logger, string database, string version);
}
