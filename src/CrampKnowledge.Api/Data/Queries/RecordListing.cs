using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Projections;
using Microsoft.EntityFrameworkCore;

namespace CrampKnowledge.Api.Data.Queries;

/// <summary>The list query all four record kinds share: filter, sort, page, project.</summary>
internal static class RecordListing
{
    public static async Task<PagedResponse<RecordSummary>> ListAsync(KnowledgeDbContext db, RecordListFilter filter, CancellationToken ct)
    {
        var records = db.Records.AsNoTracking().Where(r => r.Kind == filter.Kind);
        if (filter.Q is { } q)
        {
            // Contains becomes instr(), so % and _ in user input are plain characters.
            var needle = q.ToLowerInvariant();
            records = records.Where(r => r.Name.ToLower().Contains(needle) || r.Aliases.Any(a => a.Text.ToLower().Contains(needle)));
        }

        if (filter.Category is { } category)
        {
            records = records.Where(r => r.Category == category);
        }

        if (filter.Source is { } source)
        {
            records = records.Where(r => r.Citations.Any(c => c.SourceId == source));
        }

        if (filter.MinSources > 1)
        {
            records = records.Where(r => r.SourceCount >= filter.MinSources);
        }

        if (filter.Urgency is { } urgency)
        {
            records = records.Where(r => ((RedFlag)r).Urgency == urgency);
        }

        foreach (var link in filter.Links)
        {
            records = link.OtherIsFrom
                ? records.Where(r => r.IncomingLinks.Any(l => l.Kind == link.Kind && l.FromId == link.OtherKey))
                : records.Where(r => r.OutgoingLinks.Any(l => l.Kind == link.Kind && l.ToId == link.OtherKey));
        }

        var total = await records.CountAsync(ct);
        var ordered = filter.Sort switch
        {
            "-name" => records.OrderByDescending(r => EF.Functions.Collate(r.Name, "NOCASE")).ThenBy(r => r.Slug),
            "sourceCount" => records.OrderBy(r => r.SourceCount).ThenBy(r => EF.Functions.Collate(r.Name, "NOCASE")),
            "-sourceCount" => records.OrderByDescending(r => r.SourceCount).ThenBy(r => EF.Functions.Collate(r.Name, "NOCASE")),
            // Readers expect "Leg and foot" before "Leg Spasms"; SQLite's default collation is case-sensitive.
            _ => records.OrderBy(r => EF.Functions.Collate(r.Name, "NOCASE")).ThenBy(r => r.Slug),
        };
        var items = await ordered
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .Select(RecordProjections.Summary)
            .ToListAsync(ct);
        return new PagedResponse<RecordSummary>(items, filter.Page, filter.PageSize, total, Disclaimer.Text);
    }
}
