namespace CrampKnowledge.Api.Data.Search;

/// <summary>One column of one indexed row: its text, and per token the term id and where it stands in the text.</summary>
internal sealed class IndexedColumn
{
    public IndexedColumn(string text, int[] termIds, int[] starts, int[] ends)
    {
        Text = text;
        TermIds = termIds;
        Starts = starts;
        Ends = ends;
        SentenceStarts = FindSentenceStarts(text, starts);
        HasHtmlEscapes = Fts5Snippet.HasHtmlEscapes(text);
    }

    public string Text { get; }

    /// <summary>Position → id in <see cref="SearchIndex.Terms"/>.</summary>
    public int[] TermIds { get; }

    /// <summary>Position → first character of the token in <see cref="Text"/>.</summary>
    public int[] Starts { get; }

    /// <summary>Position → the character just after the token.</summary>
    public int[] Ends { get; }

    /// <summary>Positions of the tokens that begin a sentence, as FTS5's snippet sees them.</summary>
    public int[] SentenceStarts { get; }

    /// <summary>False when HTML-escaping leaves the text as it is, as for most columns: snippets copy it without looking.</summary>
    public bool HasHtmlEscapes { get; }

    public int Size => TermIds.Length;

    /// <summary>
    /// The first token, and every token after whitespace that follows a '.' or ':' (fts5SentenceFinderCb):
    /// a snippet may start there instead of centring its matches.
    /// </summary>
    private static int[] FindSentenceStarts(string text, int[] starts)
    {
        var found = new List<int>();
        for (var position = 0; position < starts.Length; position++)
        {
            if (position == 0)
            {
                found.Add(0);
                continue;
            }

            var i = starts[position] - 1;
            while (i >= 0 && text[i] is ' ' or '\t' or '\n' or '\r')
            {
                i--;
            }

            if (i != starts[position] - 1 && i >= 0 && text[i] is '.' or ':')
            {
                found.Add(position);
            }
        }

        return [.. found];
    }
}
