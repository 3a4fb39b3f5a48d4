using System.Text.Json;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Wire;

/// <summary>
/// Models keep fields the spec does not know (both ways), through a non-public extension-data twin of
/// <c>AdditionalProperties</c> (see Generation/Templates/Class.liquid).
/// </summary>
public sealed class AdditionalPropertiesTests
{
    [Fact]
    public async Task Additional_properties_of_a_request_are_sent_next_to_the_known_fields()
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new SwrClient(server.CreateClient());
        var body = new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "cn-north-4", RemoteNamespace = "target-org" };
        body.AdditionalProperties["future_flag"] = true;

        await client.DeleteImageSyncRepoAsync("my-org", "app", body);

        Assert.Equal("""{"remoteRegionId":"cn-north-4","remoteNamespace":"target-org","future_flag":true}""", server.SingleRequest.BodyText);
    }

    [Fact]
    public void Without_additional_properties_nothing_extra_is_written_and_the_twin_stays_private()
    {
        var json = JsonSerializer.Serialize(new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "r", RemoteNamespace = "n" });

        Assert.Equal("""{"remoteRegionId":"r","remoteNamespace":"n"}""", json);
        Assert.Null(typeof(DeleteImageSyncRepoRequest).GetProperty("AdditionalPropertiesData"));
    }

    [Fact]
    public void Unknown_response_fields_land_in_AdditionalProperties_which_is_never_null()
    {
        var known = JsonSerializer.Deserialize<StartRemoteMirrorResponse>("""{"jid":"j"}""")!;
        var extra = JsonSerializer.Deserialize<StartRemoteMirrorResponse>("""{"jid":"j","queued_at":12}""")!;

        Assert.Empty(known.AdditionalProperties);
        Assert.Equal(12, ((JsonElement)extra.AdditionalProperties["queued_at"]).GetInt32());
        Assert.Equal("""{"jid":"j","queued_at":12}""", JsonSerializer.Serialize(extra));
    }
}
