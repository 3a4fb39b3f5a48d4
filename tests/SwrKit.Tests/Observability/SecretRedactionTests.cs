using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SwrKit.Authentication;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Observability;

/// <summary>
/// Secrets never reach a log line, an exception text or a <c>ToString()</c>. Every log line and every exception of
/// the whole test run goes through <see cref="SecretScan"/>; each test host checks it when disposed, and the last
/// test here drives every failure path with every kind of secret at Trace level and checks it again.
/// </summary>
public sealed class SecretRedactionTests
{
    [Fact(Timeout = 30_000)]
    public async Task Every_failure_path_with_every_secret_at_Trace_level_leaks_nothing()
    {
        await using var server = await LoopbackServer.StartAsync();
        var mirror = new StartRemoteMirrorRequest { Username = TestSecrets.MirrorUsername, Password = TestSecrets.MirrorPassword };
        var scenarios = new Func<Microsoft.AspNetCore.Http.HttpContext, RecordedRequest, Task>[]
        {
            Respond.Json(200, FaultMatrixTestsJson), Faults.Status(401), Faults.Status(503), Faults.TooManyRequests("120"), Faults.Reset,
            Faults.Hang, Faults.StallMidBody, Respond.Json(200, "{ not json"), Respond.Text(200, "<html/>", "text/html"), Faults.Oversized(200, 256 * 1024),
        };

        foreach (var useToken in new[] { false, true })
        {
            await using var host = useToken
                ? SwrKitTestHost.Build(s => s.AddSwrKit(o =>
                {
                    SwrKitTestHost.UseServer(o, server);
                    o.Token = TestSecrets.Token;
                    o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
                    o.MaxResponseContentBufferSize = 64 * 1024;
                    o.Retry.MaxRetries = 1;
                    o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
                    o.Retry.RetryNonIdempotentOperations.Add(SwrOperations.StartRemoteMirrorSynchronization);
                }))
                : SwrKitTestHost.Create(server, o =>
                {
                    o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
                    o.MaxResponseContentBufferSize = 64 * 1024;
                    o.Retry.MaxRetries = 1;
                    o.Retry.RetryNonIdempotentOperations.Add(SwrOperations.StartRemoteMirrorSynchronization);
                });

            foreach (var scenario in scenarios)
            {
                server.Handler = scenario;
                await Swallow(() => host.CodeArts.StartRemoteMirrorSynchronizationAsync(123, mirror));
                await Swallow(() => host.Swr.DeleteImageSyncRepoAsync("my-org", "group$app", new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "cn-east-3", RemoteNamespace = "target" }));
                await Swallow(() => host.Hss.RunImageSynchronizeAsync("proj-1", new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = ImageType.SharedImage }, "all_granted_eps"));
            }

            // IHttpClientFactory's own loggers printed the request headers at Trace level, with every value redacted.
            var headerLines = host.Logs.Lines.Where(l => l.Level == LogLevel.Trace && l.Message.Contains("Request Headers")).ToList();
            Assert.NotEmpty(headerLines);
            Assert.Contains(headerLines, l => l.Message.Contains(useToken ? "X-Auth-Token: *" : "Authorization: *"));
            Assert.NotEmpty(host.Logs.SwrKitLines);
        }

        // The mirror credentials did travel (Base64) to the server: the scan is looking for something real.
        Assert.Contains(server.Requests, r => r.BodyText.Contains(TestSecrets.Forbidden[6]));
        Assert.True(SecretScan.Count > 100, $"only {SecretScan.Count} texts were scanned");
        SecretScan.AssertClean();
    }

    [Fact]
    public void No_type_that_holds_a_secret_prints_it()
    {
        var options = new SwrKitOptions
        {
            Region = "cn-north-4",
            AccessKey = TestSecrets.AccessKey,
            SecretKey = TestSecrets.SecretKey,
            SecurityToken = TestSecrets.SecurityToken,
            Token = TestSecrets.Token,
            TokenProvider = _ => new ValueTask<string>(TestSecrets.Token),
        };
        options.Endpoints.Swr = new Uri($"https://user:{TestSecrets.SecretKey}@swr.example.com/base");
        var texts = new object[]
        {
            options,
            options.Endpoints,
            options.Retry,
            new AkSkCredentials(TestSecrets.AccessKey, TestSecrets.SecretKey, "proj-1", TestSecrets.SecurityToken),
            new Base64Credential(TestSecrets.MirrorPassword),
            new AkSkSigningHandler(new AkSkCredentials(TestSecrets.AccessKey, TestSecrets.SecretKey)),
            new TokenAuthenticationHandler(TestSecrets.Token),
        }.Select(o => o.ToString()!).ToList();
        texts.ForEach(SecretScan.Record);

        Assert.All(texts, text => Assert.DoesNotContain(TestSecrets.Forbidden, text.Contains));
        Assert.Contains("SecretKey = ***", texts[0]);
        Assert.Contains("Token = ***", texts[0]);
        Assert.Contains("https://swr.example.com/base", texts[0]);
    }

    internal const string FaultMatrixTestsJson = """{"jid":"j-1","error_code":0,"error_description":"ok"}""";

    private static async Task Swallow(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex)
        {
            SecretScan.Record(ex);
        }
    }
}
