using System.Threading.Tasks;
using SwrKit;

namespace SwrKit.Analyzers.Consumer;

// Intentional warnings: see ConsumerBuildTests (positions are checked exactly; keep this file's layout).
public static class Usage
{
    private const string Team = "Team";

    public static async Task RunAsync(ISwrClient client, string fromConfig)
    {
        await client.DeleteRetentionAsync("My-Org", "group/app", 42);
        await client.DeleteImageSyncRepoAsync(Team, "app", new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "r", RemoteNamespace = "ok" });
        await client.DeleteRetentionAsync("org", "app..x", 1);
        await client.DeleteRetentionAsync(fromConfig, fromConfig, 1);
        await client.DeleteRetentionAsync("org", SwrNames.EscapeRepository("group/app"), 1);
        await client.DeleteRetentionAsync("org", $"{fromConfig}/app", 1);
        var repo = fromConfig + "$App";
        await client.DeleteRetentionAsync("org", repo, 1);
    }
}
