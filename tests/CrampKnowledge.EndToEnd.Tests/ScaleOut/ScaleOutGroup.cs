namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>
/// The scale-out classes run one after another, after the other tests, so that the load run and
/// the rate-limit burst have the machine to themselves; each class still gets its own cluster.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleOutGroup
{
    public const string Name = "ScaleOut";
}
