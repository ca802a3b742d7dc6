// An MCP session with the official TypeScript SDK, for the end-to-end tests (McpClientTests.cs).
// Usage: node session.mjs <mcp-url> <plan.json>
// The plan says what to ask: { origin?, calls: [{ tool, arguments }], reads: [uri], prompt: { name, arguments } }.
// Prints one JSON document with everything the server answered; errors are recorded, not thrown.
// The assertions live in C#: this script only speaks the protocol as another implementation does.
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, planFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, "utf8"));
const headers = plan.origin ? { Origin: plan.origin } : {};

const outcome = async (action) => {
  try {
    return { ok: await action() };
  } catch (error) {
    return { error: { code: error?.code ?? null, message: String(error?.message ?? error) } };
  }
};

const client = new Client({ name: "crampknowledge-e2e-typescript", version: "1.0.0" });
const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
const connected = await outcome(() => client.connect(transport));
const report = { connected };
if (!connected.error) {
  report.server = client.getServerVersion();
  report.instructions = client.getInstructions();
  report.tools = await outcome(async () => (await client.listTools()).tools);
  report.resources = await outcome(async () => (await client.listResources()).resources);
  report.resourceTemplates = await outcome(async () => (await client.listResourceTemplates()).resourceTemplates);
  report.prompts = await outcome(async () => (await client.listPrompts()).prompts);
  report.prompt = await outcome(() => client.getPrompt(plan.prompt));
  report.calls = [];
  for (const call of plan.calls ?? []) {
    report.calls.push(await outcome(() => client.callTool({ name: call.tool, arguments: call.arguments })));
  }

  report.reads = [];
  for (const uri of plan.reads ?? []) {
    report.reads.push(await outcome(() => client.readResource({ uri })));
  }

  await client.close();
}

process.stdout.write(JSON.stringify(report));
