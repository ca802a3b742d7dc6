using CrampKnowledge.Api.Data.Search;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// The galloping lookup multi-word phrases are matched with (<see cref="OccurrenceCursor"/>) against a binary search of the
/// whole list, over random ascending lists and ascending series of asked occurrences: short and long gaps, repeats, before
/// the first and past the last.
/// </summary>
public sealed class OccurrenceCursorTests
{
    [Fact]
    public void EveryAskedOccurrenceIsHeldExactlyWhenTheListHasIt()
    {
        var random = new Random(20261206);
        var (asked, held) = (0, 0);
        for (var list = 0; list < 400; list++)
        {
            var spread = 1 + random.Next(list % 4 == 0 ? 3 : 5000);
            var occurrences = Enumerable.Range(0, random.Next(list % 10 == 0 ? 3 : 600))
                .Select(_ => random.Next(spread * 100))
                .Distinct().Order().ToArray();
            var cursor = new OccurrenceCursor(occurrences);
            var next = random.Next(-5, 5);
            while (next <= spread * 100 + 10)
            {
                var expected = Array.BinarySearch(occurrences, next) >= 0;
                Assert.True(expected == cursor.Holds(next), $"list {list}: {next} expected {expected}");
                asked++;
                held += expected ? 1 : 0;
                // Steps of 0 (the same occurrence again), 1, a few, long jumps, and to an occurrence of the list some places on.
                var onward = Array.FindIndex(occurrences, o => o > next) is var at and >= 0 ? at + random.Next(3) : -1;
                next = random.Next(5) switch
                {
                    0 => next,
                    1 => next + 1,
                    2 => next + random.Next(2, 20),
                    3 => next + random.Next(20, (spread * 10) + 21),
                    _ => onward >= 0 && onward < occurrences.Length ? occurrences[onward] : next + 1,
                };
            }
        }

        Assert.True(held > 5_000 && asked - held > 10_000, $"{held} held of {asked} asked");
    }
}
