namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>What a family generator returns: the request, what it means to test, and what the answer must be.</summary>
public sealed record CaseDraft(RawRequest Request, string Intent, IReadOnlySet<int>? Expected = null, Func<RawResponse, string?>? Oracle = null)
{
    public static IReadOnlySet<int> Only(params int[] statuses) => statuses.ToHashSet();
}
