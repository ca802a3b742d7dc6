namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>Three replicas for the read-only proxy tests: no rate limit, one allowed browser origin.</summary>
public sealed class ProxyCluster() : ScaleOutCluster(3, new Dictionary<string, string>
{
    ["Http__RateLimit__Enabled"] = "false",
    ["Http__Cors__AllowedOrigins__0"] = AllowedOrigin,
})
{
    public const string AllowedOrigin = "https://clinic.example";
}
