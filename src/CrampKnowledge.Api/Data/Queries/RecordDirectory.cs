using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Data.Queries;

/// <summary>
/// An in-memory index of every record's id, name and aliases, plus the vocabularies. The content is
/// immutable per version, so filters are resolved here ("water pills" → diuretics) without a query,
/// and typos get suggestions.
/// </summary>
public sealed class RecordDirectory
{
    public sealed record Entry(int Key, RecordKind Kind, string Id, string Name, IReadOnlyList<string> Aliases);

    private readonly Dictionary<RecordKind, Dictionary<string, Entry>> _byWord;
    private readonly Dictionary<RecordKind, IReadOnlyList<Entry>> _entries;
    private readonly Dictionary<string, IReadOnlyList<string>> _vocabularies;
    private readonly IReadOnlyList<(string Word, string Id)> _sources;

    // Built on the first typo, not at start-up: most runs never need them.
    private readonly Dictionary<RecordKind, Lazy<NearestTermIndex>> _recordWords;
    private readonly Lazy<NearestTermIndex> _sourceWords;

    private RecordDirectory(string contentVersion, IReadOnlyList<Entry> entries, Dictionary<string, IReadOnlyList<string>> vocabularies, IReadOnlyList<(string Word, string Id)> sources)
    {
        ContentVersion = contentVersion;
        _entries = RecordKinds.All.ToDictionary(k => k, k => (IReadOnlyList<Entry>)entries.Where(e => e.Kind == k).ToList());
        _byWord = RecordKinds.All.ToDictionary(k => k, k => new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase));
        foreach (var entry in entries)
        {
            foreach (var word in entry.Aliases.Prepend(entry.Name).Prepend(entry.Id))
            {
                _byWord[entry.Kind].TryAdd(word.Trim(), entry);
            }
        }

        _vocabularies = vocabularies;
        _sources = sources;
        _recordWords = RecordKinds.All.ToDictionary(k => k, k => new Lazy<NearestTermIndex>(() => new NearestTermIndex(
            _entries[k].SelectMany(e => e.Aliases.Prepend(e.Name).Prepend(e.Id).Select(w => (w, e.Id))))));
        _sourceWords = new Lazy<NearestTermIndex>(() => new NearestTermIndex(_sources));
    }

    public string ContentVersion { get; }

    public IReadOnlyList<Entry> Entries(RecordKind kind) => _entries[kind];

    /// <summary>The record an id, name or alias names, ignoring case and surrounding spaces.</summary>
    public Entry? Resolve(RecordKind kind, string? word) =>
        word is not null && _byWord[kind].TryGetValue(word.Trim(), out var entry) ? entry : null;

    /// <summary>The record with exactly this id (URLs take ids only, so they stay stable).</summary>
    public Entry? FindById(RecordKind kind, string id) =>
        _byWord[kind].TryGetValue(id, out var entry) && entry.Id == id ? entry : null;

    public IReadOnlyList<string> SuggestRecords(RecordKind kind, string word) => _recordWords[kind].Value.Find(word);

    public IReadOnlyList<string> Terms(string vocabulary) => _vocabularies.GetValueOrDefault(vocabulary) ?? [];

    public bool HasTerm(string vocabulary, string term) => Terms(vocabulary).Contains(term, StringComparer.Ordinal);

    public IReadOnlyList<string> SuggestTerms(string vocabulary, string word) =>
        NearestTerms.Find(word, Terms(vocabulary).Select(t => (t, t)));

    public bool HasSource(string id) => ResolveSource(id) is not null;

    /// <summary>The canonical id of a source named by its id in any case.</summary>
    public string? ResolveSource(string? id) =>
        id is null ? null : _sources.Select(s => s.Id).FirstOrDefault(s => string.Equals(s, id.Trim(), StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<string> SuggestSources(string word) => _sourceWords.Value.Find(word);

    public static RecordDirectory From(KnowledgeSnapshot snapshot)
    {
        var entries = snapshot.Records
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new Entry(r.Key, r.Kind, r.Id, r.Name, r.Aliases))
            .ToList();
        var vocabularies = snapshot.Vocabulary
            .GroupBy(t => t.Vocabulary)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(t => t.Position).Select(t => t.Slug).ToList());
        var sources = snapshot.Sources
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .SelectMany(s => new[] { (s.Id, s.Id), (s.Title, s.Id), (s.Publisher ?? s.Id, s.Id) })
            .ToList();
        return new RecordDirectory(snapshot.ContentVersion, entries, vocabularies, sources);
    }
}
