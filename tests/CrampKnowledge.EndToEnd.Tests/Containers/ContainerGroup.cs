namespace CrampKnowledge.EndToEnd.Tests.Containers;

/// <summary>
/// The container tests share one deployment (image built and containers started once) and run on
/// their own: three API containers, nginx and a load run want the machine's two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContainerGroup : ICollectionFixture<ContainerDeployment>
{
    public const string Name = "Containers";
}
