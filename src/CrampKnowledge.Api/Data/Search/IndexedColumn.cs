namespace CrampKnowledge.Api.Data.Search;

/// <summary>One column of one indexed row: its text, and per token the term id and where it stands in the text.</summary>
internal sealed class IndexedColumn
{
    private readonly int[] _tokens;
    private readonly int _tokenOffset;

    public IndexedColumn(string text, int[] termIds, int[] starts, int[] ends)
        : this(text, termIds, 0, termIds.Length, starts, ends)
    {
    }

    /// <param name="tokens">Holds the column's term ids from <paramref name="tokenOffset"/> on, <paramref name="size"/> of them.</param>
    public IndexedColumn(string text, int[] tokens, int tokenOffset, int size, int[] starts, int[] ends)
    {
        Text = text;
        _tokens = tokens;
        _tokenOffset = tokenOffset;
        Size = size;
        Starts = starts;
        Ends = ends;
        SentenceStarts = FindSentenceStarts(text, starts);
        HasHtmlEscapes = Fts5Snippet.HasHtmlEscapes(text);
    }

    public string Text { get; }

    /// <summary>Position → id in <see cref="SearchIndex.Terms"/>: part of <see cref="SearchIndex.Tokens"/>.</summary>
    public ReadOnlySpan<int> TermIds => new(_tokens, _tokenOffset, Size);

    /// <summary>Position → first character of the token in <see cref="Text"/>.</summary>
    public int[] Starts { get; }

    /// <summary>Position → the character just after the token.</summary>
    public int[] Ends { get; }

    /// <summary>Positions of the tokens that begin a sentence, as FTS5's snippet sees them.</summary>
    public int[] SentenceStarts { get; }

    /// <summary>False when HTML-escaping leaves the text as it is, as for most columns: snippets copy it without looking.</summary>
    public bool HasHtmlEscapes { get; }

    public int Size { get; }

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
