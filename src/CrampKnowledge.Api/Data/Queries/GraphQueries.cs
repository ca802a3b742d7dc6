using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Citation = CrampKnowledge.Api.Contracts.Citation;

namespace CrampKnowledge.Api.Data.Queries;

/// <summary>Reads every record and link at once, for the graph export.</summary>
internal static class GraphQueries
{
    public static string Relation(LinkKind kind) => kind switch
    {
        LinkKind.CauseTreatment => "treated-by",
        LinkKind.CausePrevention => "prevented-by",
        LinkKind.CauseRedFlag => "warning-sign",
        LinkKind.TreatmentCaution => "caution",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string NodeKey(RecordKind kind, string id) => $"{kind.WireName()}:{id}";

    public static async Task<KnowledgeGraph> LoadAsync(KnowledgeDbContext db, string contentVersion, bool withCitations, CancellationToken ct)
    {
        var records = await db.Records.AsNoTracking()
            .OrderBy(r => r.Kind).ThenBy(r => r.Slug)
            .Select(r => new
            {
                r.Id, r.Kind, r.Slug, r.Name, r.Category, r.Summary, r.SourceCount,
                Urgency = r.Kind == RecordKind.RedFlag ? ((RedFlag)r).Urgency : null,
                Aliases = r.Aliases.OrderBy(a => a.Position).Select(a => a.Text).ToList(),
            })
            .ToListAsync(ct);
        var links = await db.Links.AsNoTracking()
            .OrderBy(l => l.Kind).ThenBy(l => l.From.Slug).ThenBy(l => l.To.Slug)
            .Select(l => new { l.Id, l.Kind, FromKind = l.From.Kind, From = l.From.Slug, ToKind = l.To.Kind, To = l.To.Slug, CitationCount = l.Citations.Count })
            .ToListAsync(ct);

        ILookup<int, Citation>? recordCitations = null, linkCitations = null;
        if (withCitations)
        {
            recordCitations = (await db.Citations.OfType<RecordCitation>().AsNoTracking().OrderBy(c => c.Position)
                .Select(c => new { c.RecordId, Citation = new Citation(c.SourceId, c.Source.Title, c.Quote, c.Certainty, c.CertaintyPhrase) })
                .ToListAsync(ct)).ToLookup(c => c.RecordId, c => c.Citation);
            linkCitations = (await db.Citations.OfType<LinkCitation>().AsNoTracking().OrderBy(c => c.Position)
                .Select(c => new { c.LinkId, Citation = new Citation(c.SourceId, c.Source.Title, c.Quote, c.Certainty, c.CertaintyPhrase) })
                .ToListAsync(ct)).ToLookup(c => c.LinkId, c => c.Citation);
        }

        var nodes = records.Select(r => new GraphNode(
            NodeKey(r.Kind, r.Slug), r.Kind.WireName(), r.Slug, r.Name, r.Category, r.Summary, r.Aliases, r.SourceCount, r.Urgency,
            recordCitations?[r.Id].ToList())).ToList();
        var edges = links.Select(l => new GraphEdge(
            NodeKey(l.FromKind, l.From), NodeKey(l.ToKind, l.To), Relation(l.Kind), l.CitationCount,
            linkCitations?[l.Id].ToList())).ToList();
        return new KnowledgeGraph(contentVersion, nodes, edges, Disclaimer.Text);
    }
}
