using System.Text;

namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>Quotes are verbatim up to whitespace: the articles wrap and indent freely.</summary>
public static class QuoteText
{
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
