using System.Text.Json;

namespace CrampKnowledge.Api.Tests.Endpoints;

/// <summary>Filtering, sorting and paging checks that every list endpoint must pass the same way.</summary>
internal static class ListChecks
{
    public static string With(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    /// <summary>The whole list on one page; every list in the seed data fits in the largest page.</summary>
    public static async Task<JsonElement> GetAllAsync(HttpClient client, string url)
    {
        var list = await client.GetOkAsync(With(url, "pageSize=100"));

        Assert.Equal(list.GetProperty("total").GetInt32(), list.Items().Count);
        return list;
    }

    public static async Task AssertListsExactlyAsync(HttpClient client, string url, IEnumerable<string> expectedIds)
    {
        var list = await GetAllAsync(client, url);

        Assert.Equal(expectedIds.Order(StringComparer.Ordinal), list.ItemIds().Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Asserts the order of the returned items for <paramref name="sort"/>: by name, or by
    /// <paramref name="countField"/> (sourceCount, or citationCount for sources), ascending or with "-" descending.
    /// </summary>
    public static async Task AssertSortedAsync(HttpClient client, string url, string sort, string countField)
    {
        var unsorted = await GetAllAsync(client, url);

        var items = (await GetAllAsync(client, With(url, $"sort={sort}"))).Items();

        Assert.Equal(unsorted.ItemIds().Order(StringComparer.Ordinal), items.Select(i => i.Text("id")).Order(StringComparer.Ordinal));
        var descending = sort.StartsWith('-');
        var field = sort.TrimStart('-');
        for (var i = 1; i < items.Count; i++)
        {
            var comparison = field == "name"
                ? StringComparer.OrdinalIgnoreCase.Compare(items[i - 1].Text("name"), items[i].Text("name"))
                : items[i - 1].GetProperty(countField).GetInt32().CompareTo(items[i].GetProperty(countField).GetInt32());
            Assert.True(descending ? comparison >= 0 : comparison <= 0,
                $"sort={sort}: '{items[i - 1].Text("id")}' comes before '{items[i].Text("id")}'");
        }

        var distinctKeys = items.Select(i => field == "name" ? i.Text("name") : i.GetProperty(countField).ToString()).Distinct().Count();
        Assert.True(distinctKeys > 1, $"sort={sort} is not tested: every item has the same {field}");
    }

    /// <summary>Walks the list one item per page and in odd-sized pages; both must give the full list once, in order.</summary>
    public static async Task AssertPagingAsync(HttpClient client, string url, string sort)
    {
        var expected = (await GetAllAsync(client, With(url, $"sort={sort}"))).ItemIds();
        var total = expected.Count;

        var oneByOne = new List<string>();
        for (var page = 1; page <= total; page++)
        {
            var list = await client.GetOkAsync(With(url, $"sort={sort}&page={page}&pageSize=1"));
            Assert.Equal(total, list.GetProperty("total").GetInt32());
            Assert.Equal(page, list.GetProperty("page").GetInt32());
            Assert.Equal(1, list.GetProperty("pageSize").GetInt32());
            oneByOne.Add(Assert.Single(list.Items()).Text("id"));
        }

        var bySeven = new List<string>();
        for (var page = 1; page <= (total + 6) / 7; page++)
        {
            var list = await client.GetOkAsync(With(url, $"sort={sort}&page={page}&pageSize=7"));
            Assert.Equal(total, list.GetProperty("total").GetInt32());
            bySeven.AddRange(list.ItemIds());
        }

        Assert.True(total > 1, $"{url} has too few items to test paging");
        Assert.Equal(expected, oneByOne);
        Assert.Equal(expected, bySeven);
        Assert.Equal(total, oneByOne.Distinct().Count());
    }

    public static async Task AssertPageBeyondTheEndIsEmptyAsync(HttpClient client, string url)
    {
        var total = (await GetAllAsync(client, url)).GetProperty("total").GetInt32();

        var beyond = await client.GetOkAsync(With(url, $"page={total + 1}&pageSize=1"));

        Assert.Empty(beyond.Items());
        Assert.Equal(total, beyond.GetProperty("total").GetInt32());
        Assert.Equal(total + 1, beyond.GetProperty("page").GetInt32());
    }

    public static async Task AssertDefaultPageAsync(HttpClient client, string url)
    {
        var list = await client.GetOkAsync(url);

        Assert.Equal(1, list.GetProperty("page").GetInt32());
        Assert.Equal(20, list.GetProperty("pageSize").GetInt32());
        Assert.Equal(Math.Min(20, list.GetProperty("total").GetInt32()), list.Items().Count);
    }
}
