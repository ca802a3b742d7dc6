using System.Net;
using CrampKnowledge.Api.Contracts;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// The search query's plain validity test (what lets the usual question skip FluentValidation) against
/// the rules it stands in for: a query it calls valid must have no error, and a query with an error
/// still gets the validator's ProblemDetails over HTTP.
/// </summary>
public sealed class SearchQueryValidationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string?[] Questions =
    [
        null, "", " ", "\t", "?!", "cramp", " night cramps ", "É", "٣", "🦵", "\u00a0x", new string('a', SearchQueryValidator.MaxQueryLength),
        new string('a', SearchQueryValidator.MaxQueryLength + 1), new string(' ', SearchQueryValidator.MaxQueryLength) + "a",
    ];

    private static readonly string[]?[] TypeLists = [null, [], ["cause"], ["cause,treatment"], ["sauce"], [""], [" "]];
    private static readonly int?[] Limits = [null, -1, 0, 1, 10, SearchQuery.MaxLimit, SearchQuery.MaxLimit + 1];

    private readonly SearchQueryValidator _validator = (SearchQueryValidator)factory.Services.GetRequiredService<IValidator<SearchQuery>>();
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public void APlainlyValidQueryHasNoErrorAndTheUsualQuestionIsPlainlyValid()
    {
        var queries = (from q in Questions from types in TypeLists from limit in Limits select new SearchQuery { Q = q, Types = types, Limit = limit }).ToList();

        foreach (var query in queries.Where(_validator.IsPlainlyValid))
        {
            Assert.True(_validator.Validate(query).IsValid, $"plainly valid but not valid: {query.Q} [{string.Join(",", query.Types ?? [])}] {query.Limit}");
        }

        // Without types and with a limit in range, plain and full agree exactly: the plain test is what the usual question takes.
        foreach (var query in queries.Where(q => q.Types is null or [] && q.Limit is null or (>= 1 and <= SearchQuery.MaxLimit)))
        {
            Assert.Equal(_validator.Validate(query).IsValid, _validator.IsPlainlyValid(query));
        }

        Assert.True(_validator.IsPlainlyValid(new SearchQuery { Q = "why do my legs cramp at night" }));
    }

    [Theory]
    [InlineData("?q=%20%20", "q is required: the words to search for.")]
    [InlineData("?q=%3F%21", "q must contain at least one letter or digit.")]
    [InlineData("?q=cramp&limit=51", "'limit' must be between 1 and 50. You entered 51.")]
    [InlineData("?q=cramp&types=sauce", "'sauce' is not a type; use any of: cause, treatment, prevention, red-flag, source.")]
    public async Task AnInvalidQueryGetsTheValidatorsProblem(string query, string detail)
    {
        using var response = await _client.GetAsync(new Uri("/api/v1/search" + query, UriKind.Relative));
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, problem, StringComparison.Ordinal);
    }
}
