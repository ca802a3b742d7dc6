using System.Runtime.InteropServices;
using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Seeding;
using Mapster;
using MapsterMapper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Citation = CrampKnowledge.Api.Contracts.Citation;

namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>
/// Reads the whole database into a <see cref="KnowledgeSnapshot"/> through the EF Core model, once, at start-up:
/// one plain no-tracking query per table, whose entities are joined here and mapped to contracts by the registered
/// <see cref="KnowledgeMapping"/>. Each query runs once per process, so <c>EF.CompileQuery</c> would save nothing:
/// what costs is EF translating each query the first time, which the compiled model (<see cref="KnowledgeDbContext"/>)
/// does not remove, and a simple query translates in a few milliseconds where a <c>ProjectToType</c> projection took
/// 50-185 ms. Cold start to the first 200 (bench/first-200.py as bench/run.sh runs it, published Release, existing
/// database), with the maps compiled ahead (<see cref="CompileMaps"/>): 1.06-1.30 s, median 1.12 s, against 1.40-1.67 s,
/// median 1.49 s, with the projections (5 alternating runs each, load average 1.6). Precompiled queries
/// (<c>dotnet ef dbcontext optimize --precompile-queries</c>, dotnet-ef 10.0.15) could not be generated: 11 of these 12
/// queries failed ("Lifted expressions remaining at top-level", and with the context a parameter, as here, every one:
/// dotnet/efcore#38030). A file that cannot be read, or whose rows do not fit together, stops start-up with a
/// <see cref="KnowledgeDatabaseException"/>.
/// </summary>
public static class KnowledgeSnapshotLoader
{
    public static KnowledgeSnapshot Load(KnowledgeDatabaseLocation location, IMapper mapper) => Load(location, mapper, inParallel: true);

    /// <param name="inParallel">
    /// Whether the load uses the second core, which is idle once the endpoints are mapped: the records, links and contested
    /// points are read on a second connection and context, on a thread of its own, while this one reads the sources,
    /// citations and vocabulary tables, and the links are mapped while this thread maps the records. Both readers go through EF Core as before.
    /// The snapshot is the same either way (a test compares them); false reads and maps everything on this thread.
    /// Measured on a quiet machine (interleaved cold starts of published builds, docs/benchmarks.md): at 100x content 5,470 ms
    /// against 6,225 ms for the one-thread load (medians, n = 3 each); at 1x no difference (1,495 against 1,448 ms, n = 5).
    /// </param>
    internal static KnowledgeSnapshot Load(KnowledgeDatabaseLocation location, IMapper mapper, bool inParallel)
    {
        // A thread of its own rather than a pool thread: the pool starts with one thread per core, and this one blocks.
        var secondReader = inParallel
            ? Task.Factory.StartNew(
                () =>
                {
                    using var db = KnowledgeDbContext.Open(location.ReadOnlyConnectionString);
                    return RecordTables.Read(db);
                },
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;
        try
        {
            using var db = KnowledgeDbContext.Open(location.ReadOnlyConnectionString);
            return Load(db, mapper, () => secondReader is null ? RecordTables.Read(db) : secondReader.GetAwaiter().GetResult(), inParallel);
        }
        catch (SqliteException e)
        {
            throw new KnowledgeDatabaseException($"Cannot open the database at {location.DatabasePath} read-only: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidCastException or InvalidOperationException or FormatException
            or OverflowException or JsonException)
        {
            throw new KnowledgeDatabaseException($"Cannot serve the database at {location.DatabasePath}: {e.Message}", e);
        }
        finally
        {
            // When this side fails first, the second reader still holds the file: it is let finish, its outcome unread.
            if (secondReader is not null)
            {
                ((IAsyncResult)secondReader).AsyncWaitHandle.WaitOne();
            }
        }
    }

    private static KnowledgeSnapshot Load(KnowledgeDbContext db, IMapper mapper, Func<RecordTables> recordTables, bool inParallel)
    {
        // Entities become contracts through the one configuration the application registered (KnowledgeMapping).
        static InvalidDataException Broken(string problem) => new(problem);

        var versions = db.ContentInfo.AsNoTracking().Select(c => c.ContentVersion).ToList();
        if (versions.Count != 1)
        {
            throw Broken($"the ContentInfo table has {versions.Count} rows, not 1.");
        }

        // Whole tables as plain entities, their navigations joined here: EF translates a query this simple in a few
        // milliseconds, where each ProjectToType projection took 50-185 ms the first (and only) time.
        var sources = db.Sources.AsNoTracking().OrderBy(s => s.Position).ToList();
        var sourcesById = sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var citations = db.Citations.AsNoTracking().ToList();
        // Each row comes with its own copy of every string; the snapshot keeps one per distinct value. At 100x content
        // the 42,500 citations name 500 sources, 4 certainties and 100 certainty phrases, and a quarter of their quotes
        // repeat: about 12 MB of copies (issue 19).
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string text)
        {
            ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(shared, text, out _);
            return kept ??= text;
        }

        foreach (var citation in citations)
        {
            citation.Source = sourcesById.GetValueOrDefault(citation.SourceId)
                ?? throw Broken($"a citation quotes source '{citation.SourceId}', which does not exist.");
            citation.SourceId = citation.Source.Id;
            citation.Quote = Shared(citation.Quote);
            citation.Certainty = Shared(citation.Certainty);
            citation.CertaintyPhrase = Shared(citation.CertaintyPhrase);
        }

        var citationsBySource = citations.ToLookup(c => c.SourceId, StringComparer.Ordinal);
        foreach (var source in sources)
        {
            source.Citations = [.. citationsBySource[source.Id]];
        }

        var vocabulary = db.Vocabulary.AsNoTracking().OrderBy(t => t.Vocabulary).ThenBy(t => t.Position).ToList();
        var synonyms = db.Synonyms.AsNoTracking().OrderBy(s => s.Id).ToList();
        var triggers = db.RedFlagTriggers.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Id).ToList();
        var checkWords = db.CheckVocabulary.AsNoTracking().OrderBy(w => w.Position).ToList();

        var tables = recordTables();
        var recordEntities = tables.Records;
        var concerns = tables.Concerns;
        var recordCitations = citations.OfType<RecordCitation>().ToLookup(c => c.RecordId);
        var concernsByRecord = concerns.ToLookup(c => c.RecordId);
        foreach (var record in recordEntities)
        {
            record.Category = Shared(record.Category);
            record.Citations = [.. recordCitations[record.Id]];
            record.ContestedConcerns = [.. concernsByRecord[record.Id]];
        }

        var linkEntities = tables.Links;
        var linkCitations = citations.OfType<LinkCitation>().ToLookup(c => c.LinkId);
        foreach (var link in linkEntities)
        {
            link.Basis = link.Basis is null ? null : Shared(link.Basis);
            link.Citations = [.. linkCitations[link.Id]];
        }

        var points = tables.Points;
        var sides = tables.Sides;
        var sideCitations = citations.OfType<ContestedSideCitation>().ToLookup(c => c.SideId);
        var sidesByPoint = sides.ToLookup(s => s.PointId);
        var concernsByPoint = concerns.ToLookup(c => c.PointId);
        foreach (var side in sides)
        {
            side.Citations = [.. sideCitations[side.Id]];
        }

        foreach (var point in points)
        {
            point.Sides = [.. sidesByPoint[point.Id]];
            point.Concerns = [.. concernsByPoint[point.Id]];
        }

        // The links are mapped on a second core while this one maps the records and contested points: at this point of
        // the start the other core is idle (the endpoints are mapped), and the links carry most of the citations.
        List<LinkRow> MapLinks() => linkEntities.Select(mapper.Map<RecordLink, LinkRow>).ToList();
        var linkMapping = inParallel ? Task.Run(MapLinks) : Task.FromResult(MapLinks());
        var records = recordEntities.Select(mapper.Map<KnowledgeRecord, RecordRow>).ToList();
        var contested = points.Select(mapper.Map<ContestedPoint, ContestedRow>).ToList();
        var linkRows = linkMapping.GetAwaiter().GetResult();

        var recordsByKey = records.ToDictionary(r => r.Key);
        RecordRow RecordAt(int key, string what) =>
            recordsByKey.GetValueOrDefault(key) ?? throw Broken($"{what} refers to record {key}, which does not exist.");

        if (linkRows.FirstOrDefault(l => !Enum.IsDefined(l.Kind)) is { } unknownLink)
        {
            throw Broken($"link {unknownLink.Key} has unknown kind {(int)unknownLink.Kind}.");
        }

        var links = linkRows.Select(l => (Row: l, From: RecordAt(l.FromId, "a link"), To: RecordAt(l.ToId, "a link"))).ToList();

        var notesByRecord = contested
            .SelectMany(p => p.RecordKeys.Select(key => (Record: RecordAt(key, "a contested point").Key, p.Note)))
            .ToLookup(c => c.Record, c => c.Note);

        // Every citation must reach its owner: one whose record, link or side is missing would silently vanish.
        var loadedCitations = records.Sum(r => r.Citations.Count) + linkRows.Sum(l => l.Citations.Count)
            + contested.Sum(p => p.Note.Sides.Sum(s => s.Citations.Count));
        if (loadedCitations != citations.Count)
        {
            throw Broken($"{citations.Count - loadedCitations} of {citations.Count} citations belong to no record, link or contested side.");
        }

        var sourceDetails = sources.Select(mapper.Map<Source, SourceDetail>).ToList();

        // This record at the far end of a link, with the quotes that make the link.
        static RelatedRecord Related(RecordRow end, IReadOnlyList<Citation> citations, string? basis) =>
            new(end.Row.Id, end.Row.Name, end.Row.Summary, end.Row.Category, end.Row.Urgency, citations, basis);
        var outgoing = links.ToLookup(l => (l.From.Key, l.Row.Kind), l => (l.To.Row.Name, Related: Related(l.To, l.Row.Citations, l.Row.Basis)));
        var incoming = links.ToLookup(l => (l.To.Key, l.Row.Kind), l => (l.From.Row.Name, Related: Related(l.From, l.Row.Citations, l.Row.Basis)));
        IReadOnlyDictionary<LinkKind, IReadOnlyList<RelatedRecord>> ByName(ILookup<(int, LinkKind), (string Name, RelatedRecord Related)> byEnd, int key) =>
            Enum.GetValues<LinkKind>()
                .Where(kind => byEnd.Contains((key, kind)))
                .ToDictionary(kind => kind, kind => (IReadOnlyList<RelatedRecord>)byEnd[(key, kind)]
                    .OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => l.Related).ToArray());

        var snapshotRecords = records.ToDictionary(r => r.Key, r => new SnapshotRecord
        {
            Key = r.Key, Kind = r.Kind, Id = r.Row.Id, Name = r.Row.Name, Summary = r.Row.Summary, Category = r.Row.Category,
            Urgency = r.Row.Urgency, UrgencyRank = r.UrgencyRank, Aliases = r.Row.Aliases, SourceCount = r.Row.SourceCount,
            Citations = r.Citations, Contested = notesByRecord[r.Key].OrderBy(n => n.Id, StringComparer.Ordinal).ToArray(),
            LowerWords = r.Row.Aliases.Prepend(r.Row.Name).Select(SqliteText.LowerAscii).ToArray(),
            Row = r.Row,
            Outgoing = ByName(outgoing, r.Key),
            Incoming = ByName(incoming, r.Key),
        });
        var snapshotLinks = links.Select(l => new SnapshotLink(
            l.Row.Key, l.Row.Kind, snapshotRecords[l.From.Key], snapshotRecords[l.To.Key], l.Row.Citations, l.Row.Basis)).ToList();

        var citedBy = snapshotRecords.Values
            .SelectMany(r => r.Citations.Select(c => c.Source).Distinct(StringComparer.Ordinal).Select(source => (Source: source, Record: r)))
            .ToLookup(c => c.Source, c => c.Record, StringComparer.Ordinal);
        var snapshotSources = sourceDetails.Select(s =>
        {
            var detail = s with
            {
                CitedBy = citedBy[s.Id].OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Ordinal)
                    .Select(r => new RecordRef(r.Kind.WireName(), r.Id, r.Name)).ToArray(),
            };
            return new SnapshotSource(s.Id, s.Name, s.Publisher, s.Category, s.CitationCount, mapper.Map<SourceSummary>(detail), detail);
        }).ToList();

        foreach (var synonym in synonyms)
        {
            (synonym.Phrase, synonym.Means) = (Shared(synonym.Phrase), Shared(synonym.Means));
        }

        foreach (var trigger in triggers)
        {
            trigger.Phrases = trigger.Phrases.ConvertAll(Shared);
            trigger.AlsoPhrases = trigger.AlsoPhrases.ConvertAll(Shared);
        }

        foreach (var word in checkWords)
        {
            (word.List, word.Topic) = (Shared(word.List), word.Topic is null ? null : Shared(word.Topic));
        }

        var certainties = records.SelectMany(r => r.Citations)
            .Concat(linkRows.SelectMany(l => l.Citations))
            .Concat(contested.SelectMany(p => p.Note.Sides.SelectMany(s => s.Citations)))
            .Select(c => c.Certainty).ToList();
        return new KnowledgeSnapshot(
            versions[0], snapshotRecords.Values.ToList(), snapshotLinks, snapshotSources, vocabulary, synonyms, triggers,
            certainties, contested.Count)
        {
            CheckVocabulary = checkWords,
        };
    }

    /// <summary>
    /// Compiles the maps <see cref="Load(KnowledgeDatabaseLocation, IMapper)"/> uses (Mapster compiles each on first use,
    /// about 70 ms for the first), so that start-up can do it on a core the host build leaves idle.
    /// </summary>
    public static void CompileMaps(TypeAdapterConfig mapping)
    {
        mapping.GetMapFunction<KnowledgeRecord, RecordRow>();
        mapping.GetMapFunction<RecordLink, LinkRow>();
        mapping.GetMapFunction<ContestedPoint, ContestedRow>();
        mapping.GetMapFunction<Source, SourceDetail>();
        mapping.GetMapFunction<SourceDetail, SourceSummary>();
    }

    /// <summary>
    /// The records, links and contested points, as plain no-tracking entities in the order the snapshot needs: the second
    /// reader's share. Each query costs EF its translation (most of a 1x load), so the shares are split by query count:
    /// five here, seven on the first reader (content version, sources, citations and the vocabulary tables).
    /// </summary>
    private sealed record RecordTables(
        List<KnowledgeRecord> Records, List<ContestedConcern> Concerns, List<RecordLink> Links, List<ContestedPoint> Points,
        List<Entities.ContestedSide> Sides)
    {
        public static RecordTables Read(KnowledgeDbContext db) => new(
            LoadRecords(db),
            db.Set<ContestedConcern>().AsNoTracking().ToList(),
            db.Links.AsNoTracking().OrderBy(l => l.Id).ToList(),
            db.ContestedPoints.AsNoTracking().OrderBy(p => p.Id).ToList(),
            db.Set<Entities.ContestedSide>().AsNoTracking().ToList());
    }

    /// <summary>
    /// The records in key order. A kind no entity type matches stops EF materialising the rows; only then are the
    /// kinds read on their own, to say which record is wrong.
    /// </summary>
    private static List<KnowledgeRecord> LoadRecords(KnowledgeDbContext db)
    {
        try
        {
            return db.Records.AsNoTracking().OrderBy(r => r.Id).ToList();
        }
        catch (InvalidOperationException)
        {
            var kinds = db.Records.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Kind }).ToList();
            if (kinds.FirstOrDefault(r => !Enum.IsDefined(r.Kind)) is { } unknown)
            {
                throw new InvalidDataException($"record {unknown.Id} has unknown kind {(int)unknown.Kind}.");
            }

            throw;
        }
    }
}
