using System.Text;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Turns every operation of the document into the same fixed number of cases per family. Each
/// (operation, family) pair has its own <see cref="Random"/> seeded from the base seed, so a case is
/// reproduced by its base seed, operation, family and number, and adding a family shifts no other.
/// </summary>
public sealed class CaseGenerator(ApiContract contract, LiveData live, int baseSeed, int casesPerFamily)
{
    public IEnumerable<FuzzCase> For(ApiOperation operation)
    {
        Func<FuzzFamily, Random, int, CaseDraft> make = operation.TakesBody
            ? new BodyCaseFactory(operation, contract, live).Make
            : new QueryCaseFactory(operation, live).Make;
        foreach (var family in Enum.GetValues<FuzzFamily>())
        {
            var seed = Seed(baseSeed, operation.OperationId, family);
            var random = new Random(seed);
            for (var number = 1; number <= casesPerFamily; number++)
            {
                var draft = make(family, random, number);
                yield return new FuzzCase(operation, family, number, seed, draft.Request, draft.Intent, draft.Expected, draft.Oracle);
            }
        }
    }

    /// <summary>FNV-1a over the base seed, operation id and family: stable across runs and runtimes, unlike string.GetHashCode.</summary>
    public static int Seed(int baseSeed, string operationId, FuzzFamily family)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes($"{baseSeed}:{operationId}:{family}"))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }
}
