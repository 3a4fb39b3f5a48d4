using Microsoft.Extensions.DependencyInjection;
using SwrKit.Authentication;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Security;

/// <summary>
/// A redirect never carries credentials to another origin, and its answer is never the operation's result. The
/// "attacker" is a second raw listener on another port; it must receive nothing (or, with no SwrKit credentials
/// involved, its answer must not be used).
/// </summary>
public sealed class RedirectTests
{
    private static StartRemoteMirrorRequest MirrorBody => new() { Username = TestSecrets.MirrorUsername, Password = TestSecrets.MirrorPassword };

    public static TheoryData<int> RedirectStatuses => new() { 301, 302, 303, 307, 308 };

    private static RawHttpServer RedirectingTo(RawHttpServer attacker, int status) =>
        RawHttpServer.Start(RawHttpServer.Response(status, null, $"Location: {attacker.BaseAddress}steal"));

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task The_token_handler_does_not_follow_a_redirect(int status)
    {
        await using var attacker = RawHttpServer.Start(RawHttpServer.Response(200, """{"jid":"attacker"}"""));
        await using var server = RedirectingTo(attacker, status);
        var client = new CodeArtsRepoClient(new HttpClient(new TokenAuthenticationHandler(TestSecrets.Token)) { BaseAddress = server.BaseAddress });

        var ex = SecretScan.Record(await Assert.ThrowsAsync<SwrServiceException>(() => client.StartRemoteMirrorSynchronizationAsync(1, MirrorBody)));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(SwrOperations.StartRemoteMirrorSynchronization, ex.Operation);
        Assert.Contains($"a redirect to {attacker.BaseAddress}steal", ex.Message);
        Assert.Single(server.Requests);
        Assert.Equal(0, attacker.Connections);
    }

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task The_signing_handler_does_not_follow_a_redirect(int status)
    {
        await using var attacker = RawHttpServer.Start(RawHttpServer.Response(204));
        await using var server = RedirectingTo(attacker, status);
        var credentials = new AkSkCredentials(TestSecrets.AccessKey, TestSecrets.SecretKey, "proj-1", TestSecrets.SecurityToken);
        var client = new ModelArtsClient(new HttpClient(new AkSkSigningHandler(credentials)) { BaseAddress = server.BaseAddress });

        var ex = SecretScan.Record(await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteImageAsync("p1", "img")));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(SwrOperations.DeleteImage, ex.Operation);
        Assert.Equal(0, attacker.Connections);
    }

    [Fact]
    public async Task A_credential_handler_refuses_an_inner_handler_that_follows_redirects()
    {
        await using var attacker = RawHttpServer.Start(RawHttpServer.Response(204));
        await using var server = RedirectingTo(attacker, 307);
        var token = new ModelArtsClient(new HttpClient(new TokenAuthenticationHandler(TestSecrets.Token) { InnerHandler = new HttpClientHandler() }) { BaseAddress = server.BaseAddress });
        var signed = new ModelArtsClient(new HttpClient(new AkSkSigningHandler(new AkSkCredentials("ak", "sk"))
        {
            InnerHandler = new PassThroughHandler { InnerHandler = new SocketsHttpHandler() },
        })
        { BaseAddress = server.BaseAddress });

        // A SwrKit exception, as for every failure of a call; the handler's refusal is inside.
        var tokenEx = await Assert.ThrowsAsync<SwrKitException>(() => token.DeleteImageAsync("p1", "img"));
        var signedEx = await Assert.ThrowsAsync<SwrKitException>(() => signed.DeleteImageAsync("p1", "img"));

        Assert.IsType<InvalidOperationException>(tokenEx.InnerException);
        Assert.Contains("AllowAutoRedirect = false", tokenEx.Message);
        Assert.Contains("AkSkSigningHandler", signedEx.Message);
        Assert.Equal(0, server.Connections);
        Assert.Equal(0, attacker.Connections);
    }

    [Fact]
    public async Task A_credential_handler_accepts_an_inner_handler_that_does_not_follow_redirects()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(204));
        var client = new ModelArtsClient(new HttpClient(new TokenAuthenticationHandler(TestSecrets.Token)
        {
            InnerHandler = new HttpClientHandler { AllowAutoRedirect = false },
        })
        { BaseAddress = server.BaseAddress });

        Assert.Null(await client.DeleteImageAsync("p1", "img"));
        Assert.Equal(TestSecrets.Token, Assert.Single(server.Requests).Header("X-Auth-Token"));
    }

    [Fact]
    public async Task An_answer_reached_through_a_redirect_followed_below_SwrKit_is_not_the_result()
    {
        // A plain HttpClient follows redirects itself; no SwrKit credentials are involved, but the answer is foreign.
        await using var attacker = RawHttpServer.Start(RawHttpServer.Response(200, """{"jid":"attacker"}""", "Content-Type: application/json"));
        await using var server = RedirectingTo(attacker, 302);
        var client = new CodeArtsRepoClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest()));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(SwrOperations.StartRemoteMirrorSynchronization, ex.Operation);
        Assert.Contains($"redirected to {attacker.BaseAddress}steal", ex.Message);
        Assert.DoesNotContain("attacker", ex.ResponseBody ?? string.Empty);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Clients_from_AddSwrKit_do_not_follow_redirects(bool token)
    {
        await using var attacker = RawHttpServer.Start(RawHttpServer.Response(200, """{"jid":"attacker"}"""));
        await using var server = RedirectingTo(attacker, 307);
        await using var host = SwrKitTestHost.Build(s => s.AddSwrKit(o =>
        {
            SwrKitTestHost.UseServer(o, server.BaseAddress);
            if (token)
            {
                o.Token = TestSecrets.Token;
            }
            else
            {
                (o.AccessKey, o.SecretKey, o.SecurityToken, o.ProjectId) = (TestSecrets.AccessKey, TestSecrets.SecretKey, TestSecrets.SecurityToken, "proj-1");
            }
        }));
        var client = host.Provider.GetRequiredService<ICodeArtsRepoClient>();

        var ex = SecretScan.Record(await Assert.ThrowsAsync<SwrServiceException>(() => client.StartRemoteMirrorSynchronizationAsync(1, MirrorBody)));

        Assert.Equal(307, ex.StatusCode);
        Assert.Equal(SwrOperations.StartRemoteMirrorSynchronization, ex.Operation);
        Assert.Contains("a redirect to", ex.Message);
        Assert.Single(server.Requests);
        Assert.Equal(0, attacker.Connections);
    }

    private sealed class PassThroughHandler : DelegatingHandler
    {
    }
}
