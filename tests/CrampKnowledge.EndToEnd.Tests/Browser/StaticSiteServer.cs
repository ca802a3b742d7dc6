using System.Net;
using System.Text;

namespace CrampKnowledge.EndToEnd.Tests.Browser;

/// <summary>
/// A second origin on 127.0.0.1 (another port than the API): serves fixed HTML pages with a
/// Content-Security-Policy, the way a clinic's own website would embed the widget.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, string> _pages;
    private readonly string _policy;
    private readonly Task _serving;

    /// <param name="pages">HTML by path ("/module").</param>
    /// <param name="contentSecurityPolicy">Sent with every page.</param>
    public StaticSiteServer(IReadOnlyDictionary<string, string> pages, string contentSecurityPolicy)
    {
        _pages = pages;
        _policy = contentSecurityPolicy;
        BaseAddress = new Uri($"http://127.0.0.1:{ApiProcess.FreePort()}");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri BaseAddress { get; }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            if (_pages.TryGetValue(context.Request.Url!.AbsolutePath, out var html))
            {
                var body = Encoding.UTF8.GetBytes(html);
                response.ContentType = "text/html; charset=utf-8";
                response.Headers["Content-Security-Policy"] = _policy;
                response.ContentLength64 = body.Length;
                await response.OutputStream.WriteAsync(body);
            }
            else
            {
                response.StatusCode = (int)HttpStatusCode.NotFound;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone, not Stop and then Close: on Linux, Stop releases the port's listener and Close then asks for it again,
        // binding the port anew, which failed once with "Address already in use" (a fresh clone's run of 2026-12-08).
        _listener.Close();
        await _serving;
    }
}
