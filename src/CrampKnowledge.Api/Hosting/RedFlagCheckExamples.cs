using System.Text.Json.Nodes;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.RedFlagChecks;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Documents the red-flag check's body from the answer list the check itself uses (descriptions and
/// allowed values), gives it a working example, and gives the match records red-flag examples instead
/// of the cause examples <see cref="SchemaExamples"/> puts on every <c>id</c> and <c>name</c>.
/// </summary>
internal sealed class RedFlagCheckExamples : ISchemaFilter
{
    /// <summary>The done-when case; Swagger UI's "Try it out" sends it as is.</summary>
    public static JsonObject RequestExample() => new()
    {
        ["description"] = "I get cramps several times a week and my legs hurt when I walk",
        ["frequency"] = "often",
        ["severity"] = "moderate",
        ["painWhenWalking"] = true,
        ["conditions"] = new JsonArray("diabetes"),
        ["medications"] = new JsonArray("water pills"),
    };

    /// <summary>The first uncovered case, and the answer the check gives it (a test posts it and compares).</summary>
    public const string UnknownDescription = "my leg is swollen, red and hot and cramps";

    /// <summary>An answer with seeDoctor unknown: what a check says about signs no rule can assess.</summary>
    public static JsonObject UnknownResponseExample() => new()
    {
        ["seeDoctor"] = SeeDoctorLevels.Unknown,
        ["unassessed"] = new JsonArray("swollen", "red", "hot"),
        ["note"] = SeeDoctorLevels.UnassessedNote,
        ["matches"] = new JsonArray(),
        ["recognized"] = new JsonArray(),
        ["unrecognized"] = new JsonArray(),
        ["checkedRedFlags"] = 10,
        ["disclaimer"] = Disclaimer.Text,
    };

    private static readonly Dictionary<Type, Dictionary<string, Func<JsonNode>>> PropertyExamples = new()
    {
        [typeof(RedFlagMatch)] = new()
        {
            ["id"] = () => JsonValue.Create("leg-pain-while-walking"),
            ["name"] = () => JsonValue.Create("Leg pain while walking from reduced blood flow"),
            ["summary"] = () => JsonValue.Create("Pain in the legs on walking can come from a poor blood supply, frequently due to atherosclerosis."),
            ["urgency"] = () => JsonValue.Create("see-doctor"),
            ["seeDoctor"] = () => JsonValue.Create(SeeDoctorLevels.Soon),
        },
        [typeof(RedFlagReason)] = new()
        {
            ["text"] = () => JsonValue.Create("The description says “legs hurt when I walk”."),
            ["phrases"] = () => new JsonArray("legs hurt when I walk"),
            ["seeDoctor"] = () => JsonValue.Create(SeeDoctorLevels.Soon),
            ["trigger"] = () => JsonValue.Create(2),
        },
        [typeof(GivenAnswer)] = new()
        {
            ["answer"] = () => JsonValue.Create(CheckAnswers.Conditions),
            ["value"] = () => JsonValue.Create("kidney-failure"),
            ["word"] = () => JsonValue.Create("kidney disease"),
            ["name"] = () => JsonValue.Create("Kidney failure"),
        },
        [typeof(RedFlagCheckResponse)] = new()
        {
            ["seeDoctor"] = () => JsonValue.Create(SeeDoctorLevels.Unknown),
            ["unassessed"] = () => new JsonArray("swollen", "red", "hot"),
            ["note"] = () => JsonValue.Create(SeeDoctorLevels.UnassessedNote),
            ["checkedRedFlags"] = () => JsonValue.Create(10),
        },
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null)
        {
            return;
        }

        if (context.Type == typeof(RedFlagCheckRequest))
        {
            DescribeRequest(concrete);
        }
        else if (PropertyExamples.TryGetValue(context.Type, out var examples))
        {
            if (context.Type == typeof(RedFlagCheckResponse))
            {
                concrete.Examples = [UnknownResponseExample()];
                if (concrete.Properties.TryGetValue("seeDoctor", out var level) && level is OpenApiSchema seeDoctor)
                {
                    seeDoctor.Enum = [.. SeeDoctorLevels.All.Select(l => (JsonNode)JsonValue.Create(l))];
                }
            }

            foreach (var (name, example) in examples)
            {
                if (concrete.Properties.TryGetValue(name, out var property) && property is OpenApiSchema target)
                {
                    target.Examples = [example()];
                }
            }
        }
    }

    private static void DescribeRequest(OpenApiSchema schema)
    {
        schema.Examples = [RequestExample()];
        foreach (var (name, property) in schema.Properties!)
        {
            if (property is not OpenApiSchema target)
            {
                continue;
            }

            if (name == "description")
            {
                target.Description = $"What the person says, in their words (up to {RedFlagCheckRequestValidator.MaxDescriptionLength:N0} characters).";
                target.MaxLength = RedFlagCheckRequestValidator.MaxDescriptionLength;
            }
            else if (CheckAnswers.Find(name) is { } answer)
            {
                target.Description = answer.Description;
                if (answer.Kind == CheckAnswerKind.Choice)
                {
                    target.Enum = [.. answer.Values.Select(v => (JsonNode)JsonValue.Create(v))];
                }
            }
        }

        var example = RequestExample();
        foreach (var (name, property) in schema.Properties)
        {
            if (property is OpenApiSchema target && example.TryGetPropertyValue(name, out var value) && value is not null)
            {
                target.Examples = [value.DeepClone()];
            }
        }
    }
}
