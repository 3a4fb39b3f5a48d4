using System.Net.Http;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;

using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.ClientModel;

/// <summary>Every request says which SDK, version and platform sent it, on every path, signed like any other header.</summary>
public sealed class UserAgentTests
{
    private static readonly string Version = typeof(SwrClient).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;

    [Fact]
    public async Task A_client_over_an_own_HttpClient_sends_SwrKits_User_Agent()
    {
        await using var server = await LoopbackServer.StartAsync();

        await new SwrClient(server.CreateClient()).DeleteRetentionAsync("my-org", "app", 1);

        var agent = server.SingleRequest.Header("User-Agent");
        Assert.StartsWith("swrkit-dotnet/" + Version + " (", agent);
        Assert.Contains(RuntimeInformation.FrameworkDescription, agent);
        Assert.EndsWith(")", agent);
        Assert.All(agent!, c => Assert.InRange(c, ' ', '~'));
    }

    [Fact]
    public async Task An_own_HttpClients_User_Agent_comes_first()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var http = server.CreateClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("my-tool/3.1");

        await new SwrClient(http).DeleteRetentionAsync("my-org", "app", 1);

        Assert.StartsWith("my-tool/3.1 swrkit-dotnet/" + Version + " (", server.SingleRequest.Header("User-Agent"));
    }

    [Fact]
    public async Task The_application_ID_leads_the_header_on_the_options_path()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);

        await new HssClient(ClientOptions.Token(server.BaseAddress, o => o.ApplicationId = "image-sync/2.1"))
            .RunImageSynchronizeAsync("proj-1", new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = ImageType.PrivateImage });

        Assert.StartsWith("image-sync/2.1 swrkit-dotnet/" + Version + " (", server.SingleRequest.Header("User-Agent"));
    }

    [Fact]
    public async Task The_application_ID_leads_the_header_through_AddSwrKit_and_the_signature_covers_it()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        await using var host = SwrKitTestHost.Build(services => services.AddSwrKit(o =>
        {
            o.AccessKey = TestSecrets.AccessKey;
            o.SecretKey = TestSecrets.SecretKey;
            o.ApplicationId = "image-sync/2.1";
            SwrKitTestHost.UseServer(o, server.BaseAddress);
        }));

        await host.ModelArts.DeleteImageAsync("proj-1", "img-1");

        var request = server.SingleRequest;
        Assert.StartsWith("image-sync/2.1 swrkit-dotnet/" + Version + " (", request.Header("User-Agent"));
        Assert.Contains("user-agent", request.Header("Authorization"));
        var (valid, reason) = AkSkVerifier.Verify(request, TestSecrets.AccessKey, TestSecrets.SecretKey);
        Assert.True(valid, reason);
    }

    [Fact]
    public async Task A_multi_part_User_Agent_is_signed_as_sent()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var http = new HttpClient(new SwrKit.Authentication.AkSkSigningHandler(new SwrKit.Authentication.AkSkCredentials(TestSecrets.AccessKey, TestSecrets.SecretKey))) { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("my-tool/3.1 (build 7)");

        await new SwrClient(http).DeleteRetentionAsync("my-org", "app", 1);

        var (valid, reason) = AkSkVerifier.Verify(server.SingleRequest, TestSecrets.AccessKey, TestSecrets.SecretKey);
        Assert.True(valid, reason);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("tab\there")]
    [InlineData("ünicode")]
    [InlineData("")]
    public void An_application_ID_that_cannot_lead_the_header_is_refused(string applicationId)
    {
        var options = new SwrKitOptions { Region = "cn-north-4", Token = TestSecrets.Token, ApplicationId = applicationId };

        var ex = Assert.Throws<ArgumentException>(() => new SwrClient(options));

        Assert.Contains("ApplicationId", ex.Message);
    }

    [Fact]
    public void A_65_character_application_ID_is_refused()
    {
        var options = new SwrKitOptions { Region = "cn-north-4", Token = TestSecrets.Token, ApplicationId = new string('a', 65) };

        Assert.Throws<ArgumentException>(() => new SwrClient(options));
        options.ApplicationId = new string('a', 64);
        _ = new SwrClient(options);
    }
}
