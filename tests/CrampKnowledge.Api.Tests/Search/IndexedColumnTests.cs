using System.Net;
using CrampKnowledge.Api.Data.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>The per-column flag that lets snippets copy text without HTML-escaping it, against <see cref="WebUtility.HtmlEncode(string)"/>.</summary>
public sealed class IndexedColumnTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly SearchIndex _index = factory.Services.GetRequiredService<SearchIndex>();

    [Fact]
    public void TheEscapeFlagIsSetExactlyWhereHtmlEncodingChangesTheText()
    {
        var columns = _index.Rows.SelectMany(r => r.Columns).Append(new IndexedColumn("a \uD83D\uDE00 b", [], [])).ToList();

        foreach (var column in columns)
        {
            Assert.Equal(WebUtility.HtmlEncode(column.Text) != column.Text, column.HasHtmlEscapes);
        }

        Assert.Contains(columns, c => c.HasHtmlEscapes);
        Assert.Contains(columns, c => !c.HasHtmlEscapes);
    }

    [Fact]
    public void AColumnKeptAsItsPartsReadsAsTheJoinedText()
    {
        string[] parts = ["Cramps at night. Often", "in the calf: stretch it", "x <y> & z"];
        var text = string.Join(" … ", parts);
        var tokens = Unicode61Tokenizer.Tokenize(text);
        var starts = tokens.Select(t => t.Start).ToArray();
        var plain = new IndexedColumn(text, new int[tokens.Count], starts);

        var joined = new IndexedColumn(text, parts, " … ", new int[tokens.Count], starts);

        Assert.Equal(text, joined.Text);
        Assert.Equal(text, joined.SnippetText().ToString());
        Assert.Equal(plain.SentenceStarts, joined.SentenceStarts);
        Assert.Equal(plain.HasHtmlEscapes, joined.HasHtmlEscapes);
        var (starts1, ends1, starts2, ends2) = (new int[tokens.Count], new int[tokens.Count], new int[tokens.Count], new int[tokens.Count]);
        plain.TokenBounds(0, starts1, ends1);
        joined.TokenBounds(joined.SnippetText(), 0, starts2, ends2);
        Assert.Equal(tokens.Select(t => (t.Start, t.End)), starts2.Zip(ends2));
        Assert.Equal(starts1.Zip(ends1), starts2.Zip(ends2));
    }

    [Fact]
    public void EveryIndexedColumnsSnippetTextIsItsText()
    {
        foreach (var column in _index.Rows.SelectMany(r => r.Columns))
        {
            Assert.Equal(column.Text, column.SnippetText().ToString());
        }

        // The record columns that join several aliases or quotes exist in the seed data, so the joined path is covered.
        Assert.Contains(_index.Rows, r => r.Record is { Citations.Count: > 1 });
    }
}
