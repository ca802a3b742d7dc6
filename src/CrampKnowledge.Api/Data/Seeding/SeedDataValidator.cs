using System.Text.RegularExpressions;
using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>
/// Checks a parsed seed-data/ folder and reports every problem at once, each naming its file and
/// record, so one start-up tells the curator everything to fix.
/// </summary>
internal sealed partial class SeedDataValidator
{
    private readonly SeedDataset _seed;
    private readonly List<SeedProblem> _problems = [];
    private readonly Dictionary<string, string> _collapsedTexts;
    private readonly HashSet<string> _certainties;
    private readonly HashSet<string> _citedSources = new(StringComparer.Ordinal);

    // Every link, concern and rule answer looks its records up here: a scan of the record list for each took
    // quadratic time in the size of the seed (bench/growth.sh).
    private readonly Dictionary<RecordKind, HashSet<string>> _recordIds;

    private SeedDataValidator(SeedDataset seed)
    {
        _seed = seed;
        _collapsedTexts = seed.SourceTexts.ToDictionary(p => p.Key, p => QuoteText.CollapseWhitespace(p.Value));
        _certainties = seed.Vocabulary.Certainties.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        _recordIds = seed.Records.ToDictionary(p => p.Key, p => p.Value.Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
    }

    private bool RecordExists(RecordKind kind, string id) => _recordIds.TryGetValue(kind, out var ids) && ids.Contains(id);

    public static IReadOnlyList<SeedProblem> Validate(SeedDataset seed)
    {
        var validator = new SeedDataValidator(seed);
        validator.CheckVocabulary();
        validator.CheckSources();
        foreach (var kind in RecordKinds.All)
        {
            validator.CheckRecords(kind);
        }

        validator.CheckLinks();
        validator.CheckContested();
        validator.CheckSynonyms();
        validator.CheckRedFlagRules();
        validator.CheckCheckVocabulary();
        validator.CheckEverySourceCited();
        return validator._problems;
    }

    public static void ThrowIfInvalid(SeedDataset seed)
    {
        var problems = Validate(seed);
        if (problems.Count > 0)
        {
            throw new SeedDataException(problems);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    private void Problem(string file, string record, string message) => _problems.Add(new SeedProblem(file, record, message));

    private void CheckId(string file, string id, HashSet<string> seen, string? label = null)
    {
        if (!KebabCase().IsMatch(id))
        {
            Problem(file, label ?? id, "id must be kebab-case (a-z, 0-9 and single hyphens)");
        }

        if (!seen.Add(id))
        {
            Problem(file, label ?? id, "duplicate id");
        }
    }

    private void CheckVocabulary()
    {
        const string file = SeedDataReader.VocabularyFile;
        var vocabularies = _seed.Vocabulary.Categories
            .Select(p => ($"categories.{p.Key}", p.Value))
            .Append(("sourceKinds", _seed.Vocabulary.SourceKinds))
            .Append(("urgencies", _seed.Vocabulary.Urgencies))
            .Append(("certainties", _seed.Vocabulary.Certainties));
        foreach (var (name, terms) in vocabularies)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                CheckId(file, term.Id, seen, $"{name}.{term.Id}");
                if (string.IsNullOrWhiteSpace(term.Name) || string.IsNullOrWhiteSpace(term.Description))
                {
                    Problem(file, $"{name}.{term.Id}", "name and description are required");
                }
            }
        }

        foreach (var kind in RecordKinds.All.Where(k => !_seed.Vocabulary.Categories.ContainsKey(k.WireName())))
        {
            Problem(file, "categories", $"no category vocabulary for '{kind.WireName()}'");
        }

        foreach (var key in _seed.Vocabulary.Categories.Keys.Where(k => RecordKinds.FromWireName(k) is null))
        {
            Problem(file, "categories", $"'{key}' is not a record type (cause, treatment, prevention, red-flag)");
        }
    }

    private void CheckSources()
    {
        const string file = SeedDataReader.SourcesFile;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kinds = _seed.Vocabulary.SourceKinds.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var source in _seed.Sources)
        {
            CheckId(file, source.Id, seen);
            if (!kinds.Contains(source.Kind))
            {
                Problem(file, source.Id, $"unknown kind '{source.Kind}'; known: {string.Join(", ", kinds)}");
            }

            if (string.IsNullOrWhiteSpace(source.Title) || string.IsNullOrWhiteSpace(source.Summary))
            {
                Problem(file, source.Id, "title and summary are required");
            }
        }
    }

    private void CheckRecords(RecordKind kind)
    {
        var file = kind.SeedFile();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var categories = _seed.Vocabulary.Categories.GetValueOrDefault(kind.WireName())?.Select(t => t.Id).ToHashSet() ?? [];
        var urgencies = _seed.Vocabulary.Urgencies.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        // Every word that names a record must name only one, or filters could not resolve it.
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var record in _seed.Records[kind])
        {
            CheckId(file, record.Id, ids);
            if (string.IsNullOrWhiteSpace(record.Name) || string.IsNullOrWhiteSpace(record.Summary))
            {
                Problem(file, record.Id, "name and summary are required");
            }

            if (!categories.Contains(record.Category))
            {
                Problem(file, record.Id, $"unknown category '{record.Category}'; known for {kind.WireName()}: {string.Join(", ", categories)}");
            }

            if (kind == RecordKind.RedFlag && (record.Urgency is null || !urgencies.Contains(record.Urgency)))
            {
                Problem(file, record.Id, $"urgency '{record.Urgency}' is not one of: {string.Join(", ", urgencies)}");
            }
            else if (kind != RecordKind.RedFlag && record.Urgency is not null)
            {
                Problem(file, record.Id, "only red flags have an urgency");
            }

            foreach (var word in record.Aliases.Prepend(record.Name).Prepend(record.Id).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(word))
                {
                    Problem(file, record.Id, "aliases must not be empty");
                }
                else if (!owners.TryAdd(word.Trim(), record.Id) && owners[word.Trim()] != record.Id)
                {
                    Problem(file, record.Id, $"'{word}' already names {kind.WireName()} '{owners[word.Trim()]}'");
                }
            }

            CheckCitations(file, record.Id, record.Citations);
        }
    }

    private void CheckCitations(string file, string record, IReadOnlyList<SeedCitation> citations)
    {
        if (citations.Count == 0)
        {
            Problem(file, record, "at least one citation is required");
        }

        foreach (var citation in citations)
        {
            _citedSources.Add(citation.Source);
            if (!_collapsedTexts.TryGetValue(citation.Source, out var text))
            {
                Problem(file, record, $"cites unknown source '{citation.Source}'");
                continue;
            }

            var quote = QuoteText.CollapseWhitespace(citation.Quote);
            if (quote.Length == 0 || !text.Contains(quote, StringComparison.Ordinal))
            {
                Problem(file, record, $"quote not found in source '{citation.Source}': \"{Shorten(quote)}\"");
            }

            if (!_certainties.Contains(citation.Certainty))
            {
                Problem(file, record, $"unknown certainty '{citation.Certainty}'; known: {string.Join(", ", _certainties)}");
            }

            if (string.IsNullOrWhiteSpace(citation.CertaintyPhrase)
                || !quote.Contains(QuoteText.CollapseWhitespace(citation.CertaintyPhrase), StringComparison.OrdinalIgnoreCase))
            {
                Problem(file, record, $"certaintyPhrase \"{citation.CertaintyPhrase}\" is not in its quote \"{Shorten(quote)}\"");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private void CheckLinks()
    {
        const string file = SeedDataReader.LinksFile;
        var lists = new (string Name, IReadOnlyList<SeedLink> Links, RecordKind From, Func<SeedLink, string?> FromId, RecordKind To, Func<SeedLink, string?> ToId)[]
        {
            ("causeTreatments", _seed.Links.CauseTreatments, RecordKind.Cause, l => l.Cause, RecordKind.Treatment, l => l.Treatment),
            ("causePreventions", _seed.Links.CausePreventions, RecordKind.Cause, l => l.Cause, RecordKind.Prevention, l => l.Prevention),
            ("causeRedFlags", _seed.Links.CauseRedFlags, RecordKind.Cause, l => l.Cause, RecordKind.RedFlag, l => l.RedFlag),
            ("treatmentCautions", _seed.Links.TreatmentCautions, RecordKind.Treatment, l => l.Treatment, RecordKind.RedFlag, l => l.RedFlag),
        };
        foreach (var (name, links, from, fromId, to, toId) in lists)
        {
            var pairs = new HashSet<(string?, string?)>();
            foreach (var link in links)
            {
                var label = $"{name}[{fromId(link)} → {toId(link)}]";
                var fromOk = CheckEnd(file, label, from, fromId(link));
                var toOk = CheckEnd(file, label, to, toId(link));
                var extra = new[] { link.Cause, link.Treatment, link.Prevention, link.RedFlag }.Count(e => e is not null) - 2;
                if (extra > 0)
                {
                    Problem(file, label, $"a {name} link names only a {from.WireName()} and a {to.WireName()}");
                }

                if (!pairs.Add((fromId(link), toId(link))))
                {
                    Problem(file, label, "duplicate link");
                }

                CheckCitations(file, label, link.Citations);
                if (fromOk && toOk)
                {
                    CheckLinkSupport(file, label, link, from, fromId(link), to, toId(link));
                }
            }
        }
    }

    private bool CheckEnd(string file, string label, RecordKind kind, string? id)
    {
        if (id is null)
        {
            Problem(file, label, $"the {kind.WireName()} end is missing");
            return false;
        }

        if (!RecordExists(kind, id))
        {
            Problem(file, label, $"links to missing {kind.WireName()} '{id}'");
            return false;
        }

        return true;
    }

    private void CheckContested()
    {
        const string file = SeedDataReader.ContestedFile;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var point in _seed.Contested)
        {
            CheckId(file, point.Id, ids);
            if (point.Sides.Count < 2)
            {
                Problem(file, point.Id, "a contested point needs at least two sides");
            }

            if (point.Concerns.Count == 0)
            {
                Problem(file, point.Id, "a contested point must concern at least one record");
            }

            foreach (var concern in point.Concerns)
            {
                if (RecordKinds.FromWireName(concern.Type) is not { } kind)
                {
                    Problem(file, point.Id, $"concern type '{concern.Type}' is not cause, treatment, prevention or red-flag");
                }
                else
                {
                    _ = CheckEnd(file, point.Id, kind, concern.Id);
                }
            }

            foreach (var side in point.Sides)
            {
                CheckCitations(file, point.Id, side.Citations);
            }
        }
    }

    private void CheckSynonyms()
    {
        const string file = SeedDataReader.SynonymsFile;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (synonym, index) in _seed.Synonyms.Select((s, i) => (s, i)))
        {
            var label = synonym.Words.Count > 0 ? synonym.Words[0] : $"entry {index + 1}";
            if (synonym.Words.Count == 0 || synonym.Means.Count == 0)
            {
                Problem(file, label, "an entry needs at least one word and one meaning");
            }

            foreach (var word in synonym.Words.Concat(synonym.Means).Where(w => string.IsNullOrWhiteSpace(w) || w != w.Trim().ToLowerInvariant()))
            {
                Problem(file, label, $"'{word}' must be non-empty, trimmed lower-case text");
            }

            foreach (var word in synonym.Words.Where(w => !seen.Add(w)))
            {
                Problem(file, label, $"'{word}' is listed twice; give each word one entry");
            }
        }
    }

    private void CheckEverySourceCited()
    {
        foreach (var source in _seed.Sources.Where(s => !_citedSources.Contains(s.Id)))
        {
            Problem(SeedDataReader.SourcesFile, source.Id, "no record, link or contested point cites this source");
        }
    }
}
