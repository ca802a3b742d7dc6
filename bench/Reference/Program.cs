using System.Globalization;
using Microsoft.Extensions.Primitives;

// The framework's ceiling: Kestrel, routing and a handler that writes bytes the API produced
// earlier in the same run, so each measured endpoint has a reference of exactly its size and type.
// No middleware, no logging. bench/run.sh writes the bodies and a manifest to --bodies.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var folder = app.Configuration["bodies"] ?? throw new InvalidOperationException("Pass --bodies <folder>.");

// manifest.tsv: name, status, content type, content encoding ("-" for none). The body is <folder>/<name>.
foreach (var line in File.ReadAllLines(Path.Combine(folder, "manifest.tsv")))
{
    var fields = line.Split('\t');
    var status = int.Parse(fields[1], CultureInfo.InvariantCulture);
    var body = status == StatusCodes.Status304NotModified ? [] : File.ReadAllBytes(Path.Combine(folder, fields[0]));
    var contentType = fields[2];
    var contentEncoding = fields[3] == "-" ? StringValues.Empty : new StringValues(fields[3]);
    app.MapMethods("/" + fields[0], [HttpMethods.Get, HttpMethods.Post], context =>
    {
        var response = context.Response;
        response.StatusCode = status;
        if (status == StatusCodes.Status304NotModified)
        {
            return Task.CompletedTask;
        }

        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!StringValues.IsNullOrEmpty(contentEncoding))
        {
            response.Headers.ContentEncoding = contentEncoding;
        }

        return response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    });
}

app.Run();
