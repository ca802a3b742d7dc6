using System.Text.Json;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Endpoints;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace CrampKnowledge.Api.Mcp;

/// <summary>
/// Every record and source article as an MCP resource. URIs are stable and mirror the HTTP API's paths:
/// <c>crampknowledge://causes/dehydration</c> is the JSON of <c>GET /api/v1/causes/dehydration</c>, and
/// <c>crampknowledge://sources/{id}</c> is the article's text exactly as the seed document has it.
/// </summary>
internal static class AgentResources
{
    public const string Scheme = "crampknowledge";

    public static string RecordUri(RecordKind kind, string id) => $"{Scheme}://{kind.PluralName()}/{id}";

    public static string SourceUri(string id) => $"{Scheme}://sources/{id}";

    /// <summary>One template per record kind and one for the articles; resources/list names every concrete resource.</summary>
    public static IEnumerable<McpServerResource> Templates(JsonSerializerOptions json) =>
        [.. RecordKinds.All.Select(kind => (McpServerResource)new RecordResource(kind, json)), new SourceResource()];

    public static ValueTask<ListResourcesResult> List(RequestContext<ListResourcesRequestParams> request, CancellationToken _)
    {
        var snapshot = request.Services!.GetRequiredService<KnowledgeSnapshot>();
        var resources = new List<Resource>();
        foreach (var kind in RecordKinds.All)
        {
            resources.AddRange(snapshot.RecordsOf(kind).Select(r => new Resource
            {
                Uri = RecordUri(kind, r.Id), Name = $"{kind.WireName()}/{r.Id}", Title = r.Name, Description = r.Summary, MimeType = "application/json",
            }));
        }

        resources.AddRange(snapshot.SourcesIn("name").Select(s => new Resource
        {
            Uri = SourceUri(s.Id), Name = $"source/{s.Id}", Title = s.Detail.Name, Description = $"The article's full text, unedited. {s.Row.Summary}",
            MimeType = "text/plain", Size = System.Text.Encoding.UTF8.GetByteCount(s.Detail.Text),
        }));
        return ValueTask.FromResult(new ListResourcesResult { Resources = resources });
    }

    /// <summary>The id in <c>crampknowledge://{segment}/{id}</c>, or null when the URI is not of that form.</summary>
    internal static string? IdIn(string uri, string segment)
    {
        var prefix = $"{Scheme}://{segment}/";
        if (!uri.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = Uri.UnescapeDataString(uri[prefix.Length..]);
        return id.Length > 0 && !id.Contains('/') ? id : null;
    }

    /// <summary>
    /// The error the SDK itself gives for a URI no resource matches, with what we know besides: -32002 up to protocol
    /// 2025-11-25, -32602 from 2026-07-28 (whose rule the SDK keeps internal, so it is repeated here).
    /// </summary>
    internal static McpProtocolException NotFound(McpServer server, string uri, string detail) =>
        new($"Resource not found: {uri}. {detail}",
            string.CompareOrdinal(server.NegotiatedProtocolVersion, "2026-07-28") >= 0 ? McpErrorCode.InvalidParams : McpErrorCode.ResourceNotFound);

    private sealed class RecordResource(RecordKind kind, JsonSerializerOptions json) : McpServerResource
    {
        public override ResourceTemplate ProtocolResourceTemplate { get; } = new()
        {
            UriTemplate = $"{Scheme}://{kind.PluralName()}/{{id}}",
            Name = kind.PluralName(),
            Title = $"A {kind.WireName()} with its quotes and links",
            Description = $"The {kind.WireName()} as GET /api/v1/{kind.PluralName()}/{{id}} answers it: summary, every citation (verbatim quote, "
                + "article, certainty), disputed points and linked records with the quotes that link them.",
            MimeType = "application/json",
        };

        public override IReadOnlyList<object> Metadata => [];

        public override bool IsMatch(string uri) => IdIn(uri, kind.PluralName()) is not null;

        public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken)
        {
            var uri = request.Params!.Uri;
            var id = IdIn(uri, kind.PluralName())!;
            var services = request.Services!;
            if (services.GetRequiredService<KnowledgeSnapshot>().FindRecord(kind, id) is not { } record)
            {
                var suggestions = services.GetRequiredService<RecordDirectory>().SuggestRecords(kind, id);
                throw NotFound(request.Server, uri, $"No {kind.WireName()} has the id '{id}'." + NearestTerms.DidYouMean(suggestions, ""));
            }

            var detail = RecordDetails.Of(kind, record);
            var text = JsonSerializer.Serialize(detail, json.GetTypeInfo(detail.GetType()));
            return ValueTask.FromResult(new ReadResourceResult
            {
                Contents = [new TextResourceContents { Uri = uri, MimeType = "application/json", Text = text }],
            });
        }
    }

    private sealed class SourceResource : McpServerResource
    {
        public override ResourceTemplate ProtocolResourceTemplate { get; } = new()
        {
            UriTemplate = $"{Scheme}://sources/{{id}}",
            Name = "sources",
            Title = "A source article's full text",
            Description = "One of the articles every quote comes from, exactly as published in seed-data (unedited). "
                + "Its metadata and the records citing it: GET /api/v1/sources/{id} or the get_record tool.",
            MimeType = "text/plain",
        };

        public override IReadOnlyList<object> Metadata => [];

        public override bool IsMatch(string uri) => IdIn(uri, "sources") is not null;

        public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken)
        {
            var uri = request.Params!.Uri;
            var id = IdIn(uri, "sources")!;
            var services = request.Services!;
            if (services.GetRequiredService<KnowledgeSnapshot>().FindSource(id) is not { } source)
            {
                var suggestions = services.GetRequiredService<RecordDirectory>().SuggestSources(id);
                throw NotFound(request.Server, uri, $"No source has the id '{id}'." + NearestTerms.DidYouMean(suggestions, ""));
            }

            return ValueTask.FromResult(new ReadResourceResult
            {
                Contents = [new TextResourceContents { Uri = uri, MimeType = "text/plain", Text = source.Detail.Text }],
            });
        }
    }
}
