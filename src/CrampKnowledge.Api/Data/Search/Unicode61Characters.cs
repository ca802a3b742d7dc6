namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// How SQLite's FTS5 tokenizer <c>unicode61 remove_diacritics 2</c> (the bundled e_sqlite3 build)
/// treats each character of the Basic Multilingual Plane: a separator, a token character and what
/// it folds to, or a combining mark that joins a token without a character of its own. The ranges
/// live in <see cref="Unicode61CharacterData"/>, generated from SQLite itself and checked against it
/// by Unicode61CharacterTests; folding is <see cref="char.ToLowerInvariant"/> except where listed.
/// </summary>
internal static class Unicode61Characters
{
    private const byte Separator = 0;
    private const byte TokenStart = 1;
    private const byte InsideOnly = 2;

    private static readonly byte[] Kinds = BuildKinds();
    private static readonly char[] Folds = BuildFolds();

    /// <summary>Starts (and continues) a token.</summary>
    public static bool IsTokenStart(char c) => Kinds[c] == TokenStart;

    /// <summary>Ends a token, or is skipped between tokens.</summary>
    public static bool IsSeparator(char c) => Kinds[c] == Separator;

    /// <summary>The character as stored in the index; '\0' when it is dropped (a diacritic).</summary>
    public static char Fold(char c) => Folds[c];

    private static byte[] BuildKinds()
    {
        var kinds = new byte[char.MaxValue + 1];
        var ranges = Unicode61CharacterData.TokenRanges;
        for (var i = 0; i < ranges.Length; i += 2)
        {
            for (int c = ranges[i]; c <= ranges[i + 1]; c++)
            {
                kinds[c] = TokenStart;
            }
        }

        foreach (var c in Unicode61CharacterData.InsideOnly)
        {
            kinds[c] = InsideOnly;
        }

        return kinds;
    }

    private static char[] BuildFolds()
    {
        var folds = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            folds[c] = char.ToLowerInvariant((char)c);
        }

        var exceptions = Unicode61CharacterData.FoldExceptions;
        for (var i = 0; i < exceptions.Length; i += 2)
        {
            folds[exceptions[i]] = (char)exceptions[i + 1];
        }

        return folds;
    }
}
