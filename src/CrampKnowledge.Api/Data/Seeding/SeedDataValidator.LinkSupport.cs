using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Data.Seeding;

// A link says the sources connect two records, so one of its quotes must name both (RecordNames says what
// names a record); otherwise the curator writes a `basis` a reviewer can check. Without this rule a quote
// about one end ("massage promotes blood flow") was enough to link it to a cause it never mentions.
internal sealed partial class SeedDataValidator
{
    private const int MaxBasisLength = 1000;

    private RecordNames? _recordNames;

    private void CheckLinkSupport(string file, string label, SeedLink link, RecordKind from, string? fromId, RecordKind to, string? toId)
    {
        if (link.Basis is { } basis)
        {
            if (string.IsNullOrWhiteSpace(basis))
            {
                Problem(file, label, "basis must not be blank; leave it out when a quote names both records");
            }
            else if (basis.Length > MaxBasisLength)
            {
                Problem(file, label, $"basis is {basis.Length} characters; keep it under {MaxBasisLength}");
            }
            else
            {
                return;
            }
        }

        if (fromId is null || toId is null || link.Citations.Count == 0)
        {
            return;
        }

        var names = _recordNames ??= new RecordNames(_seed);
        var quotes = link.Citations.Select(c => RecordNames.Words(c.Quote)).ToList();
        if (quotes.Any(words => names.Names(from, fromId, words) && names.Names(to, toId, words)))
        {
            return;
        }

        var missing = new[] { (Kind: from, Id: fromId), (Kind: to, Id: toId) }
            .Where(end => !quotes.Any(words => names.Names(end.Kind, end.Id, words)))
            .Select(end => $"no quote names '{NameOf(end.Kind, end.Id)}' (name or aliases: {string.Join(", ", names.Shown(end.Kind, end.Id))})")
            .ToList();
        var what = missing.Count > 0
            ? string.Join("; ", missing)
            : $"no single quote names both '{NameOf(from, fromId)}' and '{NameOf(to, toId)}'";
        Problem(file, label, $"{what}. Cite a quote that names both records, or add a `basis` explaining why the quotes connect them");
    }

    private string NameOf(RecordKind kind, string id) => _seed.Records[kind].FirstOrDefault(r => r.Id == id)?.Name ?? id;
}
