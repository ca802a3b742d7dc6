using System.ComponentModel;

namespace CrampKnowledge.Api.Contracts;

/// <summary>One page of a list; <c>total</c> counts every match, not just this page.</summary>
public sealed record PagedResponse<T>(
    IReadOnlyList<T> Items, int Page, int PageSize,
    [property: Description("Matches across all pages.")] int Total,
    [property: Description("Not medical advice; see a clinician for the red flags.")] string Disclaimer);

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Deep enough for any list this knowledge base will hold; keeps offsets far from overflow.</summary>
    public const int MaxPage = 10_000;
}
