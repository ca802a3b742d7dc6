using System.Net.Sockets;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Sends a <see cref="RawRequest"/> over its own TCP connection and reads the answer until the server
/// closes it. No HTTP library sits in between, so nothing is normalised, re-encoded or refused
/// before it reaches Kestrel.
/// </summary>
public sealed class RawHttpClient(Uri baseAddress)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public string Host { get; } = baseAddress.Authority;

    public async Task<RawResponse> SendAsync(RawRequest request, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, timeout.Token);
        var stream = tcp.GetStream();

        // Read while writing: the server may answer (413) and close before it has read a large body.
        var reading = ReadToEndAsync(stream, timeout.Token);
        try
        {
            await stream.WriteAsync(request.ToBytes(Host), timeout.Token);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            // The answer, if any, is already on its way; reading it is what counts.
        }

        var raw = await reading;
        return raw.Length == 0
            ? throw new IOException("The server closed the connection without answering.")
            : RawResponse.Parse(raw);
    }

    /// <summary>Sends <paramref name="request"/> exactly as written (malformed on purpose, if need be) and reads the answer.</summary>
    public static async Task<RawResponse> SendTextAsync(Uri address, string request)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(address.Host, address.Port, timeout.Token);
        var stream = tcp.GetStream();
        var reading = ReadToEndAsync(stream, timeout.Token);
        try
        {
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request), timeout.Token);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            // Refused before the whole request was read: the answer is on its way.
        }

        return RawResponse.Parse(await reading);
    }

    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after a complete answer (the server did not read our whole body) loses nothing we need.
        }

        return received.ToArray();
    }
}
