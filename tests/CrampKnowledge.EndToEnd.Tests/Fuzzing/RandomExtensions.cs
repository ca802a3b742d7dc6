namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>Seeded choices; <see cref="Random"/> here is for reproducible test data, not security.</summary>
public static class RandomExtensions
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> choices) =>
        choices.Count == 0 ? throw new ArgumentException("Nothing to pick from.", nameof(choices)) : choices[random.Next(choices.Count)];
}
