using System.Globalization;

namespace CrampKnowledge.Api.Tests;

internal static class ResponseLength
{
    /// <summary>
    /// The Content-Length the server sent, or null when it sent none. <c>Content.Headers.ContentLength</c> cannot
    /// tell: for a body the test client holds whole, it computes the length when the header is missing.
    /// </summary>
    public static long? SentContentLength(this HttpResponseMessage response) =>
        response.Content.Headers.NonValidated.TryGetValues("Content-Length", out var values)
            ? long.Parse(values.ToString(), CultureInfo.InvariantCulture)
            : null;
}
