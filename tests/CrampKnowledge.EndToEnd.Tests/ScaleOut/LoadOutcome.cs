namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>One request of a load run: when it ran, its status (0 when no answer came) and the replicas nginx tried.</summary>
internal sealed record LoadOutcome(int Index, TimeSpan Started, TimeSpan Finished, int Status, string? Upstream, string? Error);
