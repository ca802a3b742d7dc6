using System.Globalization;
using System.Text.Json.Nodes;
using CrampKnowledge.Api.Contracts;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Describes query and route parameters and gives each an example that works against the seed data,
/// so "Try it out" in Swagger UI returns real records.
/// </summary>
internal sealed class ParameterDocumentation : IOperationFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["q"] = "Words to find in the name or aliases, case-insensitive (e.g. `charley horse`, `water pills`).",
        ["category"] = "A category id from `/api/v1/categories`.",
        ["source"] = "Only records that this source article supports (a source id from `/api/v1/sources`).",
        ["cause"] = "Only records linked to this cause: its id, name or any alias, case-insensitive.",
        ["treatment"] = "Only records linked to this treatment: its id, name or any alias, case-insensitive.",
        ["urgency"] = "Only red flags of this urgency tier (see `/api/v1/categories`).",
        ["minSources"] = "Only records that at least this many source articles support (1-100).",
        ["sort"] = "`name` (default), `-name`, `sourceCount` or `-sourceCount` (most supported first).",
        ["page"] = "Page number, from 1 (default 1).",
        ["pageSize"] = $"Items per page, 1-{Paging.MaxPageSize} (default {Paging.DefaultPageSize}).",
        ["id"] = "The record's stable kebab-case id.",
        ["types"] = "What to search: any of cause, treatment, prevention, red-flag, source; repeat it or separate with commas (default: the four record types).",
        ["limit"] = $"Most hits to return, 1-{SearchQuery.MaxLimit} (default {SearchQuery.DefaultLimit}).",
        ["citations"] = "true to include every node's and edge's citations.",
    };

    // Where a parameter means something else on one operation.
    private static readonly Dictionary<(string Operation, string Parameter), string> OperationDescriptions = new()
    {
        [("ListSources", "sort")] = "`name` (default), `-name`, `citationCount` or `-citationCount` (most quoted first).",
        [("ListSources", "category")] = "A source kind from `/api/v1/categories` (`sourceKinds`).",
        [("ListSources", "q")] = "Words to find in the title or publisher, case-insensitive.",
        [("Search", "q")] = "Required. The question or words, in anyone's language (1-200 characters).",
    };

    // Required query parameters the binder cannot know about (validation enforces them).
    private static readonly HashSet<(string Operation, string Parameter)> Required = [("Search", "q")];

    // Optional parameters the binder marks required: an array bound from the query string.
    private static readonly HashSet<(string Operation, string Parameter)> Optional = [("Search", "types")];

    // The validators' limits (the same constants), stated in the schema for client generators and contract fuzzers,
    // not only in prose. OpenApiTests checks that each bound is accepted and one past it refused.
    private static readonly Dictionary<string, ParameterLimits> Limits = new()
    {
        ["page"] = new(Minimum: 1, Maximum: Paging.MaxPage),
        ["pageSize"] = new(Minimum: 1, Maximum: Paging.MaxPageSize),
        ["minSources"] = new(Minimum: 1, Maximum: RecordListLimits.MaxMinSources),
        ["limit"] = new(Minimum: 1, Maximum: SearchQuery.MaxLimit),
        ["q"] = new(MaxLength: RecordListLimits.MaxQLength),
    };

    private static readonly Dictionary<(string Operation, string Parameter), ParameterLimits> OperationLimits = new()
    {
        [("Search", "q")] = new(MinLength: 1, MaxLength: SearchQueryValidator.MaxQueryLength),
    };

    private sealed record ParameterLimits(int? Minimum = null, int? Maximum = null, int? MinLength = null, int? MaxLength = null);

    // Swagger UI's "Try it out" sends every example of an operation together, so each list gets
    // one filter whose combination with the paging examples returns real records.
    private static readonly Dictionary<(string Operation, string Parameter), string> Examples = new()
    {
        [("ListCauses", "category")] = "circulation",
        [("ListCauses", "sort")] = "-sourceCount",
        [("ListTreatments", "cause")] = "dehydration",
        [("ListTreatments", "sort")] = "-sourceCount",
        [("ListPreventions", "cause")] = "muscle-overuse",
        [("ListPreventions", "sort")] = "-sourceCount",
        [("ListRedFlags", "cause")] = "poor-circulation",
        [("ListRedFlags", "sort")] = "name",
        [("ListSources", "sort")] = "-citationCount",
        [("GetCause", "id")] = "dehydration",
        [("ListTreatmentsForCause", "id")] = "dehydration",
        [("ListPreventionsForCause", "id")] = "dehydration",
        [("ListRedFlagsForCause", "id")] = "poor-circulation",
        [("GetTreatment", "id")] = "stretch-the-muscle",
        [("ListCausesForTreatment", "id")] = "stretch-the-muscle",
        [("ListCautionsForTreatment", "id")] = "sports-massage",
        [("GetPrevention", "id")] = "stay-hydrated",
        [("ListCausesForPrevention", "id")] = "stay-hydrated",
        [("GetRedFlag", "id")] = "frequent-or-predictable-cramps",
        [("ListCausesForRedFlag", "id")] = "frequent-or-predictable-cramps",
        [("GetSource", "id")] = "prairie-path",
        [("Search", "q")] = "why do my legs cramp at night",
    };

    private static readonly Dictionary<string, int> PagingExamples = new()
    {
        ["page"] = 1,
        ["pageSize"] = Paging.DefaultPageSize,
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is null)
            {
                continue;
            }

            var op = operation.OperationId ?? "";
            if (OperationDescriptions.TryGetValue((op, parameter.Name), out var specific))
            {
                parameter.Description = specific;
            }
            else if (Descriptions.TryGetValue(parameter.Name, out var description))
            {
                parameter.Description ??= description;
            }

            if (Required.Contains((op, parameter.Name)))
            {
                parameter.Required = true;
            }
            else if (Optional.Contains((op, parameter.Name)))
            {
                parameter.Required = false;
            }

            if ((OperationLimits.GetValueOrDefault((op, parameter.Name)) ?? Limits.GetValueOrDefault(parameter.Name)) is { } limits
                && parameter.Schema is OpenApiSchema schema)
            {
                schema.Minimum = limits.Minimum?.ToString(CultureInfo.InvariantCulture) ?? schema.Minimum;
                schema.Maximum = limits.Maximum?.ToString(CultureInfo.InvariantCulture) ?? schema.Maximum;
                schema.MinLength = limits.MinLength ?? schema.MinLength;
                schema.MaxLength = limits.MaxLength ?? schema.MaxLength;
            }

            if (Examples.TryGetValue((op, parameter.Name), out var example))
            {
                parameter.Example = JsonValue.Create(example);
            }
            else if (PagingExamples.TryGetValue(parameter.Name, out var number))
            {
                parameter.Example = JsonValue.Create(number);
            }
        }
    }
}
