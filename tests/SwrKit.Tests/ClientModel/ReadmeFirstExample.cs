namespace SwrKit.Tests.ClientModel;

/// <summary>
/// The README's first example, compiled here so that it cannot stop compiling unnoticed; <see cref="ReadmeExampleTests"/>
/// checks that the README still shows exactly these lines. It is not run: it talks to the real SWR endpoint.
/// </summary>
internal static class ReadmeFirstExample
{
    public static async Task RunAsync()
    {
        // README begin
        // Create it once and keep it: clients are thread-safe, and all of them share one pooled connection handler.
        var swr = new SwrClient(new SwrKitOptions
        {
            Region = "cn-north-4",
            AccessKey = Environment.GetEnvironmentVariable("HUAWEICLOUD_SDK_AK"),   // never a secret in source code
            SecretKey = Environment.GetEnvironmentVariable("HUAWEICLOUD_SDK_SK"),
        });

        await swr.DeleteRetentionAsync("my-org", "group$app", 42);   // "group/app" is squiggled: SWR003, one-click fix
        // README end
    }
}
