using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Credentials;

/// <summary>Temporary keys as the metadata service hands them out; the secrets contain the test secrets, so the scan sees them.</summary>
public sealed record MetadataKeys(string AccessKey, string SecretKey, string SecurityToken, DateTimeOffset ExpiresAt)
{
    public static MetadataKeys Number(int n, DateTimeOffset expiresAt) =>
        new("META-AK-" + n, TestSecrets.SecretKey + "-meta-" + n, TestSecrets.SecurityToken + "-meta-" + n, expiresAt);
}

/// <summary>
/// A fake ECS metadata service on 127.0.0.1: <c>PUT /meta-data/latest/api/token</c> and
/// <c>GET /openstack/latest/securitykey</c>, with switches for the session token and for failures. Tests point
/// <c>SwrKit:MetadataEndpoint</c> (or the source's endpoint) at it; nothing contacts the real address.
/// </summary>
public sealed class FakeMetadataService : IAsyncDisposable
{
    public const string SessionToken = "session-token-42";

    private int _keyFetches;
    private int _tokenPuts;

    private FakeMetadataService(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    public Uri Endpoint => Server.BaseAddress;

    /// <summary>The keys of the n-th fetch (1-based).</summary>
    public Func<int, MetadataKeys> Keys { get; set; } = n => MetadataKeys.Number(n, DateTimeOffset.UtcNow.AddHours(1));

    /// <summary>Answer the GET only with the session token (a service that requires it).</summary>
    public bool RequireSessionToken { get; set; }

    /// <summary>Refuse the token PUT (an older service): the client must fall back to a plain GET.</summary>
    public bool RefuseTokenPut { get; set; }

    /// <summary>How long the GET takes.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Replaces the GET's answer.</summary>
    public Func<HttpContext, Task>? Override { get; set; }

    public int KeyFetches => Volatile.Read(ref _keyFetches);

    public int TokenPuts => Volatile.Read(ref _tokenPuts);

    public static async Task<FakeMetadataService> StartAsync()
    {
        var server = await LoopbackServer.StartAsync();
        var service = new FakeMetadataService(server);
        server.Handler = service.HandleAsync;
        return service;
    }

    private async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (request.Method == "PUT" && request.Path == "/meta-data/latest/api/token")
        {
            Interlocked.Increment(ref _tokenPuts);
            if (RefuseTokenPut || request.Header("X-Metadata-Token-Ttl-Seconds") is null)
            {
                context.Response.StatusCode = 405;
                return;
            }

            await context.Response.WriteAsync(SessionToken);
            return;
        }

        if (request.Method == "GET" && request.Path == "/openstack/latest/securitykey")
        {
            if (RequireSessionToken && request.Header("X-Metadata-Token") != SessionToken)
            {
                context.Response.StatusCode = 401;
                return;
            }

            var n = Interlocked.Increment(ref _keyFetches);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            if (Override is not null)
            {
                await Override(context);
                return;
            }

            var keys = Keys(n);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                credential = new
                {
                    access = keys.AccessKey,
                    secret = keys.SecretKey,
                    securitytoken = keys.SecurityToken,
                    expires_at = keys.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"),
                },
            }));
            return;
        }

        context.Response.StatusCode = 404;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
