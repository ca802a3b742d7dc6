namespace CrampKnowledge.EndToEnd.Tests.Reliability;

/// <summary>The load run has the machine to itself: other tests in parallel would skew its figures and memory.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadGroup
{
    public const string Name = "Bounded load";
}
