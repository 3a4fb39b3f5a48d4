using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.ClientModel;

public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_READMEs_first_example_is_the_compiled_one()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var shown = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var source = File.ReadAllText(RepositoryPaths.Combine("tests", "SwrKit.Tests", "ClientModel", "ReadmeFirstExample.cs")).Replace("\r\n", "\n");
        var begin = source.IndexOf("// README begin\n", StringComparison.Ordinal) + "// README begin\n".Length;
        var compiled = string.Join("\n", source[begin..source.IndexOf("        // README end", StringComparison.Ordinal)]
            .Split('\n')
            .Select(line => line.StartsWith("        ", StringComparison.Ordinal) ? line[8..] : line));

        Assert.Equal("using SwrKit;\n\n" + compiled, shown);
    }

    [Fact]
    public async Task The_READMEs_first_example_authenticates_when_pointed_at_a_server()
    {
        await using var server = await LoopbackServer.StartAsync();
        Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_AK", TestSecrets.AccessKey);
        Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_SK", TestSecrets.SecretKey);
        try
        {
            // The README's construction, with the endpoint moved to loopback.
            var options = new SwrKitOptions
            {
                Region = "cn-north-4",
                AccessKey = Environment.GetEnvironmentVariable("HUAWEICLOUD_SDK_AK"),
                SecretKey = Environment.GetEnvironmentVariable("HUAWEICLOUD_SDK_SK"),
            };
            options.Endpoints.Swr = server.BaseAddress;

            await new SwrClient(options).DeleteRetentionAsync("my-org", "group$app", 42);

            var (valid, reason) = AkSkVerifier.Verify(server.SingleRequest, TestSecrets.AccessKey, TestSecrets.SecretKey);
            Assert.True(valid, reason);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_AK", null);
            Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_SK", null);
        }
    }
}
