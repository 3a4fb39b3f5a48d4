using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SwrKit.Authentication;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Credentials;

/// <summary>Credentials named by configuration or code under AddSwrKit: read for every attempt, shared by every client.</summary>
public sealed class ConfiguredCredentialsTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_reloaded_access_key_signs_the_next_call_without_a_new_handler()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SwrKit:Endpoints:Swr"] = server.BaseAddress.ToString(),
            ["SwrKit:Endpoints:CodeArtsRepo"] = server.BaseAddress.ToString(),
            ["SwrKit:Endpoints:ModelArts"] = server.BaseAddress.ToString(),
            ["SwrKit:Endpoints:Hss"] = server.BaseAddress.ToString(),
            ["SwrKit:AccessKey"] = "AK-1",
            ["SwrKit:SecretKey"] = TestSecrets.SecretKey,
        }).Build();
        await using var host = SwrKitTestHost.Build(services => services.AddSwrKit(configuration.GetSection("SwrKit")));
        var swr = host.Swr;

        await swr.DeleteRetentionAsync("my-org", "app", 1);
        configuration["SwrKit:AccessKey"] = "AK-2";
        configuration["SwrKit:SecretKey"] = TestSecrets.SecretKey + "-rotated";
        configuration.Reload();
        await swr.DeleteRetentionAsync("my-org", "app", 2);

        Assert.True(AkSkVerifier.Verify(server.Requests[0], "AK-1", TestSecrets.SecretKey).Valid);
        Assert.True(AkSkVerifier.Verify(server.Requests[1], "AK-2", TestSecrets.SecretKey + "-rotated").Valid);
    }

    [Fact(Timeout = 30_000)]
    public async Task UseCredentialSource_signs_every_client_from_one_cache()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        var fetches = 0;
        var source = AkSkCredentialSource.Refreshing(
            _ =>
            {
                Interlocked.Increment(ref fetches);
                return Task.FromResult(new AkSkCredentials("SRC-AK", TestSecrets.SecretKey, null, TestSecrets.SecurityToken, DateTimeOffset.UtcNow.AddHours(1)));
            },
            TimeSpan.FromMinutes(10));
        await using var host = SwrKitTestHost.Build(services => services.AddSwrKit(o =>
        {
            SwrKitTestHost.UseServer(o, server);
            o.ProjectId = "proj-9";
        }).UseCredentialSource(source));

        await host.Swr.DeleteRetentionAsync("my-org", "app", 1);
        await host.ModelArts.DeleteImageAsync("proj-9", "img-1");

        Assert.Equal(1, fetches);
        Assert.All(server.Requests, r =>
        {
            Assert.True(AkSkVerifier.Verify(r, "SRC-AK", TestSecrets.SecretKey).Valid);
            Assert.Equal("proj-9", r.Header("X-Project-Id"));
            Assert.Equal(TestSecrets.SecurityToken, r.Header("X-Security-Token"));
        });
        Assert.DoesNotContain(host.Logs.SwrKitLines, l => l.EventId.Name == "CredentialSourceChosen");
    }
}
