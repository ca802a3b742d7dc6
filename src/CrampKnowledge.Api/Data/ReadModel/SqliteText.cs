using System.Buffers;

namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>
/// SQLite's own text rules, so lists served from memory order and match exactly as the SQL they
/// replace did: <c>lower()</c> and <c>COLLATE NOCASE</c> fold ASCII letters only, and BINARY compares code units.
/// </summary>
public static class SqliteText
{
    // SearchValues, not ContainsAnyInRange: the latter's unoptimised start-up code boxes (96 bytes a call until it tiers up).
    private static readonly SearchValues<char> AsciiUpper = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>
    /// What SQLite's built-in <c>lower()</c> returns: only A-Z change. An ordinal comparison of these keys orders as
    /// <c>COLLATE NOCASE</c> does (it folds the same letters, then compares code units), folding each text only once.
    /// </summary>
    public static string LowerAscii(string text)
    {
        if (!text.AsSpan().ContainsAny(AsciiUpper))
        {
            return text;
        }

        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] + ('a' - 'A')) : source[i];
            }
        });
    }
}
