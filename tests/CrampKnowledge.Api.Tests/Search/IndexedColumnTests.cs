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
}
