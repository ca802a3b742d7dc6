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
/// Reads the whole database into a <see cref="KnowledgeSnapshot"/> through the EF Core model, once, at
/// start-up: ten no-tracking queries, the larger ones projected straight into contracts by <see cref="KnowledgeMapping"/>.
/// Each runs once per process, so <c>EF.CompileQuery</c> would save nothing: what costs is EF translating each query
/// the first time, which the compiled model (<see cref="KnowledgeDbContext"/>) does not remove. Running them on
/// three threads was tried and was no faster on two cores. A file that
/// cannot be read, or whose rows do not fit together, stops start-up with a <see cref="KnowledgeDatabaseException"/>.
/// </summary>
public static class KnowledgeSnapshotLoader
{
    public static KnowledgeSnapshot Load(KnowledgeDatabaseLocation location, IMapper mapper)
    {
        try
        {
            using var db = KnowledgeDbContext.Open(location.ReadOnlyConnectionString);
            return Load(db, mapper);
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
    }

    private static KnowledgeSnapshot Load(KnowledgeDbContext db, IMapper mapper)
    {
        // Projections and in-memory maps use the one configuration the application registered.
        var mapping = mapper.Config;
        static InvalidDataException Broken(string problem) => new(problem);

        var versions = db.ContentInfo.AsNoTracking().Select(c => c.ContentVersion).ToList();
        if (versions.Count != 1)
        {
            throw Broken($"the ContentInfo table has {versions.Count} rows, not 1.");
        }

        // The projections below join each citation to its source for the title, which would silently drop a citation
        // whose source is missing: check first, and count, so every citation is seen to reach its owner.
        var citedSources = db.Citations.AsNoTracking().GroupBy(c => c.SourceId).Select(g => new { SourceId = g.Key, Count = g.Count() }).ToList();
        var sourceDetails = db.Sources.AsNoTracking().OrderBy(s => s.Position).ProjectToType<SourceDetail>(mapping).ToList();
        var sourceIds = sourceDetails.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (citedSources.FirstOrDefault(c => !sourceIds.Contains(c.SourceId)) is { } missing)
        {
            throw Broken($"a citation quotes source '{missing.SourceId}', which does not exist.");
        }

        var records = db.Records.AsNoTracking().OrderBy(r => r.Id).ProjectToType<RecordRow>(mapping).ToList();
        if (records.FirstOrDefault(r => !Enum.IsDefined(r.Kind)) is { } unknown)
        {
            throw Broken($"record {unknown.Key} has unknown kind {(int)unknown.Kind}.");
        }

        var recordsByKey = records.ToDictionary(r => r.Key);
        RecordRow RecordAt(int key, string what) =>
            recordsByKey.GetValueOrDefault(key) ?? throw Broken($"{what} refers to record {key}, which does not exist.");

        var linkRows = db.Links.AsNoTracking().OrderBy(l => l.Id).ProjectToType<LinkRow>(mapping).ToList();
        if (linkRows.FirstOrDefault(l => !Enum.IsDefined(l.Kind)) is { } unknownLink)
        {
            throw Broken($"link {unknownLink.Key} has unknown kind {(int)unknownLink.Kind}.");
        }

        var links = linkRows.Select(l => (Row: l, From: RecordAt(l.FromId, "a link"), To: RecordAt(l.ToId, "a link"))).ToList();

        // Two sibling collections (sides, concerned records): split, so neither multiplies the other's rows.
        var contested = db.ContestedPoints.AsNoTracking().AsSplitQuery().ProjectToType<ContestedRow>(mapping).ToList();
        var notesByRecord = contested
            .SelectMany(p => p.RecordKeys.Select(key => (Record: RecordAt(key, "a contested point").Key, p.Note)))
            .ToLookup(c => c.Record, c => c.Note);

        var loadedCitations = records.Sum(r => r.Citations.Count) + linkRows.Sum(l => l.Citations.Count)
            + contested.Sum(p => p.Note.Sides.Sum(s => s.Citations.Count));
        var storedCitations = citedSources.Sum(c => c.Count);
        if (loadedCitations != storedCitations)
        {
            throw Broken($"{storedCitations - loadedCitations} of {storedCitations} citations belong to no record, link or contested side.");
        }

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

        var vocabulary = db.Vocabulary.AsNoTracking().OrderBy(t => t.Vocabulary).ThenBy(t => t.Position).ToList();
        var synonyms = db.Synonyms.AsNoTracking().OrderBy(s => s.Id).ToList();
        var triggers = db.RedFlagTriggers.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Id).ToList();
        var checkWords = db.CheckVocabulary.AsNoTracking().OrderBy(w => w.Position).ToList();

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
}
