using CrampKnowledge.Api.Data.Queries;

namespace CrampKnowledge.Api.Tests.Queries;

/// <summary>
/// NearestTerms.Find as it was before <see cref="NearestTermIndex"/>: every candidate compared with the input. Kept
/// as the reference the index must agree with; the distance itself is NearestTerms.Distance, which did not change.
/// </summary>
internal static class ReferenceNearestTerms
{
    public static IReadOnlyList<string> Find(string input, IEnumerable<(string Word, string Id)> candidates, int max = 3, int? maxEdits = null)
    {
        var typed = input.Trim().ToLowerInvariant();
        if (typed.Length == 0 || typed.Length > NearestTerms.MaxInputLength)
        {
            return [];
        }

        var allowed = Math.Min(Math.Max(2, typed.Length / 3), maxEdits ?? int.MaxValue);
        return candidates
            .Where(c => c.Word.Length - typed.Length <= allowed || c.Word.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Where(c => typed.Length - c.Word.Length <= allowed)
            .Select(c => (c.Id, Distance: NearestTerms.Distance(typed, c.Word.ToLowerInvariant())))
            .Where(c => c.Distance <= allowed)
            .GroupBy(c => c.Id)
            .Select(g => (Id: g.Key, Distance: g.Min(c => c.Distance)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Id)
            .ToList();
    }
}
