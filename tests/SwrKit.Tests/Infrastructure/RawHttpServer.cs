using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SwrKit.Tests.Infrastructure;

/// <summary>One request as it arrived on the socket, byte for byte.</summary>
public sealed record RawRequest(string Head, byte[] Body)
{
    public string RequestLine => Head.Split("\r\n")[0];

    public string Method => RequestLine.Split(' ')[0];

    public string Target => RequestLine.Split(' ')[1];

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Everything the client sent, as text.</summary>
    public string Text => Head + BodyText;

    public string? Header(string name) =>
        Head.Split("\r\n").Skip(1).Select(line => line.Split(':', 2)).Where(parts => parts.Length == 2 && parts[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1].Trim()).FirstOrDefault();
}

/// <summary>
/// An HTTP/1.1 server on a raw socket at 127.0.0.1, for what Kestrel will not do on purpose: a lying
/// <c>Content-Length</c>, headers followed by a stall, an endless body, a redirect to another listener, an echo. It
/// records every request as the bytes arrived and answers each
/// with the test's responder, which writes raw bytes to the connection. Every answer ends its connection (the canned
/// responses say <c>Connection: close</c>), so a lying <c>Content-Length</c> ends the body early.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RawRequest> _requests = new();
    private readonly Task _accepting;
    private int _connections;

    private RawHttpServer(Func<RawRequest, Stream, CancellationToken, Task> respond)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Respond = respond;
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Writes the answer to a request; the connection closes when it returns.</summary>
    public Func<RawRequest, Stream, CancellationToken, Task> Respond { get; set; }

    public IReadOnlyList<RawRequest> Requests => _requests.ToArray();

    /// <summary>TCP connections accepted, whether or not a request arrived on them.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public static RawHttpServer Start(Func<RawRequest, Stream, CancellationToken, Task> respond) => new(respond);

    public static RawHttpServer Start(string response) => new((_, stream, token) => Write(stream, response, token));

    public HttpClient CreateClient(TimeSpan? timeout = null) => new() { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    /// <summary>A whole response: status line, headers (Content-Length added when missing and a body is given), body.</summary>
    public static string Response(int status, string? body = null, params string[] headers)
    {
        var text = new StringBuilder($"HTTP/1.1 {status} Status\r\n");
        foreach (var header in headers)
        {
            text.Append(header).Append("\r\n");
        }

        if (!headers.Any(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)))
        {
            text.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body ?? "")).Append("\r\n");
        }

        return text.Append("Connection: close\r\n\r\n").Append(body).ToString();
    }

    public static async Task Write(Stream stream, string text, CancellationToken token)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), token);
        await stream.FlushAsync(token);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using var _ = connection;
        var stream = connection.GetStream();
        try
        {
            if (await ReadRequestAsync(stream, _stop.Token) is { } request)
            {
                _requests.Enqueue(request);
                await Respond(request, stream, _stop.Token);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The client hung up (it gave up on a stalled or oversized answer): nothing to record.
        }
    }

    private static async Task<RawRequest?> ReadRequestAsync(Stream stream, CancellationToken token)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer))
        {
            if (await stream.ReadAsync(one, token) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
        }

        var head = Encoding.Latin1.GetString(buffer.ToArray());
        var request = new RawRequest(head, []);
        var length = int.TryParse(request.Header("Content-Length"), out var declared) ? declared : 0;
        var body = new byte[length];
        for (var read = 0; read < length;)
        {
            var n = await stream.ReadAsync(body.AsMemory(read), token);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return request with { Body = body };
    }

    private static bool EndsWithBlankLine(List<byte> buffer) =>
        buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n';

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
