using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CrampKnowledge.Api.Hosting;
using FluentValidation;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace CrampKnowledge.Api.Mcp;

/// <summary>What a tool answers: the HTTP API's answer to the same question, or why there is none.</summary>
internal readonly record struct ToolAnswer<TResult>(TResult? Value, string? Problem)
{
    public static implicit operator ToolAnswer<TResult>(TResult value) => new(value, null);

    /// <summary>A question the knowledge base cannot answer as asked (an unknown id): the model reads why and can ask again.</summary>
    public static ToolAnswer<TResult> Failed(string problem) => new(default, problem);
}

/// <summary>
/// A read-only tool whose arguments are one of the HTTP API's request contracts: bound by System.Text.Json with the API's
/// options and checked by the same FluentValidation validator, so a tool and its endpoint cannot disagree about what is valid.
/// The SDK's attribute tools bind each parameter on its own and report a bad one as a generic "An error occurred invoking"
/// result; arguments that break the input schema are instead a JSON-RPC error (-32602) naming each argument.
/// </summary>
internal sealed class AgentTool<TArgs, TResult> : McpServerTool where TArgs : class
{
    private readonly Func<IServiceProvider, TArgs, ToolAnswer<TResult>> _answer;
    private readonly JsonTypeInfo<TArgs> _argumentsJson;
    private readonly JsonTypeInfo<TResult> _resultJson;
    private readonly HashSet<string> _arguments;
    private readonly HashSet<string> _required;

    /// <param name="json">The HTTP API's JSON options (camelCase, the contracts' generated metadata, relaxed escaping).</param>
    public AgentTool(
        JsonSerializerOptions json, string name, string title, string description, JsonObject inputSchema,
        Func<IServiceProvider, TArgs, ToolAnswer<TResult>> answer)
    {
        _answer = answer;
        _argumentsJson = (JsonTypeInfo<TArgs>)json.GetTypeInfo(typeof(TArgs));
        _resultJson = (JsonTypeInfo<TResult>)json.GetTypeInfo(typeof(TResult));
        _arguments = inputSchema["properties"] is JsonObject properties ? [.. properties.Select(p => p.Key)] : [];
        _required = inputSchema["required"] is JsonArray required ? [.. required.Select(r => r!.GetValue<string>())] : [];
        ProtocolTool = new Tool
        {
            Name = name,
            Title = title,
            Description = description,
            InputSchema = JsonSerializer.SerializeToElement(inputSchema, McpJsonUtilities.DefaultOptions),
            OutputSchema = AIJsonUtilities.CreateJsonSchema(typeof(TResult), serializerOptions: json, inferenceOptions: OutputSchemaOptions),
            Annotations = new ToolAnnotations { Title = title, ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false },
        };
    }

    /// <summary>
    /// A member is required exactly when the answer always has it. The generated schema requires every constructor
    /// parameter, also those left out when null (<c>JsonIgnoreCondition.WhenWritingNull</c>, e.g. a red flag's
    /// <c>urgency</c> on other hits), and clients that check structured content against the schema refused such
    /// answers (the TypeScript SDK: "data/hits/0 must have required property 'urgency'").
    /// </summary>
    private static readonly AIJsonSchemaCreateOptions OutputSchemaOptions = new()
    {
        TransformSchemaNode = (context, node) =>
        {
            if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && node is JsonObject schema
                && schema["properties"] is JsonObject)
            {
                var always = context.TypeInfo.Properties.Where(p => p.Get is not null && !IsLeftOutWhenEmpty(p)).Select(p => (JsonNode)p.Name).ToArray();
                schema.Remove("required");
                if (always.Length > 0)
                {
                    schema["required"] = new JsonArray(always);
                }
            }

            return node;
        },
    };

    private static bool IsLeftOutWhenEmpty(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true).OfType<JsonIgnoreAttribute>()
            .Any(a => a.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault) == true;

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata => [];

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var services = request.Services ?? throw new InvalidOperationException("The MCP request has no services.");
        var arguments = Bind(request.Params?.Arguments);
        // As the HTTP filter does: the usual valid question costs no rule objects (IPlainlyValid), others get the rules' messages.
        if (services.GetService<IValidator<TArgs>>() is { } validator
            && !(validator is IPlainlyValid<TArgs> plain && plain.IsPlainlyValid(arguments))
            && validator.Validate(arguments) is { IsValid: false } outcome)
        {
            // Property names are C# names; the arguments are their camelCase, as in the HTTP API's 400s.
            throw InvalidArguments(outcome.Errors.Select(e => Naming(JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName), e.ErrorMessage)).Distinct());
        }

        var answer = _answer(services, arguments);
        if (answer.Problem is { } problem)
        {
            return ValueTask.FromResult(new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = problem }] });
        }

        // Serialized once: the structured content and, for clients that read only text, the same JSON as text
        // (the specification's advice for backwards compatibility).
        var json = JsonSerializer.SerializeToUtf8Bytes(answer.Value!, _resultJson);
        return ValueTask.FromResult(new CallToolResult
        {
            StructuredContent = JsonDocument.Parse(json).RootElement,
            Content = [new TextContentBlock { Text = Encoding.UTF8.GetString(json) }],
        });
    }

    private TArgs Bind(IDictionary<string, JsonElement>? given)
    {
        given ??= new Dictionary<string, JsonElement>();
        var problems = new List<string>();
        problems.AddRange(given.Keys.Where(k => !_arguments.Contains(k)).Select(k =>
            $"'{k}' is not an argument of {ProtocolTool.Name}; it takes {(_arguments.Count == 0 ? "none" : string.Join(", ", _arguments.Order()))}."));
        problems.AddRange(_required.Where(r => !given.ContainsKey(r)).Select(r => $"'{r}' is required."));
        if (problems.Count > 0)
        {
            throw InvalidArguments(problems);
        }

        // The arguments as one JSON object, read as the contract: the HTTP API's binding of the same body.
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in given)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        try
        {
            return JsonSerializer.Deserialize(buffer.WrittenSpan, _argumentsJson) ?? throw InvalidArguments(["the arguments must be an object."]);
        }
        catch (JsonException e)
        {
            // Path is "$.limit" or "$.conditions[0]": the argument is its first segment.
            var argument = e.Path is { Length: > 2 } path ? path[2..].Split('[', '.')[0] : "arguments";
            throw InvalidArguments([$"'{argument}' has the wrong type; the tool's input schema gives the type of each argument."]);
        }
    }

    /// <summary>Most of FluentValidation's messages name the argument ("'limit' must be between..."); the others get it in front.</summary>
    private static string Naming(string argument, string message) =>
        message.Contains(argument, StringComparison.Ordinal) ? message : $"'{argument}': {message}";

    private McpProtocolException InvalidArguments(IEnumerable<string> problems) =>
        new($"Invalid arguments for {ProtocolTool.Name}: {string.Join(" ", problems)}", McpErrorCode.InvalidParams);
}
