using CrampKnowledge.Api.Data.Queries;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// The schema of the JSON-LD answers (<c>/api/v1/condition</c>, <c>.jsonld</c>): schema.org markup built as a JSON tree,
/// which Swashbuckle would describe as the .NET <c>JsonObject</c> class (<c>options</c>, <c>parent</c>, <c>root</c>).
/// This states what the document is: a MedicalWebPage whose <c>mainEntity</c> is the MedicalCondition.
/// </summary>
internal sealed class JsonLdSchemaDocumentation : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId is not ("GetCondition" or "GetConditionJsonLd")
            || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response)
        {
            return;
        }

        response.Content = new Dictionary<string, IOpenApiMediaType> { [ConditionMarkup.MediaType] = new OpenApiMediaType { Schema = MedicalWebPage() } };
    }

    private static OpenApiSchema MedicalWebPage() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "schema.org JSON-LD: a MedicalWebPage about leg and foot cramps. Other schema.org properties may appear.",
        Required = new HashSet<string> { "@context", "@type", "mainEntity", "disclaimer" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["@context"] = new OpenApiSchema { Description = "The JSON-LD context: schema.org, with the terms it adds." },
            ["@type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "MedicalWebPage" },
            ["@id"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["name"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["description"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["disclaimer"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["mainEntity"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The MedicalCondition: cause, possibleTreatment, primaryPrevention, signOrSymptom.",
                Required = new HashSet<string> { "@type", "name" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["@type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "MedicalCondition" },
                    ["name"] = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            },
        },
    };
}
