using Xunit.Abstractions;
using Xunit.Sdk;

namespace CrampKnowledge.EndToEnd.Tests.Containers;

/// <summary>
/// Runs the tests of a class by name, except that a test marked <see cref="KillsAContainerAttribute"/>
/// runs after all the others: the containers are started once for every test, and a killed one
/// stays dead.
/// </summary>
public sealed class KillingTestsLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "CrampKnowledge.EndToEnd.Tests.Containers." + nameof(KillingTestsLastOrderer);
    public const string AssemblyName = "CrampKnowledge.EndToEnd.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases
            .OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(KillsAContainerAttribute)).Any())
            .ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}

/// <summary>Marks a test that kills one of the shared containers; <see cref="KillingTestsLastOrderer"/> runs it last.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KillsAContainerAttribute : Attribute
{
}
