using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Seeding;
using Microsoft.Data.Sqlite;
using Citation = CrampKnowledge.Api.Contracts.Citation;
using ContestedSide = CrampKnowledge.Api.Contracts.ContestedSide;

namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>
/// Reads the whole database into a <see cref="KnowledgeSnapshot"/> with plain SQL: a dozen table
/// scans take a few milliseconds, where EF Core's model building and query compilation cost most of
/// a second of start-up. A file that cannot be read, or whose rows do not fit together, stops
/// start-up with a <see cref="KnowledgeDatabaseException"/>.
/// </summary>
public static class KnowledgeSnapshotReader
{
    private const string RecordOwner = "record";
    private const string LinkOwner = "link";
    private const string SideOwner = "contested-side";

    public static KnowledgeSnapshot Read(KnowledgeDatabaseLocation location)
    {
        try
        {
            using var connection = new SqliteConnection(location.ReadOnlyConnectionString);
            connection.Open();
            return Read(connection);
        }
        catch (SqliteException e)
        {
            throw new KnowledgeDatabaseException($"Cannot open the database at {location.DatabasePath} read-only: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidCastException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new KnowledgeDatabaseException($"Cannot serve the database at {location.DatabasePath}: {e.Message}", e);
        }
    }

    private static KnowledgeSnapshot Read(SqliteConnection connection)
    {
        // Short values recur hundreds of times (categories, certainties, source ids): keep one copy of each.
        var shared = new HashSet<string>(StringComparer.Ordinal);
        string Share(string text) => shared.TryGetValue(text, out var existing) ? existing : shared.Add(text) ? text : text;
        static InvalidDataException Broken(string problem) => new(problem);

        var versions = SqliteRows.Read(connection, "SELECT ContentVersion FROM ContentInfo", r => r.GetString(0));
        if (versions.Count != 1)
        {
            throw Broken($"the ContentInfo table has {versions.Count} rows, not 1.");
        }

        var sources = SqliteRows.Read(connection, "SELECT Id, FileName, Title, Publisher, Kind, Summary, Sha256, Text FROM Sources", r => new SourceRow(
            Share(r.GetString(0)), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : Share(r.GetString(3)),
            Share(r.GetString(4)), r.GetString(5), r.GetString(6), r.GetString(7)))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);

        var records = SqliteRows.Read(connection, "SELECT Id, Kind, Slug, Name, Summary, Category, Urgency, UrgencyRank, SourceCount FROM Records", r =>
        {
            var kind = (RecordKind)r.GetInt32(1);
            if (!Enum.IsDefined(kind))
            {
                throw Broken($"record {r.GetInt64(0)} has unknown kind {(int)kind}.");
            }

            var isRedFlag = kind == RecordKind.RedFlag;
            return new RecordRow(
                r.GetInt32(0), kind, r.GetString(2), r.GetString(3), r.GetString(4), Share(r.GetString(5)),
                isRedFlag ? Share(r.GetString(6)) : null, isRedFlag ? r.GetInt32(7) : 0, r.GetInt32(8));
        }).ToDictionary(r => r.Key);
        RecordRow RecordAt(long key, string what) =>
            records.GetValueOrDefault((int)key) ?? throw Broken($"{what} refers to record {key}, which does not exist.");

        var aliases = SqliteRows.Read(connection, "SELECT RecordId, Text FROM Aliases ORDER BY RecordId, Position", r => (RecordId: r.GetInt32(0), Text: r.GetString(1)))
            .ToLookup(a => a.RecordId, a => a.Text);

        var citations = SqliteRows.Read(connection,
            "SELECT Owner, RecordId, LinkId, SideId, SourceId, Quote, Certainty, CertaintyPhrase FROM Citations ORDER BY Position, Id", r =>
            {
                var sourceId = r.GetString(4);
                var source = sources.GetValueOrDefault(sourceId) ?? throw Broken($"a citation quotes source '{sourceId}', which does not exist.");
                var owner = r.GetString(0);
                var ownerColumn = owner switch
                {
                    RecordOwner => 1,
                    LinkOwner => 2,
                    SideOwner => 3,
                    _ => throw Broken($"a citation has unknown owner '{owner}'."),
                };
                var citation = new Citation(source.Id, source.Title, r.GetString(5), Share(r.GetString(6)), r.GetString(7));
                return (Owner: owner, OwnerKey: r.GetInt32(ownerColumn), Citation: citation);
            });
        ILookup<int, Citation> CitationsOf(string owner) =>
            citations.Where(c => c.Owner == owner).ToLookup(c => c.OwnerKey, c => c.Citation);
        var recordCitations = CitationsOf(RecordOwner);
        var linkCitations = CitationsOf(LinkOwner);
        var sideCitations = CitationsOf(SideOwner);

        var (contested, contestedPointCount) = ReadContested(connection, sideCitations, RecordAt);

        var linkRows = SqliteRows.Read(connection, "SELECT Id, Kind, FromId, ToId, Basis FROM Links ORDER BY Id", r =>
        {
            var kind = (LinkKind)r.GetInt32(1);
            if (!Enum.IsDefined(kind))
            {
                throw Broken($"link {r.GetInt64(0)} has unknown kind {(int)kind}.");
            }

            return (Key: r.GetInt32(0), Kind: kind, From: RecordAt(r.GetInt64(2), "a link"), To: RecordAt(r.GetInt64(3), "a link"),
                Basis: r.IsDBNull(4) ? null : r.GetString(4));
        });
        var outgoing = linkRows.ToLookup(l => (l.From.Key, l.Kind), l => (l.To.Name, Related: l.To.Related(linkCitations[l.Key].ToArray(), l.Basis)));
        var incoming = linkRows.ToLookup(l => (l.To.Key, l.Kind), l => (l.From.Name, Related: l.From.Related(linkCitations[l.Key].ToArray(), l.Basis)));
        IReadOnlyDictionary<LinkKind, IReadOnlyList<RelatedRecord>> ByName(ILookup<(int, LinkKind), (string Name, RelatedRecord Related)> links, int key) =>
            Enum.GetValues<LinkKind>()
                .Where(kind => links.Contains((key, kind)))
                .ToDictionary(kind => kind, kind => (IReadOnlyList<RelatedRecord>)links[(key, kind)]
                    .OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => l.Related).ToArray());

        var snapshotRecords = records.Values.ToDictionary(r => r.Key, r =>
        {
            var recordAliases = aliases[r.Key].ToArray();
            var notes = contested[r.Key].OrderBy(n => n.Id, StringComparer.Ordinal).ToArray();
            return new SnapshotRecord
            {
                Key = r.Key, Kind = r.Kind, Id = r.Slug, Name = r.Name, Summary = r.Summary, Category = r.Category,
                Urgency = r.Urgency, UrgencyRank = r.UrgencyRank, Aliases = recordAliases, SourceCount = r.SourceCount,
                Citations = recordCitations[r.Key].ToArray(), Contested = notes,
                LowerWords = recordAliases.Prepend(r.Name).Select(SqliteText.LowerAscii).ToArray(),
                Row = new RecordSummary(r.Slug, r.Name, r.Summary, r.Category, recordAliases, r.SourceCount, notes.Length > 0, r.Urgency),
                Outgoing = ByName(outgoing, r.Key),
                Incoming = ByName(incoming, r.Key),
            };
        });
        var links = linkRows.Select(l => new SnapshotLink(l.Key, l.Kind, snapshotRecords[l.From.Key], snapshotRecords[l.To.Key], linkCitations[l.Key].ToArray(), l.Basis)).ToList();

        var citationsBySource = citations.ToLookup(c => c.Citation.Source);
        var snapshotSources = sources.Values.Select(s =>
        {
            var citationCount = citationsBySource[s.Id].Count();
            var citedBy = citationsBySource[s.Id].Where(c => c.Owner == RecordOwner)
                .Select(c => snapshotRecords.GetValueOrDefault(c.OwnerKey) ?? throw Broken($"a citation belongs to record {c.OwnerKey}, which does not exist."))
                .Distinct()
                .OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new RecordRef(r.Kind.WireName(), r.Id, r.Name))
                .ToArray();
            return new SnapshotSource(s.Id, s.Title, s.Publisher, s.Kind, citationCount,
                new SourceSummary(s.Id, s.Title, s.Summary, s.Kind, s.Publisher, citationCount),
                new SourceDetail(s.Id, s.Title, s.Summary, s.Kind, s.Publisher, s.FileName, s.Sha256, citationCount, citedBy, s.Text, Disclaimer.Text));
        }).ToList();

        var vocabulary = SqliteRows.Read(connection, "SELECT Vocabulary, Slug, Name, Description, Rank, Position FROM Vocabulary ORDER BY Vocabulary, Position", r => new VocabularyTerm
        {
            Vocabulary = Share(r.GetString(0)), Slug = Share(r.GetString(1)), Name = r.GetString(2), Description = r.GetString(3),
            Rank = r.GetInt32(4), Position = r.GetInt32(5),
        });
        var synonyms = SqliteRows.Read(connection, "SELECT Id, Phrase, Means FROM Synonyms ORDER BY Id", r => new Synonym
        {
            Id = r.GetInt32(0), Phrase = Share(r.GetString(1)), Means = Share(r.GetString(2)),
        });
        var triggers = SqliteRows.Read(connection,
            "SELECT Id, RedFlagId, Position, PhrasesJson, AlsoPhrasesJson, AnswersJson, SeeDoctor, BasisSourceId, BasisQuote, Note FROM RedFlagTriggers ORDER BY Position, Id",
            r => new RedFlagTrigger
            {
                Id = r.GetInt32(0), RedFlagId = r.GetInt32(1), Position = r.GetInt32(2), PhrasesJson = r.GetString(3),
                AlsoPhrasesJson = r.GetString(4), AnswersJson = r.GetString(5), SeeDoctor = Share(r.GetString(6)),
                BasisSourceId = r.IsDBNull(7) ? null : Share(r.GetString(7)), BasisQuote = r.IsDBNull(8) ? null : r.GetString(8),
                Note = r.IsDBNull(9) ? null : r.GetString(9),
            });

        var checkWords = SqliteRows.Read(connection, "SELECT Id, List, Topic, Text, Position FROM CheckVocabulary ORDER BY Position", r => new CheckWord
        {
            Id = r.GetInt32(0), List = Share(r.GetString(1)), Topic = r.IsDBNull(2) ? null : Share(r.GetString(2)), Text = r.GetString(3), Position = r.GetInt32(4),
        });

        return new KnowledgeSnapshot(
            versions[0], snapshotRecords.Values.ToList(), links, snapshotSources, vocabulary, synonyms, triggers,
            citations.Select(c => c.Citation.Certainty).ToList(), contestedPointCount)
        {
            CheckVocabulary = checkWords,
        };
    }

    /// <summary>Each record's contested notes; a note concerning several records is one shared instance.</summary>
    private static (ILookup<int, ContestedNote> ByRecord, int PointCount) ReadContested(
        SqliteConnection connection, ILookup<int, Citation> sideCitations, Func<long, string, RecordRow> recordAt)
    {
        var sides = SqliteRows.Read(connection, "SELECT Id, PointId, Stance FROM ContestedSides ORDER BY PointId, Position",
            r => (PointId: r.GetInt32(1), Side: new ContestedSide(r.GetString(2), sideCitations[r.GetInt32(0)].ToArray())))
            .ToLookup(s => s.PointId, s => s.Side);
        var notes = SqliteRows.Read(connection, "SELECT Id, Slug, Topic, Summary FROM ContestedPoints",
            r => (Key: r.GetInt32(0), Note: new ContestedNote(r.GetString(1), r.GetString(2), r.GetString(3), sides[r.GetInt32(0)].ToArray())))
            .ToDictionary(p => p.Key, p => p.Note);
        var byRecord = SqliteRows.Read(connection, "SELECT PointId, RecordId FROM ContestedConcerns",
                r => (Record: recordAt(r.GetInt64(1), "a contested point").Key, Note: notes.GetValueOrDefault(r.GetInt32(0))))
            .Where(c => c.Note is not null)
            .ToLookup(c => c.Record, c => c.Note!);
        return (byRecord, notes.Count);
    }

    private sealed record SourceRow(
        string Id, string FileName, string Title, string? Publisher, string Kind, string Summary, string Sha256, string Text);

    private sealed record RecordRow(
        int Key, RecordKind Kind, string Slug, string Name, string Summary, string Category, string? Urgency, int UrgencyRank, int SourceCount)
    {
        /// <summary>This record at the far end of a link, with the quotes that make the link.</summary>
        public RelatedRecord Related(IReadOnlyList<Citation> citations, string? basis) => new(Slug, Name, Summary, Category, Urgency, citations, basis);
    }
}
