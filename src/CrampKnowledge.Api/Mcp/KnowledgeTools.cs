using System.Text.Json;
using System.Text.Json.Nodes;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.RedFlagChecks;
using CrampKnowledge.Api.Data.Search;
using CrampKnowledge.Api.Endpoints;
using CrampKnowledge.Api.Telemetry;
using ModelContextProtocol.Server;

namespace CrampKnowledge.Api.Mcp;

/// <summary>
/// The knowledge base as MCP tools. Each one answers through the code its HTTP endpoint runs (the endpoint's <c>Answer</c>,
/// <see cref="RecordDetails"/>, <see cref="RelatedListing"/>), so a tool's structured content equals the endpoint's body.
/// </summary>
internal static class KnowledgeTools
{
    public const string Search = "search_knowledge";
    public const string GetRecord = "get_record";
    public const string GetRelated = "get_related";
    public const string CheckRedFlags = "check_red_flags";
    public const string ListRedFlagRules = "list_red_flag_rules";

    private const string Grounding = " Every fact comes with `citations`: verbatim quotes from the source articles, with the article and a "
        + "`certainty`. Answer only from those quotes, cite them, keep their hedging (\"may\", \"often\"), and pass on the `disclaimer`.";

    public static IEnumerable<McpServerTool> Create(JsonSerializerOptions json) =>
    [
        new AgentTool<SearchQuery, SearchResponse>(json, Search, "Search leg-cramp knowledge",
            "Search the leg and foot cramp knowledge base (causes, treatments, preventions, red flags) in everyday words, e.g. "
            + "\"why do my legs cramp at night\" or \"water pills\". Returns ranked hits with a snippet and the quotes behind each. "
            + "`unmatchedTerms` lists words the knowledge base knows nothing about: do not answer about them from elsewhere; say the sources "
            + "do not cover them, and pass on the answer's `note`. No hits means the sources are silent, never that there is nothing to worry about. For someone describing "
            + "their own symptoms, also call " + CheckRedFlags + "." + Grounding,
            Schema.Object(
                [
                    ("q", Schema.String("The question or words to search for, in everyday language.", minLength: 1, maxLength: SearchQueryValidator.MaxQueryLength)),
                    ("types", Schema.Array(Schema.Enum("A record type.", SearchQuery.KnownTypes),
                        "What to search; default cause, treatment, prevention and red-flag. Add source to search the articles' full text.")),
                    ("limit", Schema.Integer("Most hits to return.", 1, SearchQuery.MaxLimit, SearchQuery.DefaultLimit)),
                ],
                required: ["q"]),
            (services, query) =>
            {
                var answer = SearchEndpoints.Answer(
                    query.Q!, query.EffectiveTypes, query.Limit ?? SearchQuery.DefaultLimit,
                    services.GetRequiredService<SearchVocabulary>(), services.GetRequiredService<KnowledgeSearch>());
                SearchOutcome.Of(answer.Hits.Count > 0).Record(services.GetRequiredService<KnowledgeMetrics>(), KnowledgeMetrics.ViaMcp);
                return answer;
            }),

        new AgentTool<RecordLookup, RecordLookupAnswer>(json, GetRecord, "Get a record with its quotes",
            "One record by type and id (ids come from search hits and from other records' links): a cause, treatment, prevention or red flag "
            + "with all its citations, any point the articles dispute, and its linked records, each link with the quotes that make it; or a "
            + "source article with its full text. An unknown id is an error that suggests the nearest ids." + Grounding,
            Schema.Object(
                [
                    ("type", Schema.Enum("The record's type.", LookupTypes.All)),
                    ("id", Schema.String("The record's id: stable kebab-case, e.g. dehydration.", minLength: 1, maxLength: RecordLookupValidator.MaxIdLength)),
                ],
                required: ["type", "id"]),
            (services, lookup) => LookUp(services, lookup.Type!, lookup.Id!)),

        new AgentTool<RelatedLookup, RelatedRecords>(json, GetRelated, "Get linked records",
            "The records linked to one record, each with the quotes that connect the two: for a cause its treatments, preventions or "
            + "red-flags; for a treatment its causes or cautions (red flags about using it); for a prevention or a red flag its causes; "
            + "for a red flag the treatments it is a caution about. An empty list means the articles link none: say so, do not fill the gap."
            + Grounding,
            Schema.Object(
                [
                    ("type", Schema.Enum("The record's type.", RecordKinds.All.Select(k => k.WireName()).ToList())),
                    ("id", Schema.String("The record's id, e.g. dehydration.", minLength: 1, maxLength: RecordLookupValidator.MaxIdLength)),
                    ("relation", Schema.Enum("Which linked records: " + string.Join("; ", Relations.All.Select(r => $"{r.From.WireName()} → {r.Name}: {r.Meaning}")) + ".",
                        Relations.All.Select(r => r.Name).Distinct().ToList())),
                ],
                required: ["type", "id", "relation"]),
            (services, lookup) => Related(services, lookup)),

        new AgentTool<RedFlagCheckRequest, RedFlagCheckResponse>(json, CheckRedFlags, "Check for red flags (when to see a doctor)",
            "Checks what a person says about their cramps against every red flag's rules, as POST /api/v1/red-flags/check does. Give their "
            + "words in `description` (free text, negation and time words such as \"I don't have swelling\" or \"most nights\" are understood) "
            + "and any answers you know. `seeDoctor` is none, unknown, soon or promptly. Show every match in `matches` (never drop one) with its "
            + "quotes. `unknown` means the description says something the check cannot assess (listed in `unassessed`), or a condition, medicine "
            + "or treatment you gave names nothing it knows (listed in `unrecognized`, with suggestions: ask the person and check again). Whenever the answer "
            + "has a `note` (always with unknown and none), tell it to the person, and never present unknown or none as an all-clear. " + RulesHint + Grounding,
            CheckSchema(),
            (services, request) =>
            {
                var answer = RedFlagCheckEndpoints.Answer(
                    request, services.GetRequiredService<RedFlagRuleBook>(), services.GetRequiredService<CheckVocabulary>(),
                    services.GetRequiredService<RecordDirectory>());
                services.GetRequiredService<KnowledgeMetrics>().RedFlagChecked(answer.SeeDoctor, KnowledgeMetrics.ViaMcp);
                return answer;
            }),

        new AgentTool<NoArguments, RedFlagRulesResponse>(json, ListRedFlagRules, "List the red-flag rules and questions to ask",
            "Every red flag's rules as " + CheckRedFlags + " applies them, the answers they test (with a label you can turn into a question "
            + "for the person), the seeDoctor levels and the words the check understands. Use it to know what to ask before a check.",
            Schema.Object([], required: []),
            (services, _) => RedFlagCheckEndpoints.Rules(services.GetRequiredService<RedFlagRuleBook>(), services.GetRequiredService<CheckVocabulary>())),
    ];

    private const string RulesHint = "The answers it tests, and what to ask about, are listed by " + ListRedFlagRules + ".";

    private static ToolAnswer<RecordLookupAnswer> LookUp(IServiceProvider services, string type, string id)
    {
        var snapshot = services.GetRequiredService<KnowledgeSnapshot>();
        var directory = services.GetRequiredService<RecordDirectory>();
        if (type == LookupTypes.Source)
        {
            return snapshot.FindSource(id) is { } source
                ? RecordLookupAnswer.For(type, source.Detail, AgentResources.SourceUri(id))
                : ToolAnswer<RecordLookupAnswer>.Failed(NotFound("source", id, directory.SuggestSources(id), $"{KnowledgeTools.Search} with types [source]"));
        }

        var kind = RecordKinds.FromWireName(type)!.Value;
        if (snapshot.FindRecord(kind, id) is not { } record)
        {
            return ToolAnswer<RecordLookupAnswer>.Failed(NotFound(type, id, directory.SuggestRecords(kind, id), KnowledgeTools.Search));
        }

        return RecordLookupAnswer.For(type, RecordDetails.Of(kind, record), AgentResources.RecordUri(kind, id));
    }

    private static ToolAnswer<RelatedRecords> Related(IServiceProvider services, RelatedLookup lookup)
    {
        var relation = Relations.Find(lookup.Type, lookup.Relation)!;
        var snapshot = services.GetRequiredService<KnowledgeSnapshot>();
        if (snapshot.FindRecord(relation.From, lookup.Id!) is not { } record)
        {
            var suggestions = services.GetRequiredService<RecordDirectory>().SuggestRecords(relation.From, lookup.Id!);
            return ToolAnswer<RelatedRecords>.Failed(NotFound(lookup.Type!, lookup.Id!, suggestions, KnowledgeTools.Search));
        }

        return RelatedListing.Answer(relation.From, record, relation.Link, relation.Outgoing);
    }

    private static string NotFound(string type, string id, IReadOnlyList<string> suggestions, string findWith) =>
        $"No {type} has the id '{id}'.{NearestTerms.DidYouMean(suggestions)} Ids come from {findWith}.";

    /// <summary>The check's arguments are the fields of the HTTP request body, with the same limits and choices.</summary>
    private static JsonObject CheckSchema()
    {
        var properties = new List<(string, JsonObject)>
        {
            ("description", Schema.String("What the person says about their cramps, in their own words.", minLength: 0,
                maxLength: RedFlagCheckRequestValidator.MaxDescriptionLength)),
        };
        foreach (var answer in CheckAnswers.All)
        {
            properties.Add((answer.Name, answer.Kind switch
            {
                CheckAnswerKind.Choice => Schema.Enum(answer.Description, answer.Values),
                CheckAnswerKind.YesNo => new JsonObject { ["type"] = "boolean", ["description"] = answer.Description },
                _ => Schema.Array(Schema.String("A word or name.", minLength: 1, maxLength: RedFlagCheckRequestValidator.MaxWordLength),
                    answer.Description, maxItems: RedFlagCheckRequestValidator.MaxWords),
            }));
        }

        return Schema.Object(properties, required: []);
    }
}

/// <summary>Small JSON Schema builders for the tools' input schemas, which state every limit the validators enforce.</summary>
internal static class Schema
{
    public static JsonObject Object(IEnumerable<(string Name, JsonObject Schema)> properties, IReadOnlyList<string> required)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }

        var result = new JsonObject { ["type"] = "object", ["properties"] = props, ["additionalProperties"] = false };
        if (required.Count > 0)
        {
            result["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        }

        return result;
    }

    public static JsonObject String(string description, int minLength, int maxLength) => new()
    {
        ["type"] = "string", ["description"] = description, ["minLength"] = minLength, ["maxLength"] = maxLength,
    };

    public static JsonObject Enum(string description, IReadOnlyList<string> values) => new()
    {
        ["type"] = "string", ["description"] = description, ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]),
    };

    public static JsonObject Integer(string description, int minimum, int maximum, int defaultValue) => new()
    {
        ["type"] = "integer", ["description"] = description, ["minimum"] = minimum, ["maximum"] = maximum, ["default"] = defaultValue,
    };

    public static JsonObject Array(JsonObject items, string description, int? maxItems = null)
    {
        var result = new JsonObject { ["type"] = "array", ["description"] = description, ["items"] = items };
        if (maxItems is { } max)
        {
            result["maxItems"] = max;
        }

        return result;
    }
}
