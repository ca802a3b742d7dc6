namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>Three replicas for the failover run, one of which the test kills; no rate limit.</summary>
public sealed class FailoverCluster() : ScaleOutCluster(3, new Dictionary<string, string>
{
    ["Http__RateLimit__Enabled"] = "false",
})
{
}
