using System.Globalization;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// The words of a query: runs of letters and digits (Unicode categories L and N, one UTF-16 unit at a
/// time), lower-cased, at most <see cref="Max"/>. What the regular expression <c>[\p{L}\p{N}]+</c> over
/// the lower-cased text found, in one pass without a match object per word.
/// </summary>
internal static class QueryWords
{
    public const int Max = 32;

    public static List<string> Read(string text)
    {
        var words = new List<string>();
        var i = 0;
        while (i < text.Length && words.Count < Max)
        {
            if (!IsWordCharacter(char.ToLowerInvariant(text[i])))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordCharacter(char.ToLowerInvariant(text[i])))
            {
                i++;
            }

            words.Add(string.Create(i - start, (text, start), static (word, source) =>
            {
                for (var k = 0; k < word.Length; k++)
                {
                    word[k] = char.ToLowerInvariant(source.text[source.start + k]);
                }
            }));
        }

        return words;
    }

    /// <summary>True when <see cref="Read"/> would find at least one word, without reading any.</summary>
    public static bool HasWord(string text)
    {
        foreach (var c in text)
        {
            if (IsWordCharacter(char.ToLowerInvariant(c)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the text is one word already lower-cased: its words are just itself.</summary>
    public static bool IsOneLowerCaseWord(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsWordCharacter(c) || char.ToLowerInvariant(c) != c)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordCharacter(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
