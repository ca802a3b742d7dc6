namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>
/// One generated request. <paramref name="Expected"/> narrows the status where the document (or the
/// README's HTTP limits) says what the answer must be; null leaves only the global rules (no 5xx,
/// ProblemDetails on 4xx, schema on 2xx). <paramref name="Oracle"/> adds a case-specific check
/// (e.g. an injected <c>OR 1=1</c> must not list every record).
/// </summary>
public sealed record FuzzCase(
    ApiOperation Operation,
    FuzzFamily Family,
    int Number,
    int Seed,
    RawRequest Request,
    string Intent,
    IReadOnlySet<int>? Expected = null,
    Func<RawResponse, string?>? Oracle = null)
{
    public string Name => $"{Operation.OperationId} · {Family} #{Number} (seed {Seed})";
}
