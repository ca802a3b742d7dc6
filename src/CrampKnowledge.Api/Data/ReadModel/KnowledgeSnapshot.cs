using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>
/// Everything the read endpoints serve, read from the database once at start-up. The content is
/// immutable per version, so a request answers from these small lists and never queries; each list
/// order below reproduces the SQL ordering the endpoints used to run.
/// </summary>
public sealed class KnowledgeSnapshot
{
    private readonly Dictionary<RecordKind, Dictionary<string, SnapshotRecord>> _recordsById;
    private readonly Dictionary<(RecordKind Kind, string Sort), IReadOnlyList<SnapshotRecord>> _sortedRecords;
    private readonly HashSet<(LinkKind Kind, int From, int To)> _linkEnds;
    private readonly Dictionary<string, SnapshotSource> _sourcesById;
    private readonly Dictionary<string, IReadOnlyList<SnapshotSource>> _sortedSources;

    public KnowledgeSnapshot(
        string contentVersion, IReadOnlyList<SnapshotRecord> records, IReadOnlyList<SnapshotLink> links,
        IReadOnlyList<SnapshotSource> sources, IReadOnlyList<VocabularyTerm> vocabulary, IReadOnlyList<SnapshotSynonym> synonyms,
        IReadOnlyList<RedFlagTrigger> redFlagTriggers, IReadOnlyList<string> citationCertainties, int contestedPointCount)
    {
        ContentVersion = contentVersion;
        Records = records.OrderBy(r => r.Kind).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        Links = links.OrderBy(l => l.Kind).ThenBy(l => l.From.Id, StringComparer.Ordinal).ThenBy(l => l.To.Id, StringComparer.Ordinal).ToList();
        Sources = sources;
        Vocabulary = vocabulary;
        Synonyms = synonyms;
        RedFlagTriggers = redFlagTriggers;

        _recordsById = RecordKinds.All.ToDictionary(k => k, k => Records.Where(r => r.Kind == k).ToDictionary(r => r.Id, StringComparer.Ordinal));
        _sortedRecords = [];
        foreach (var kind in RecordKinds.All)
        {
            // COLLATE NOCASE order is the ordinal order of the names lowered as it folds them (LowerWords[0], as for
            // sources' titles below): lowered once each, not folded in every comparison (constructor at 100x: 128 -> 88 ms).
            var ofKind = Records.Where(r => r.Kind == kind).ToList();
            _sortedRecords[(kind, "name")] = ofKind.OrderBy(r => r.LowerWords[0], StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
            _sortedRecords[(kind, "-name")] = ofKind.OrderByDescending(r => r.LowerWords[0], StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
            _sortedRecords[(kind, "sourceCount")] = ofKind.OrderBy(r => r.SourceCount).ThenBy(r => r.LowerWords[0], StringComparer.Ordinal).ToArray();
            _sortedRecords[(kind, "-sourceCount")] = ofKind.OrderByDescending(r => r.SourceCount).ThenBy(r => r.LowerWords[0], StringComparer.Ordinal).ToArray();
        }

        _linkEnds = links.Select(l => (l.Kind, l.From.Key, l.To.Key)).ToHashSet();
        _sourcesById = sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _sortedSources = new()
        {
            ["name"] = sources.OrderBy(s => s.LowerWords[0], StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray(),
            ["-name"] = sources.OrderByDescending(s => s.LowerWords[0], StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray(),
            ["citationCount"] = sources.OrderBy(s => s.CitationCount).ThenBy(s => s.LowerWords[0], StringComparer.Ordinal).ToArray(),
            ["-citationCount"] = sources.OrderByDescending(s => s.CitationCount).ThenBy(s => s.LowerWords[0], StringComparer.Ordinal).ToArray(),
        };

        Counts = new ContentCounts(
            _recordsById[RecordKind.Cause].Count, _recordsById[RecordKind.Treatment].Count,
            _recordsById[RecordKind.Prevention].Count, _recordsById[RecordKind.RedFlag].Count,
            sources.Count, links.Count, citationCertainties.Count, contestedPointCount);
        Categories = BuildCategories(citationCertainties);
    }

    public string ContentVersion { get; }

    /// <summary>Every record, by kind then id.</summary>
    public IReadOnlyList<SnapshotRecord> Records { get; }

    /// <summary>Every link, by kind, then the ids at its two ends.</summary>
    public IReadOnlyList<SnapshotLink> Links { get; }

    public IReadOnlyList<SnapshotSource> Sources { get; }

    public IReadOnlyList<VocabularyTerm> Vocabulary { get; }

    /// <summary>Search synonyms in the order they were seeded.</summary>
    public IReadOnlyList<SnapshotSynonym> Synonyms { get; }

    public IReadOnlyList<RedFlagTrigger> RedFlagTriggers { get; }

    /// <summary>The red-flag check's own vocabulary (seed-data/check-vocabulary.json), in file order.</summary>
    public IReadOnlyList<CheckWord> CheckVocabulary { get; init; } = [];

    public ContentCounts Counts { get; }

    public CategoriesResponse Categories { get; }

    /// <summary>
    /// The whole base as nodes and edges, built anew on each call: the /graph endpoint keeps its serialized answer
    /// (<c>GraphJson</c>) rather than the graph, and both graphs kept here were 10 MB of the heap at 100x content.
    /// </summary>
    public KnowledgeGraph Graph(bool withCitations) => BuildGraph(withCitations);

    /// <summary>The records of one kind in a list order (<see cref="RecordSort.Orders"/>); unknown orders sort by name.</summary>
    public IReadOnlyList<SnapshotRecord> RecordsOf(RecordKind kind, string sort = "name") =>
        _sortedRecords.GetValueOrDefault((kind, sort)) ?? _sortedRecords[(kind, "name")];

    /// <summary>The record with exactly this id; ids are case-sensitive, as the SQL comparison was.</summary>
    public SnapshotRecord? FindRecord(RecordKind kind, string id) => _recordsById[kind].GetValueOrDefault(id);

    public bool HasLink(LinkKind kind, int fromKey, int toKey) => _linkEnds.Contains((kind, fromKey, toKey));

    /// <summary>The sources in a list order (<see cref="SourceSort.Orders"/>); unknown orders sort by name.</summary>
    public IReadOnlyList<SnapshotSource> SourcesIn(string? sort) =>
        _sortedSources.GetValueOrDefault(sort ?? "name") ?? _sortedSources["name"];

    public SnapshotSource? FindSource(string id) => _sourcesById.GetValueOrDefault(id);

    private CategoriesResponse BuildCategories(IReadOnlyList<string> citationCertainties)
    {
        var terms = Vocabulary.OrderBy(t => t.Vocabulary, StringComparer.Ordinal).ThenBy(t => t.Rank).ThenBy(t => t.Position).ToList();
        var certaintyCounts = citationCertainties.CountBy(c => c, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);

        List<VocabularyEntry> Terms(string name, Func<string, int> count) =>
            terms.Where(t => t.Vocabulary == name).Select(t => new VocabularyEntry(t.Slug, t.Name, t.Description, count(t.Slug))).ToList();
        List<VocabularyEntry> CategoriesOf(RecordKind kind) =>
            Terms(VocabularyNames.Categories(kind.WireName()), c => _recordsById[kind].Values.Count(r => r.Category == c));

        return new CategoriesResponse(
            CategoriesOf(RecordKind.Cause), CategoriesOf(RecordKind.Treatment), CategoriesOf(RecordKind.Prevention), CategoriesOf(RecordKind.RedFlag),
            Terms(VocabularyNames.SourceKinds, k => Sources.Count(s => s.Kind == k)),
            Terms(VocabularyNames.Urgencies, u => _recordsById[RecordKind.RedFlag].Values.Count(r => r.Urgency == u)),
            Terms(VocabularyNames.Certainties, c => certaintyCounts.GetValueOrDefault(c)),
            Disclaimer.Text);
    }

    private KnowledgeGraph BuildGraph(bool withCitations)
    {
        var nodes = Records.Select(r => new GraphNode(
            NodeKey(r.Kind, r.Id), r.Kind.WireName(), r.Id, r.Name, r.Category, r.Summary, r.Aliases, r.SourceCount, r.Urgency,
            withCitations ? r.Citations : null)).ToList();
        var edges = Links.Select(l => new GraphEdge(
            NodeKey(l.From.Kind, l.From.Id), NodeKey(l.To.Kind, l.To.Id), Relation(l.Kind), l.Citations.Count,
            withCitations ? l.Citations : null, l.Basis)).ToList();
        return new KnowledgeGraph(ContentVersion, nodes, edges, Disclaimer.Text);
    }

    public static string Relation(LinkKind kind) => kind switch
    {
        LinkKind.CauseTreatment => "treated-by",
        LinkKind.CausePrevention => "prevented-by",
        LinkKind.CauseRedFlag => "warning-sign",
        LinkKind.TreatmentCaution => "caution",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string NodeKey(RecordKind kind, string id) => $"{kind.WireName()}:{id}";
}
