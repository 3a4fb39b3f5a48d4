using System.Net;
using SwrKit.Authentication;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Authentication;

/// <summary>Requests signed by the handler, checked on a real loopback server by the independent verifier.</summary>
public sealed class AkSkSigningHandlerTests
{
    private const string Ak = "TEST-AK-1";
    private const string Sk = "TEST-SECRET-KEY-9f3";

    private static HttpClient SignedClient(LoopbackServer server, AkSkCredentials? credentials = null, TimeProvider? clock = null) =>
        new(new AkSkSigningHandler(credentials ?? new AkSkCredentials(Ak, Sk), clock))
        {
            BaseAddress = server.BaseAddress,
        };

    [Fact]
    public async Task Every_operation_is_accepted_by_the_server_side_verifier()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, """{"jid":"j","error_code":0,"error_description":"ok"}"""));
        using var http = SignedClient(server, new AkSkCredentials(Ak, Sk, "proj-1", "TEST-SECURITY-TOKEN-4d2"));

        await new SwrClient(http).DeleteRetentionAsync("my-org", "group$sub$app", 42);
        await new SwrClient(http).DeleteImageSyncRepoAsync("my-org", "group$app", new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "cn-east-3", RemoteNamespace = "target" });
        await new CodeArtsRepoClient(http).StartRemoteMirrorSynchronizationAsync(123, new StartRemoteMirrorRequest { Username = "u", Password = "mirror-pass-5e2" });
        await new ModelArtsClient(http).DeleteImageAsync("proj-1", "img-1", force: true);
        await new HssClient(http).RunImageSynchronizeAsync("proj-1", new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = ImageType.SharedImage }, "all_granted_eps", "cn-north-4");

        Assert.Equal(5, server.Requests.Count);
        foreach (var request in server.Requests)
        {
            var (valid, reason) = AkSkVerifier.Verify(request, Ak, Sk);
            Assert.True(valid, $"{request.Method} {request.RawTarget}: {reason}");
            Assert.Equal("proj-1", request.Header("X-Project-Id"));
            Assert.Equal("TEST-SECURITY-TOKEN-4d2", request.Header("X-Security-Token"));
            var signed = request.Header("Authorization")!;
            Assert.Contains("host;", signed);
            Assert.Contains("x-project-id;x-sdk-date;x-security-token", signed);
            Assert.DoesNotContain(Sk, signed);
        }
    }

    [Fact]
    public async Task The_date_comes_from_the_injected_clock_and_a_caller_set_date_is_kept()
    {
        await using var server = await LoopbackServer.StartAsync();
        var clock = new ManualClock(new DateTimeOffset(2019, 11, 15, 3, 36, 55, TimeSpan.Zero));
        using var http = SignedClient(server, clock: clock);

        await new SwrClient(http).DeleteRetentionAsync("my-org", "app", 1);
        using var request = new HttpRequestMessage(HttpMethod.Delete, "v2/manage/namespaces/my-org/repos/app/retentions/2");
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", "20060102T150405Z");
        (await http.SendAsync(request)).Dispose();

        Assert.Equal("20191115T033655Z", server.Requests[0].Header("X-Sdk-Date"));
        Assert.Equal("20060102T150405Z", server.Requests[1].Header("X-Sdk-Date"));
        Assert.All(server.Requests, r => Assert.True(AkSkVerifier.Verify(r, Ak, Sk).Valid));
    }

    [Fact]
    public async Task Signing_the_same_request_again_renews_the_date_and_replaces_the_signature()
    {
        await using var server = await LoopbackServer.StartAsync();
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var handler = new AkSkSigningHandler(new AkSkCredentials(Ak, Sk), clock);
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(server.BaseAddress, "v2/manage/namespaces/o/repos/a$b/retentions/1"));

        await handler.SignAsync(request);
        var first = request.Headers.GetValues("X-Sdk-Date").Single();
        clock.Now += TimeSpan.FromMinutes(5);
        await handler.SignAsync(request);
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal("20260101T000000Z", first);
        Assert.Equal("20260101T000500Z", server.SingleRequest.Header("X-Sdk-Date"));
        Assert.DoesNotContain(",", server.SingleRequest.Header("Authorization")!.Split("Signature=")[1]);
        Assert.True(AkSkVerifier.Verify(server.SingleRequest, Ak, Sk).Valid);
    }

    [Fact]
    public async Task Plain_http_to_a_non_loopback_host_is_refused_before_sending()
    {
        using var http = new HttpClient(new AkSkSigningHandler(new AkSkCredentials(Ak, Sk))) { BaseAddress = new Uri("http://swr-api.example.invalid/") };

        var ex = await Assert.ThrowsAsync<SwrKitException>(() => new SwrClient(http).DeleteRetentionAsync("my-org", "app", 1));
        Assert.IsType<InvalidOperationException>(ex.InnerException);

        Assert.Contains("http://", ex.Message);
        Assert.DoesNotContain(Sk, ex.Message);
    }
}
