namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// One column of one indexed row: its text, and per token the term id. Where each token stands in the text is
/// kept only for every <see cref="CheckpointInterval"/>th token and found again for the few a snippet shows
/// (<see cref="TokenBounds(int, Span{int}, Span{int})"/>): a start and an end per token were 14 MB of the index at 100x
/// content (issue 19).
/// </summary>
internal sealed class IndexedColumn
{
    /// <summary>Tokens between two kept starts: a snippet reads at most this many tokens more than it shows.</summary>
    public const int CheckpointInterval = 32;

    // SentenceStarts of a column of one sentence; never written to.
    private static readonly int[] FirstTokenOnly = [0];

    // Where a joined column's text is put together for a snippet, reused on the thread.
    [ThreadStatic]
    private static char[]? t_joined;

    // Where tokens CheckpointInterval, 2·CheckpointInterval, … start; token 0 is found from the text's start. Most columns
    // have fewer tokens, and no array of their own.
    private readonly int[] _checkpoints;

    // The text as one string, or (JoinedText) the strings a record's aliases or quotes column joins, kept as the snapshot
    // holds them and joined only for a snippet: one joined copy of every record's quotes was 7 MB at 100x content.
    private readonly object _text;

    // The term ids live in a shared array from _tokenOffset on: the column's own until SearchIndex.Build moves them
    // into SearchIndex.Tokens (MoveTokensTo), which phrase matching reads without visiting the row.
    private int[] _tokens;
    private int _tokenOffset;

    /// <param name="text">The column's text.</param>
    /// <param name="termIds">Position → term id.</param>
    /// <param name="starts">Position → first character of the token in <paramref name="text"/>; not kept.</param>
    public IndexedColumn(string text, int[] termIds, ReadOnlySpan<int> starts)
        : this(text, null, "", termIds, starts)
    {
    }

    /// <param name="text"><paramref name="parts"/> joined with <paramref name="separator"/>: read here, not kept.</param>
    /// <param name="parts">The strings the text joins, in order: kept, not copied.</param>
    /// <param name="separator">What stands between two parts.</param>
    /// <param name="termIds">Position → term id.</param>
    /// <param name="starts">Position → first character of the token in <paramref name="text"/>; not kept.</param>
    public IndexedColumn(string text, IReadOnlyList<string>? parts, string separator, int[] termIds, ReadOnlySpan<int> starts)
    {
        // One part is the text itself (string.Join returns it), and none is the empty string.
        _text = parts is { Count: > 1 } ? new JoinedText(parts, separator) : text;
        _tokens = termIds;
        Size = termIds.Length;
        SentenceStarts = FindSentenceStarts(text, starts);
        HasHtmlEscapes = Fts5Snippet.HasHtmlEscapes(text);
        _checkpoints = starts.Length > CheckpointInterval ? new int[(starts.Length - 1) / CheckpointInterval] : [];
        for (var i = 0; i < _checkpoints.Length; i++)
        {
            _checkpoints[i] = starts[(i + 1) * CheckpointInterval];
        }
    }

    /// <summary>The column's text; for a joined column a new string on each call (a snippet reads <see cref="SnippetText"/>).</summary>
    public string Text => _text as string ?? ((JoinedText)_text).Join();

    /// <summary>
    /// The column's text without a string of its own: a joined column's is put together in a buffer of the thread's,
    /// valid until the thread's next call.
    /// </summary>
    public ReadOnlySpan<char> SnippetText() => _text as string ?? ((JoinedText)_text).JoinInto(ref t_joined);

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
    public void TokenBounds(int from, Span<int> starts, Span<int> ends) => TokenBounds(Text, from, starts, ends);

    /// <summary><see cref="TokenBounds(int, Span{int}, Span{int})"/> in <paramref name="text"/>, the column's text read once.</summary>
    public void TokenBounds(ReadOnlySpan<char> text, int from, Span<int> starts, Span<int> ends)
    {
        if (starts.IsEmpty)
        {
            return;
        }

        var checkpoint = from / CheckpointInterval;
        var position = checkpoint * CheckpointInterval;
        var offset = checkpoint == 0 ? 0 : _checkpoints[checkpoint - 1];
        for (var filled = 0; filled < starts.Length; position++)
        {
            if (!Unicode61Tokenizer.NextBounds(text, ref offset, out var start, out var end))
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

        // Most columns are one sentence: they share one array rather than hold 1.2 MB of copies at 100x content.
        return found.Count == 1 ? FirstTokenOnly : [.. found];
    }

    /// <summary>Strings a column's text is joined from, and what stands between them.</summary>
    private sealed class JoinedText(IReadOnlyList<string> parts, string separator)
    {
        public string Join() => string.Join(separator, parts);

        /// <summary>The joined text in <paramref name="buffer"/>, grown when it is too small.</summary>
        public ReadOnlySpan<char> JoinInto(ref char[]? buffer)
        {
            var length = separator.Length * (parts.Count - 1);
            foreach (var part in parts)
            {
                length += part.Length;
            }

            if (buffer is null || buffer.Length < length)
            {
                buffer = new char[Math.Max(length, 1024)];
            }

            var written = 0;
            for (var i = 0; i < parts.Count; i++)
            {
                if (i > 0)
                {
                    separator.CopyTo(buffer.AsSpan(written));
                    written += separator.Length;
                }

                parts[i].CopyTo(buffer.AsSpan(written));
                written += parts[i].Length;
            }

            return buffer.AsSpan(0, length);
        }
    }
}
