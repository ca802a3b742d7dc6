using System.Net.Sockets;
using CrampKnowledge.Api.Data.Seeding;
using CrampKnowledge.Api.Endpoints;
using CrampKnowledge.Api.Hosting;
using CrampKnowledge.Api.Mcp;
using CrampKnowledge.Api.Telemetry;
using Microsoft.AspNetCore.Connections;

var builder = SlimHost.CreateBuilder(args);

builder.AddKnowledgeBase();
builder.AddHttpBehaviour();
builder.Services.AddResponseJson();
builder.Services.AddProblemHandling();
builder.Services.AddValidators();
builder.Services.AddApiDocumentation();
builder.Services.AddKnowledgeHealthChecks();
builder.AddAgentServer();
builder.AddTelemetry();

var app = builder.Build();

// The knowledge base needs only configuration, so it loads while the pipeline and the endpoints are set up.
var knowledgeBase = Task.Run(app.PrepareKnowledgeBase);

app.UseKnowledgeBaseGate(knowledgeBase);
app.UseHttpBehaviour();
app.UseApiDocumentation();

app.MapHealthEndpoints();
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
app.MapWidgetEndpoints();
app.MapAgentServer();
app.MapTelemetry();

// Container images build the database at image build time, so every replica ships the same file.
var buildOnly = args.Contains("--build-database");
try
{
    // Kestrel starts listening while the knowledge base loads (about 70 ms of the cold start); the gate holds requests
    // until it has loaded.
    if (!buildOnly)
    {
        await app.StartAsync();
    }

    await knowledgeBase;
}
catch (Exception e) when (e is SeedDataException or KnowledgeDatabaseException)
{
    // One line per problem and a non-zero exit: a deployment must not serve half-valid content. Requests held by the
    // gate get 503 as the server stops.
    Console.Error.WriteLine(e.Message);
    if (!buildOnly)
    {
        await app.StopAsync();
    }

    return 1;
}
catch (IOException e) when (ExpectedFailureLogFilter.IsBindFailure(e))
{
    // A port taken or not allowed is an operator's problem: one line names the address, no stack trace.
    Console.Error.WriteLine(e.InnerException is AddressInUseException ? e.Message : $"{e.Message} {e.InnerException!.Message}");
    return 1;
}

if (buildOnly)
{
    // Disposing flushes the console logger's queue: without it the process can exit before "Built …" is written.
    await app.DisposeAsync();
    return 0;
}

await app.WaitForShutdownAsync();
return 0;
