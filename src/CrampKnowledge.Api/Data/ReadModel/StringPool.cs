using System.Runtime.InteropServices;

namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>
/// One instance per distinct string, for what a start-up load keeps: each row read, and each word split off a text,
/// is a new copy of a value that many others repeat. Scoped to one load rather than <see cref="string.Intern(string)"/>,
/// so the pool itself is dropped once the load is done and the kept strings go with what holds them.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _kept = new(StringComparer.Ordinal);

    /// <summary>The pool's instance of this value: the first one shared, from then on.</summary>
    public string Share(string text)
    {
        ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(_kept, text, out _);
        return kept ??= text;
    }
}
