using System.Collections.ObjectModel;
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
        // Not pooled: the load reads each table once and the snapshot is then served from memory, so a pooled connection
        // would only keep SQLite's page cache and statements alive (4.4 MB of native memory at 100x content, issue 19).
        var connectionString = new SqliteConnectionStringBuilder(location.ReadOnlyConnectionString) { Pooling = false }.ToString();

        // A thread of its own rather than a pool thread: the pool starts with one thread per core, and this one blocks.
        var secondReader = inParallel
            ? Task.Factory.StartNew(
                () =>
                {
                    using var db = KnowledgeDbContext.Open(connectionString);
                    return RecordTables.Read(db);
                },
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;
        try
        {
            using var db = KnowledgeDbContext.Open(connectionString);
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
        var strings = new StringPool();
        string Shared(string text) => strings.Share(text);
        string? SharedOrNull(string? text) => text is null ? null : strings.Share(text);

        foreach (var citation in citations)
        {
            citation.Source = sourcesById.GetValueOrDefault(citation.SourceId)
                ?? throw Broken($"a citation quotes source '{citation.SourceId}', which does not exist.");
            citation.SourceId = citation.Source.Id;
            citation.Quote = Shared(citation.Quote);
            citation.Certainty = Shared(citation.Certainty);
            citation.CertaintyPhrase = Shared(citation.CertaintyPhrase);
            citation.Source.Citations.Add(citation);
        }

        var vocabulary = db.Vocabulary.AsNoTracking().OrderBy(t => t.Vocabulary).ThenBy(t => t.Position).ToList();
        var synonyms = db.Synonyms.AsNoTracking().OrderBy(s => s.Id).ToList();
        var triggers = db.RedFlagTriggers.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Id).ToList();
        var checkWords = db.CheckVocabulary.AsNoTracking().OrderBy(w => w.Position).ToList();

        var tables = recordTables();
        var recordEntities = tables.Records;
        var linkEntities = tables.Links;
        var points = tables.Points;
        var recordsById = recordEntities.ToDictionary(r => r.Id);
        var linksById = linkEntities.ToDictionary(l => l.Id);
        var sidesById = tables.Sides.ToDictionary(s => s.Id);
        var pointsById = points.ToDictionary(p => p.Id);

        // Every owner shows its quotes by position (then id): one sort of all of them, then each is handed to its owner
        // in that order. Sorting here rather than in the Mapster maps: a nested OrderBy lambda in a compiled map builds a
        // delegate on every call, most of the time the records took to map. A quote whose owner is missing is left out;
        // the count below reports it.
        citations.Sort(static (a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Id.CompareTo(b.Id));
        foreach (var citation in citations)
        {
            switch (citation)
            {
                case RecordCitation quote when recordsById.TryGetValue(quote.RecordId, out var record):
                    record.Citations.Add(quote);
                    break;
                case LinkCitation quote when linksById.TryGetValue(quote.LinkId, out var link):
                    link.Citations.Add(quote);
                    break;
                case ContestedSideCitation quote when sidesById.TryGetValue(quote.SideId, out var side):
                    side.Citations.Add(quote);
                    break;
            }
        }

        foreach (var concern in tables.Concerns)
        {
            if (recordsById.TryGetValue(concern.RecordId, out var record))
            {
                record.ContestedConcerns.Add(concern);
            }

            if (pointsById.TryGetValue(concern.PointId, out var point))
            {
                point.Concerns.Add(concern);
            }
        }

        foreach (var side in tables.Sides)
        {
            if (pointsById.TryGetValue(side.PointId, out var point))
            {
                point.Sides.Add(side);
            }
        }

        foreach (var point in points)
        {
            // Stable, as the SQL ordering was: sides in the same position keep their row order.
            point.Sides = [.. point.Sides.OrderBy(side => side.Position)];
        }

        foreach (var record in recordEntities)
        {
            record.Category = Shared(record.Category);
            // The 100x content repeats the same aliases, ids and urgencies across its copies of each record.
            record.Slug = Shared(record.Slug);
            record.Aliases = record.Aliases.ConvertAll(Shared);
            if (record is RedFlag redFlag)
            {
                redFlag.Urgency = Shared(redFlag.Urgency);
            }
        }

        foreach (var point in points)
        {
            point.Topic = Shared(point.Topic);
        }

        foreach (var source in sources)
        {
            (source.Publisher, source.Kind) = (SharedOrNull(source.Publisher), Shared(source.Kind));
        }

        foreach (var link in linkEntities)
        {
            link.Basis = SharedOrNull(link.Basis);
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
        var outgoing = LinksByEnd(links.Select(l => new LinkEnd(l.From.Key, l.Row.Kind, l.To.Row.Name, Related(l.To, l.Row.Citations, l.Row.Basis))));
        var incoming = LinksByEnd(links.Select(l => new LinkEnd(l.To.Key, l.Row.Kind, l.From.Row.Name, Related(l.From, l.Row.Citations, l.Row.Basis))));

        var snapshotRecords = records.ToDictionary(r => r.Key, r => new SnapshotRecord
        {
            Key = r.Key, Kind = r.Kind, Id = r.Row.Id, Name = r.Row.Name, Summary = r.Row.Summary, Category = r.Row.Category,
            Urgency = r.Row.Urgency, UrgencyRank = r.UrgencyRank, Aliases = r.Row.Aliases, SourceCount = r.Row.SourceCount,
            Citations = r.Citations, Contested = notesByRecord[r.Key].OrderBy(n => n.Id, StringComparer.Ordinal).ToArray(),
            LowerWords = r.Row.Aliases.Prepend(r.Row.Name).Select(SqliteText.LowerAscii).ToArray(),
            Row = r.Row,
            Outgoing = outgoing.GetValueOrDefault(r.Key, NoLinks),
            Incoming = incoming.GetValueOrDefault(r.Key, NoLinks),
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

        var snapshotSynonyms = synonyms.Select(s => new SnapshotSynonym(Shared(s.Phrase), Shared(s.Means))).ToArray();

        foreach (var trigger in triggers)
        {
            trigger.Phrases = trigger.Phrases.ConvertAll(Shared);
            trigger.AlsoPhrases = trigger.AlsoPhrases.ConvertAll(Shared);
            // A handful of levels, answers and values ("soon" 2,703 copies at 100x content, "true" 1,410).
            trigger.SeeDoctor = Shared(trigger.SeeDoctor);
            // Each red flag's rules cite the same quote, source and note (0.4 MB of copies at 100x content).
            (trigger.BasisQuote, trigger.BasisSourceId, trigger.Note) =
                (SharedOrNull(trigger.BasisQuote), SharedOrNull(trigger.BasisSourceId), SharedOrNull(trigger.Note));
            foreach (var answer in trigger.Answers)
            {
                answer.Answer = Shared(answer.Answer);
                answer.Values = answer.Values.ConvertAll(Shared);
            }
        }

        foreach (var word in checkWords)
        {
            (word.List, word.Topic, word.Text) = (Shared(word.List), SharedOrNull(word.Topic), Shared(word.Text));
        }

        var certainties = records.SelectMany(r => r.Citations)
            .Concat(linkRows.SelectMany(l => l.Citations))
            .Concat(contested.SelectMany(p => p.Note.Sides.SelectMany(s => s.Citations)))
            .Select(c => c.Certainty).ToList();
        return new KnowledgeSnapshot(
            versions[0], snapshotRecords.Values.ToList(), snapshotLinks, snapshotSources, vocabulary, snapshotSynonyms, triggers,
            certainties, contested.Count)
        {
            CheckVocabulary = checkWords,
        };
    }

    private static readonly IReadOnlyDictionary<LinkKind, IReadOnlyList<RelatedRecord>> NoLinks =
        ReadOnlyDictionary<LinkKind, IReadOnlyList<RelatedRecord>>.Empty;

    /// <summary>One end of a link: the record there, and what is shown of the record at the other end.</summary>
    private readonly record struct LinkEnd(int Record, LinkKind Kind, string OtherName, RelatedRecord Other);

    /// <summary>
    /// Each record's links by kind (in kind order), each list ordered by the name at the other end, ties in link order:
    /// one sort of every link end, then a walk along it. Grouping per record and kind instead (a lookup, then an
    /// ordering of each group) took 156 ms of a 100x load.
    /// </summary>
    private static Dictionary<int, IReadOnlyDictionary<LinkKind, IReadOnlyList<RelatedRecord>>> LinksByEnd(IEnumerable<LinkEnd> linkEnds)
    {
        var ends = linkEnds.Select((end, order) => (End: end, Order: order)).ToArray();
        Array.Sort(ends, static (a, b) =>
        {
            var byRecord = a.End.Record.CompareTo(b.End.Record);
            var byKind = byRecord != 0 ? byRecord : a.End.Kind.CompareTo(b.End.Kind);
            var byName = byKind != 0 ? byKind : string.CompareOrdinal(a.End.OtherName, b.End.OtherName);
            return byName != 0 ? byName : a.Order.CompareTo(b.Order);
        });

        var byRecord = new Dictionary<int, IReadOnlyDictionary<LinkKind, IReadOnlyList<RelatedRecord>>>();
        var next = 0;
        while (next < ends.Length)
        {
            var record = ends[next].End.Record;
            var byKind = new Dictionary<LinkKind, IReadOnlyList<RelatedRecord>>();
            while (next < ends.Length && ends[next].End.Record == record)
            {
                var kind = ends[next].End.Kind;
                var first = next;
                while (next < ends.Length && ends[next].End.Record == record && ends[next].End.Kind == kind)
                {
                    next++;
                }

                var others = new RelatedRecord[next - first];
                for (var i = 0; i < others.Length; i++)
                {
                    others[i] = ends[first + i].End.Other;
                }

                byKind.Add(kind, others);
            }

            byRecord.Add(record, byKind);
        }

        return byRecord;
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
