namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// The term ids one token of a phrase matches: those from <see cref="From"/> up to <see cref="To"/>, less
/// those whose bit is set in <see cref="Excluded"/> (bit i for term From + i; a range with exclusions spans
/// at most 64 terms). A prefix leaves out the words that only begin with its letters ("als" is not "also").
/// </summary>
internal readonly record struct TermRange(int From, int To, ulong Excluded = 0)
{
    public const int MaxSpanWithExclusions = 64;

    public bool IsEmpty => From == To;

    public bool Contains(int term) =>
        (uint)(term - From) < (uint)(To - From) && ((Excluded >> (term - From)) & 1) == 0;
}
