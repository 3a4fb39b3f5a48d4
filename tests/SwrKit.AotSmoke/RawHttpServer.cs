using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SwrKit.AotSmoke;

/// <summary>One request as the server received it.</summary>
internal sealed record ReceivedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>The answer to a request: status and JSON body (empty for none).</summary>
internal sealed record Reply(int Status, string Json = "");

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 over a raw socket: nothing in it needs reflection, so it runs in the
/// same trimmed or Native AOT process as the client it checks. Keep-alive, Content-Length bodies only (what
/// HttpClient sends for SwrKit's byte-array bodies).
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ReceivedRequest, Reply> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public RawHttpServer(Func<ReceivedRequest, Reply> respond)
    {
        _respond = respond;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>The one request since the last call (and forgets it).</summary>
    public ReceivedRequest TakeSingle()
    {
        var all = new List<ReceivedRequest>();
        while (Requests.TryDequeue(out var r))
        {
            all.Add(r);
        }

        return all.Count == 1 ? all[0] : throw new InvalidOperationException($"expected 1 request, the server saw {all.Count}");
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        socket.NoDelay = true;
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var buffer = new List<byte>(4096);
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                int headerEnd;
                while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
                {
                    var n = await stream.ReadAsync(chunk, _stop.Token).ConfigureAwait(false);
                    if (n == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, n).ToArray());
                }

                var lines = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray()).Split("\r\n");
                var requestLine = lines[0].Split(' ');
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var line in lines.Skip(1))
                {
                    var colon = line.IndexOf(':');
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }

                var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl, CultureInfo.InvariantCulture) : 0;
                while (buffer.Count < headerEnd + 4 + length)
                {
                    var n = await stream.ReadAsync(chunk, _stop.Token).ConfigureAwait(false);
                    if (n == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, n).ToArray());
                }

                var body = Encoding.UTF8.GetString(buffer.GetRange(headerEnd + 4, length).ToArray());
                buffer.RemoveRange(0, headerEnd + 4 + length);

                var request = new ReceivedRequest(requestLine[0], requestLine[1], headers, body);
                Requests.Enqueue(request);
                var reply = _respond(request);
                var payload = Encoding.UTF8.GetBytes(reply.Json);
                var response = new StringBuilder()
                    .Append("HTTP/1.1 ").Append(reply.Status.ToString(CultureInfo.InvariantCulture)).Append(" X\r\n")
                    .Append("Content-Length: ").Append(payload.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
                if (payload.Length > 0)
                {
                    response.Append("Content-Type: application/json\r\n");
                }

                // One write: a second small segment would wait for the client's delayed ACK (Nagle, ~40 ms).
                var head = Encoding.ASCII.GetBytes(response.Append("\r\n").ToString());
                await stream.WriteAsync(head.Concat(payload).ToArray(), _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The client closed the connection.
        }
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
