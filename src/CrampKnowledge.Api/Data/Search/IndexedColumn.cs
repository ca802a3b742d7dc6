namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// One column of one indexed row: its text, and per token the term id. Where each token stands in the text is
/// kept only for every <see cref="CheckpointInterval"/>th token and found again for the few a snippet shows
/// (<see cref="TokenBounds"/>): a start and an end per token were 14 MB of the index at 100x content (issue 19).
/// </summary>
internal sealed class IndexedColumn
{
    /// <summary>Tokens between two kept starts: a snippet reads at most this many tokens more than it shows.</summary>
    public const int CheckpointInterval = 32;

    private readonly int[] _checkpoints;

    // The term ids live in a shared array from _tokenOffset on: the column's own until SearchIndex.Build moves them
    // into SearchIndex.Tokens (MoveTokensTo), which phrase matching reads without visiting the row.
    private int[] _tokens;
    private int _tokenOffset;

    /// <param name="text">The column's text.</param>
    /// <param name="termIds">Position → term id.</param>
    /// <param name="starts">Position → first character of the token in <paramref name="text"/>; not kept.</param>
    public IndexedColumn(string text, int[] termIds, ReadOnlySpan<int> starts)
    {
        Text = text;
        _tokens = termIds;
        Size = termIds.Length;
        SentenceStarts = FindSentenceStarts(text, starts);
        HasHtmlEscapes = Fts5Snippet.HasHtmlEscapes(text);
        _checkpoints = new int[(starts.Length + CheckpointInterval - 1) / CheckpointInterval];
        for (var i = 0; i < _checkpoints.Length; i++)
        {
            _checkpoints[i] = starts[i * CheckpointInterval];
        }
    }

    public string Text { get; }

    /// <summary>Position → id in <see cref="SearchIndex.Terms"/>: once the index is built, part of <see cref="SearchIndex.Tokens"/>.</summary>
    public ReadOnlySpan<int> TermIds => new(_tokens, _tokenOffset, Size);

    /// <summary>The column's term ids as they are now, to be written elsewhere and then moved there.</summary>
    internal Span<int> MutableTermIds => new(_tokens, _tokenOffset, Size);

    /// <summary>Positions of the tokens that begin a sentence, as FTS5's snippet sees them.</summary>
    public int[] SentenceStarts { get; }

    /// <summary>False when HTML-escaping leaves the text as it is, as for most columns: snippets copy it without looking.</summary>
    public bool HasHtmlEscapes { get; }

    public int Size { get; }

    /// <summary>Reads the term ids from <paramref name="tokens"/>, where they now stand from <paramref name="offset"/> on.</summary>
    internal void MoveTokensTo(int[] tokens, int offset)
    {
        _tokens = tokens;
        _tokenOffset = offset;
    }

    /// <summary>
    /// The first character of each token from position <paramref name="from"/> on, and the character just after it,
    /// for as many tokens as <paramref name="starts"/> holds (it and <paramref name="ends"/> must not reach past the
    /// column's last token): the tokenizer runs again from the kept start at or before <paramref name="from"/>.
    /// </summary>
    public void TokenBounds(int from, Span<int> starts, Span<int> ends)
    {
        if (starts.IsEmpty)
        {
            return;
        }

        var position = from / CheckpointInterval * CheckpointInterval;
        var offset = _checkpoints[from / CheckpointInterval];
        for (var filled = 0; filled < starts.Length; position++)
        {
            if (!Unicode61Tokenizer.NextBounds(Text, ref offset, out var start, out var end))
            {
                throw new InvalidOperationException($"The column has no token {position}: it has {Size}.");
            }

            if (position >= from)
            {
                starts[filled] = start;
                ends[filled] = end;
                filled++;
            }
        }
    }

    /// <summary>
    /// The first token, and every token after whitespace that follows a '.' or ':' (fts5SentenceFinderCb):
    /// a snippet may start there instead of centring its matches.
    /// </summary>
    private static int[] FindSentenceStarts(string text, ReadOnlySpan<int> starts)
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
