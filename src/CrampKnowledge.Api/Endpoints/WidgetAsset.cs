using System.Security.Cryptography;
using CrampKnowledge.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>
/// One widget file, embedded in the assembly so it ships wherever the API does (publish folder,
/// container image), with a strong ETag taken from its bytes.
/// </summary>
internal sealed class WidgetAsset
{
    private readonly byte[] _content;
    private readonly string _contentType;
    private readonly string _hash;

    private WidgetAsset(byte[] content, string contentType)
    {
        _content = content;
        _contentType = contentType;
        _hash = Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16));
    }

    public static WidgetAsset Load(string fileName, string contentType)
    {
        var name = $"Widget/{fileName}";
        using var stream = typeof(WidgetAsset).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded widget file '{name}' is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new WidgetAsset(copy.ToArray(), contentType);
    }

    /// <summary>
    /// The file with its ETag (a 304 when <c>If-None-Match</c> matches). Like the API's tags, the tag
    /// names the content coding too, since gzip, br and identity bodies differ byte for byte.
    /// </summary>
    public FileContentHttpResult Serve(HttpContext context, int maxAgeSeconds)
    {
        var coding = ConditionalGetMiddleware.ChosenEncoding(context.Request.Headers.AcceptEncoding);
        context.Response.Headers.CacheControl = $"public, max-age={maxAgeSeconds}";
        return TypedResults.Bytes(_content, _contentType, entityTag: new EntityTagHeaderValue($"\"{_hash}-{coding}\""));
    }
}
