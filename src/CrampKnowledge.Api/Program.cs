using CrampKnowledge.Api.Data.Seeding;
using CrampKnowledge.Api.Endpoints;
using CrampKnowledge.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddKnowledgeBase();
builder.Services.AddProblemHandling();
builder.Services.AddValidators();
builder.Services.AddApiDocumentation();

var app = builder.Build();

app.UseProblemHandling();
app.UseApiDocumentation();

app.MapCatalogEndpoints();
app.MapCauseEndpoints();
app.MapTreatmentEndpoints();
app.MapPreventionEndpoints();
app.MapRedFlagEndpoints();
app.MapRedFlagCheckEndpoints();
app.MapSourceEndpoints();
app.MapGraphEndpoints();
app.MapConditionEndpoints();
app.MapSearchEndpoints();

try
{
    app.PrepareKnowledgeBase();
}
catch (SeedDataException e)
{
    // One line per problem and a non-zero exit: a deployment must not serve half-valid content.
    Console.Error.WriteLine(e.Message);
    return 1;
}

app.Run();
return 0;
