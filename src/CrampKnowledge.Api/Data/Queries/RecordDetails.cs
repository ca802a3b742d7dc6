using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Projections;
using Microsoft.EntityFrameworkCore;

namespace CrampKnowledge.Api.Data.Queries;

/// <summary>Reads one record and the records linked to it.</summary>
internal static class RecordDetails
{
    public static Task<RecordCore?> FindAsync(KnowledgeDbContext db, RecordKind kind, string id, CancellationToken ct) =>
        db.Records.AsNoTracking()
            .Where(r => r.Kind == kind && r.Slug == id)
            .Select(RecordProjections.Core)
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);

    /// <summary>Records this one links to (e.g. a cause's treatments).</summary>
    public static Task<List<RelatedRecord>> LinkedFromAsync(KnowledgeDbContext db, int key, LinkKind kind, CancellationToken ct) =>
        db.Links.AsNoTracking()
            .Where(l => l.Kind == kind && l.FromId == key)
            .OrderBy(l => l.To.Name)
            .Select(RecordProjections.LinkTarget)
            .ToListAsync(ct);

    /// <summary>Records that link to this one (e.g. the causes a treatment is for).</summary>
    public static Task<List<RelatedRecord>> LinkedToAsync(KnowledgeDbContext db, int key, LinkKind kind, CancellationToken ct) =>
        db.Links.AsNoTracking()
            .Where(l => l.Kind == kind && l.ToId == key)
            .OrderBy(l => l.From.Name)
            .Select(RecordProjections.LinkOrigin)
            .ToListAsync(ct);
}
