using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SwrKit.Authentication;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Security;

/// <summary>
/// Every <see cref="SwrServiceException"/> SwrKit throws names its operation, and a server that echoes the request
/// (headers and body) into its error cannot put a secret into the exception.
/// </summary>
public sealed class ErrorExceptionTests
{
    /// <summary>Answers <paramref name="status"/> with the whole request (headers and body) in error_msg, in the raw body and in a header.</summary>
    private static Func<RawRequest, Stream, CancellationToken, Task> Echo(int status, string? extra = null) => (request, stream, token) =>
    {
        var echoed = request.Text + " " + Convert.ToBase64String(Encoding.UTF8.GetBytes(request.Text)) + " " + extra;
        var body = JsonSerializer.Serialize(new { error_code = "ECHO." + extra, error_msg = echoed, request_id = echoed, raw = request.Text });
        var header = "X-Echo: " + (request.Header("X-Auth-Token") ?? request.Header("X-Security-Token") ?? "none");
        return RawHttpServer.Write(stream, RawHttpServer.Response(status, body, "Content-Type: application/json", header), token);
    };

    private static void AssertNoSecret(SwrServiceException ex, params string[] secrets)
    {
        var texts = new[] { ex.Message, ex.ErrorCode, ex.ErrorMessage, ex.ResponseBody, ex.RequestId, ex.ToString(), string.Join(";", ex.Headers.SelectMany(h => h.Value)) };
        foreach (var secret in secrets.Concat(secrets.Select(s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)))))
        {
            Assert.All(texts, text => Assert.DoesNotContain(secret, text ?? string.Empty, StringComparison.Ordinal));
        }

        Assert.Contains(SecretMask.Mask, ex.ErrorMessage);
        SecretScan.Record(ex);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public async Task An_echoed_token_and_mirror_credentials_are_masked(int status)
    {
        await using var server = RawHttpServer.Start(Echo(status));
        var client = new CodeArtsRepoClient(new HttpClient(new TokenAuthenticationHandler(TestSecrets.Token)) { BaseAddress = server.BaseAddress });

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.StartRemoteMirrorSynchronizationAsync(7, new StartRemoteMirrorRequest { Username = TestSecrets.MirrorUsername, Password = TestSecrets.MirrorPassword }));

        Assert.Equal(SwrOperations.StartRemoteMirrorSynchronization, ex.Operation);
        Assert.Contains(TestSecrets.Token, server.Requests[0].Text);
        AssertNoSecret(ex, TestSecrets.Token, TestSecrets.MirrorUsername, TestSecrets.MirrorPassword);
    }

    [Fact]
    public async Task An_echoed_security_token_signature_and_secret_key_are_masked()
    {
        // A compromised endpoint that even knows the secret key.
        await using var server = RawHttpServer.Start(Echo(403, TestSecrets.SecretKey));
        var credentials = new AkSkCredentials(TestSecrets.AccessKey, TestSecrets.SecretKey, "proj-1", TestSecrets.SecurityToken);
        var client = new ModelArtsClient(new HttpClient(new AkSkSigningHandler(credentials)) { BaseAddress = server.BaseAddress });

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteImageAsync("p1", "img"));

        Assert.Equal(SwrOperations.DeleteImage, ex.Operation);
        AssertNoSecret(ex, TestSecrets.SecretKey, TestSecrets.SecurityToken, "Signature=");
    }

    [Fact]
    public async Task Secrets_echoed_to_AddSwrKit_clients_are_masked()
    {
        await using var server = RawHttpServer.Start(Echo(401));
        await using var host = SwrKitTestHost.Build(s => s.AddSwrKit(o =>
        {
            SwrKitTestHost.UseServer(o, server.BaseAddress);
            o.TokenProvider = _ => new ValueTask<string>(TestSecrets.Token);
        }));

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => host.Provider.GetRequiredService<ICodeArtsRepoClient>()
            .StartRemoteMirrorSynchronizationAsync(7, new StartRemoteMirrorRequest { Username = TestSecrets.MirrorUsername, Password = TestSecrets.MirrorPassword }));

        AssertNoSecret(ex, TestSecrets.Token, TestSecrets.MirrorUsername, TestSecrets.MirrorPassword);
    }

    [Fact]
    public async Task The_HSS_error_inside_a_200_masks_an_echoed_token()
    {
        await using var server = RawHttpServer.Start((request, stream, token) => RawHttpServer.Write(stream, RawHttpServer.Response(200,
            JsonSerializer.Serialize(new { error_code = 7, error_description = "bad token " + request.Header("X-Auth-Token") }), "Content-Type: application/json"), token));
        var client = new HssClient(new HttpClient(new TokenAuthenticationHandler(TestSecrets.Token)) { BaseAddress = server.BaseAddress });

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.RunImageSynchronizeAsync("p1", new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = ImageType.PrivateImage }));

        Assert.Equal("7", ex.ErrorCode);
        Assert.Equal(SwrOperations.RunImageSynchronize, ex.Operation);
        AssertNoSecret(ex, TestSecrets.Token);
    }

    [Fact]
    public async Task A_null_success_body_names_its_operation()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, "null", "Content-Type: application/json"));
        var hss = new HssClient(server.CreateClient());
        var codeArts = new CodeArtsRepoClient(server.CreateClient());

        var hssEx = await Assert.ThrowsAsync<SwrServiceException>(() => hss.RunImageSynchronizeAsync("p1", new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = ImageType.SharedImage }));
        var codeArtsEx = await Assert.ThrowsAsync<SwrServiceException>(() => codeArts.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest()));

        Assert.Equal(SwrOperations.RunImageSynchronize, hssEx.Operation);
        Assert.Equal(SwrOperations.StartRemoteMirrorSynchronization, codeArtsEx.Operation);
        Assert.StartsWith("StartRemoteMirrorSynchronization failed with HTTP 200 (the response has no body", codeArtsEx.Message);
    }

    [Fact]
    public async Task An_undocumented_success_status_names_its_operation_and_reads_no_body()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(201, """{"jid":"j"}""", "Content-Type: application/json"));
        var client = new CodeArtsRepoClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest()));

        Assert.Equal(201, ex.StatusCode);
        Assert.Equal(SwrOperations.StartRemoteMirrorSynchronization, ex.Operation);
    }
}
