namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>Replicas with a low per-client limit, so a short burst through nginx goes over it.</summary>
public sealed class RateLimitedCluster() : ScaleOutCluster(2, new Dictionary<string, string>
{
    ["Http__RateLimit__Enabled"] = "true",
    ["Http__RateLimit__PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Http__RateLimit__WindowSeconds"] = WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
})
{
    public const int PermitLimit = 20;
    public const int WindowSeconds = 10;
}
