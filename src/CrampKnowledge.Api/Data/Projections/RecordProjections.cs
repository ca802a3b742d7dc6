using System.Linq.Expressions;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using ContestedSide = CrampKnowledge.Api.Contracts.ContestedSide;

namespace CrampKnowledge.Api.Data.Projections;

internal static class RecordProjections
{
    public static readonly Expression<Func<KnowledgeRecord, RecordSummary>> Summary = r => new RecordSummary(
        r.Slug, r.Name, r.Summary, r.Category,
        r.Aliases.OrderBy(a => a.Position).Select(a => a.Text).ToList(),
        r.SourceCount,
        r.ContestedConcerns.Any(),
        r.Kind == RecordKind.RedFlag ? ((RedFlag)r).Urgency : null);

    /// <summary>The fields every detail shares; each resource adds its related lists.</summary>
    public static readonly Expression<Func<KnowledgeRecord, RecordCore>> Core = r => new RecordCore(
        r.Id, r.Slug, r.Name, r.Summary, r.Category,
        r.Kind == RecordKind.RedFlag ? ((RedFlag)r).Urgency : null,
        r.Aliases.OrderBy(a => a.Position).Select(a => a.Text).ToList(),
        r.SourceCount,
        r.Citations.OrderBy(c => c.Position).AsQueryable().Select(CitationProjections.ToContract).ToList(),
        r.ContestedConcerns.OrderBy(c => c.Point.Slug).Select(c => new ContestedNote(
            c.Point.Slug, c.Point.Topic, c.Point.Summary,
            c.Point.Sides.OrderBy(s => s.Position).Select(s => new ContestedSide(
                s.Stance, s.Citations.OrderBy(q => q.Position).AsQueryable().Select(CitationProjections.ToContract).ToList())).ToList())).ToList());

    /// <summary>The record at the far end of a link, seen from its <c>From</c> end.</summary>
    public static readonly Expression<Func<RecordLink, RelatedRecord>> LinkTarget = l => new RelatedRecord(
        l.To.Slug, l.To.Name, l.To.Summary, l.To.Category,
        l.To.Kind == RecordKind.RedFlag ? ((RedFlag)l.To).Urgency : null,
        l.Citations.OrderBy(c => c.Position).AsQueryable().Select(CitationProjections.ToContract).ToList());

    /// <summary>The record at the near end of a link, seen from its <c>To</c> end.</summary>
    public static readonly Expression<Func<RecordLink, RelatedRecord>> LinkOrigin = l => new RelatedRecord(
        l.From.Slug, l.From.Name, l.From.Summary, l.From.Category,
        l.From.Kind == RecordKind.RedFlag ? ((RedFlag)l.From).Urgency : null,
        l.Citations.OrderBy(c => c.Position).AsQueryable().Select(CitationProjections.ToContract).ToList());
}
