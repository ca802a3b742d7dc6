namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>
/// SQLite's own text rules, so lists served from memory order and match exactly as the SQL they
/// replace did: <c>lower()</c> and <c>COLLATE NOCASE</c> fold ASCII letters only, and BINARY compares code units.
/// </summary>
public static class SqliteText
{
    /// <summary>Orders like <c>COLLATE NOCASE</c>: ASCII upper case folded to lower case, then ordinal.</summary>
    public static readonly IComparer<string> NoCase = Comparer<string>.Create(CompareNoCase);

    /// <summary>What SQLite's built-in <c>lower()</c> returns: only A-Z change.</summary>
    public static string LowerAscii(string text)
    {
        if (!text.Any(char.IsAsciiLetterUpper))
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

    private static int CompareNoCase(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            var difference = Fold(left[i]) - Fold(right[i]);
            if (difference != 0)
            {
                return difference;
            }
        }

        return left.Length - right.Length;
    }

    private static int Fold(char c) => char.IsAsciiLetterUpper(c) ? c + ('a' - 'A') : c;
}
