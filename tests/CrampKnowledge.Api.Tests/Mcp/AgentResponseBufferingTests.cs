using System.Net;
using System.Text;
using CrampKnowledge.Api.Mcp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CrampKnowledge.Api.Tests.Mcp;

/// <summary>An MCP answer goes out in one write with a Content-Length; one too big to hold streams; a failed one sends nothing.</summary>
public sealed class AgentResponseBufferingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AToolCallIsAnsweredWithAContentLengthNotChunks()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_knowledge","arguments":{"q":"night cramps"}}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.StartsWith("event: message\ndata: {", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASmallAnswerIsWrittenOnceWhenTheHandlerReturns()
    {
        var (context, sent) = NewContext();
        var writesBeforeReturn = -1;
        var middleware = new AgentResponseBuffering(async c =>
        {
            await c.Response.Body.WriteAsync("event: message\n"u8.ToArray());
            await c.Response.Body.FlushAsync();
            await c.Response.BodyWriter.WriteAsync("data: {}\n\n"u8.ToArray());
            writesBeforeReturn = sent.Writes;
        });

        await middleware.InvokeAsync(context);

        Assert.Equal(0, writesBeforeReturn);
        Assert.Equal(1, sent.Writes);
        Assert.Equal("event: message\ndata: {}\n\n", Encoding.UTF8.GetString(sent.ToArray()));
        Assert.Equal(sent.Length, context.Response.ContentLength);
    }

    [Fact]
    public async Task AnAnswerTooBigToHoldStreamsInOrderWithoutAContentLength()
    {
        var (context, sent) = NewContext();
        var chunk = Enumerable.Range(0, 64 * 1024).Select(i => (byte)('a' + (i % 26))).ToArray();
        var expected = new MemoryStream();
        var middleware = new AgentResponseBuffering(async c =>
        {
            for (var i = 0; i < 6; i++)
            {
                chunk[0] = (byte)('0' + i);
                await c.Response.Body.WriteAsync(chunk);
                expected.Write(chunk);
                await c.Response.Body.FlushAsync();
            }
        });

        await middleware.InvokeAsync(context);

        Assert.True(6 * chunk.Length > AgentResponseBuffering.MaxHeldBytes);
        Assert.Equal(expected.ToArray(), sent.ToArray());
        Assert.Null(context.Response.ContentLength);
    }

    [Fact]
    public async Task NothingHeldIsSentWhenTheHandlerThrows()
    {
        var (context, sent) = NewContext();
        var middleware = new AgentResponseBuffering(async c =>
        {
            await c.Response.Body.WriteAsync("event: message\n"u8.ToArray());
            throw new InvalidOperationException("handler failed");
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.InvokeAsync(context));

        Assert.Equal(0, sent.Length);
        Assert.Same(sent, context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().Stream);
    }

    private static (DefaultHttpContext Context, CountingStream Sent) NewContext()
    {
        var sent = new CountingStream();
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(sent));
        return (context, sent);
    }

    /// <summary>The connection: counts the writes that reach it.</summary>
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            // MemoryStream's own array overload: its span overload would come back through Write above for a subclass.
            base.Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
