using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SwrKit.Tests.Infrastructure;

/// <summary>One request as the server received it.</summary>
public sealed record RecordedRequest(
    string Method,
    string RawTarget,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a random port. It records every request and answers with whatever
/// the test's handler returns (default: 200 with no body). No mocks on the wire path.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public RecordedRequest SingleRequest => Assert.Single(_requests);

    /// <summary>The handler: gets the context (body already recorded) and writes the response.</summary>
    public Func<HttpContext, RecordedRequest, Task> Handler { get; set; } = (_, _) => Task.CompletedTask;

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, RecordedRequest, Task>? handler = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!;
            var recorded = new RecordedRequest(context.Request.Method, feature.RawTarget, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers, buffer.ToArray());
            server!._requests.Enqueue(recorded);
            await server.Handler(context, recorded);
        });
        await app.StartAsync();
        var address = app.Urls.First();
        server = new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
        if (handler is not null)
        {
            server.Handler = handler;
        }

        return server;
    }

    /// <summary>An HttpClient whose BaseAddress is this server, as the generated clients expect.</summary>
    public HttpClient CreateClient(TimeSpan? timeout = null) => new() { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Canned responses.</summary>
public static class Respond
{
    public static Func<HttpContext, RecordedRequest, Task> Json(int status, string json, Action<HttpResponse>? headers = null) => async (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        headers?.Invoke(context.Response);
        await context.Response.WriteAsync(json);
    };

    public static Func<HttpContext, RecordedRequest, Task> Text(int status, string text, string contentType = "text/plain") => async (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(text);
    };

    public static Func<HttpContext, RecordedRequest, Task> Status(int status) => (context, _) =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };
}
