namespace CrampKnowledge.Api.Tests.Telemetry;

/// <summary>
/// OpenTelemetry's meter listener subscribes to meters by name, so a host in these tests would also count the requests
/// that hosts of other test classes serve at the same time. Tests that count run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CountedAlone
{
    public const string Name = "Telemetry, counted alone";
}
