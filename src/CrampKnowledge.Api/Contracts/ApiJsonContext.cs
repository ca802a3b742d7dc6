using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrampKnowledge.Api.Contracts;

/// <summary>
/// Metadata for every contract, generated at compile time: the serializer then neither reflects over the
/// records nor builds their contracts when the first request arrives. It is first in the app's JSON options
/// (ResponseJsonSetup), so every answer (<c>JsonOk</c>) and body binding use it. Metadata only: the generated
/// fast-path writers require a null encoder, and the app's options escape with ASP.NET Core's relaxed encoder
/// (non-ASCII text as is), which the bodies keep.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ApiIndex))]
[JsonSerializable(typeof(CategoriesResponse))]
[JsonSerializable(typeof(PagedResponse<RecordSummary>))]
[JsonSerializable(typeof(PagedResponse<SourceSummary>))]
[JsonSerializable(typeof(CauseDetail))]
[JsonSerializable(typeof(TreatmentDetail))]
[JsonSerializable(typeof(PreventionDetail))]
[JsonSerializable(typeof(RedFlagDetail))]
[JsonSerializable(typeof(SourceDetail))]
[JsonSerializable(typeof(RelatedRecords))]
[JsonSerializable(typeof(KnowledgeGraph))]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(RedFlagCheckRequest))]
[JsonSerializable(typeof(RedFlagCheckResponse))]
[JsonSerializable(typeof(RedFlagRulesResponse))]
[JsonSerializable(typeof(SearchQuery))]
[JsonSerializable(typeof(Mcp.RecordLookup))]
[JsonSerializable(typeof(Mcp.RelatedLookup))]
[JsonSerializable(typeof(Mcp.NoArguments))]
[JsonSerializable(typeof(Mcp.RecordLookupAnswer))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
