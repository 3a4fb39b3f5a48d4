using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Generation;

/// <summary>
/// Adding an operation is an edit of the spec alone. In a copy of the repository, the spec gains a new service (tag)
/// with one operation that takes an organization, a repository and a limited query parameter; after the next build
/// the method exists, it refuses bad names and values before sending, the analyzer flags a bad literal in a call to it,
/// and dependency injection resolves its client, all without a hand edit.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SpecExtensionTests : IDisposable
{
    private const string NewService = """
          - name: Mirror
            description: deletes mirror rules.
            x-swrkit-title: Mirror Service
            x-swrkit-host: mirror-api

        """;

    private const string NewOperation = """
          /v1/mirrors/{namespace}/{repository}:
            delete:
              tags: [Mirror]
              operationId: Mirror_DeleteMirrorRule
              summary: Deleting a Mirror Rule
              parameters:
                - $ref: '#/components/parameters/Namespace'
                - $ref: '#/components/parameters/Repository'
                - name: reason
                  in: query
                  required: false
                  schema:
                    type: string
                    maxLength: 8
                    pattern: '^[a-z]+$'
              responses:
                '204':
                  description: Deleted.

        """;

    private const string Consumer = """
        using System.Net.Http;
        using System.Threading.Tasks;

        public static class Usage
        {
            public static Task Run(HttpClient http) => new SwrKit.MirrorClient(http).DeleteMirrorRuleAsync("My-Org", "group/app");
        }
        """;

    private const string NewApiNotYetDeclared = "-p:TreatWarningsAsErrors=false";

    private readonly TempRepository _repository = new("SwrKit.Analyzers");

    [Fact]
    public async Task An_operation_added_to_the_spec_is_generated_guarded_analyzed_and_registered()
    {
        _repository.EditSpec(text => text
            .Replace("\npaths:\n", "\n" + NewService + "\npaths:\n")
            .Replace("paths:\n", "paths:\n" + NewOperation));
        // The new public API shows up as RS0016/RS0022 for review (IncrementalGenerationTests declares it); this test
        // only needs the build.
        await _repository.BuildAsync(NewApiNotYetDeclared);

        var consumer = WriteConsumer();
        var analyzed = await _repository.RunBuildAsync(NewApiNotYetDeclared, consumer);
        Assert.Contains("Usage.cs(6,101): warning SWR001", analyzed.Output.Replace('\\', '/'));
        Assert.Contains("Usage.cs(6,116): warning SWR003", analyzed.Output.Replace('\\', '/'));

        var context = new AssemblyLoadContext("spec-extension", isCollectible: true);
        try
        {
            var swrKit = context.LoadFromAssemblyPath(_repository.Assembly);
            await RuntimeGuardAndCall(swrKit);
            await DependencyInjection(swrKit);
        }
        finally
        {
            context.Unload();
        }
    }

    private static async Task RuntimeGuardAndCall(Assembly swrKit)
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(204));
        var client = Activator.CreateInstance(swrKit.GetType("SwrKit.MirrorClient", throwOnError: true)!, server.CreateClient())!;

        var badName = await Assert.ThrowsAsync<ArgumentException>(() => Call(client, "My-Org", "app", null));
        var slash = await Assert.ThrowsAsync<ArgumentException>(() => Call(client, "my-org", "group/app", null));
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => Call(client, "my-org", "app", "abcdefghi"));
        var pattern = await Assert.ThrowsAsync<ArgumentException>(() => Call(client, "my-org", "app", "UPPER"));
        Assert.Equal("namespace", badName.ParamName);
        Assert.Equal("repository", slash.ParamName);
        Assert.Equal("reason", tooLong.ParamName);
        Assert.Contains("does not match the pattern ^[a-z]+$", pattern.Message);
        Assert.Equal(0, server.Connections);

        await Call(client, "my-org", "group$app", "cleanup");
        Assert.Equal("DELETE /v1/mirrors/my-org/group%24app?reason=cleanup HTTP/1.1", Assert.Single(server.Requests).RequestLine);
    }

    private static async Task DependencyInjection(Assembly swrKit)
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(204));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SwrKit:Region"] = "cn-north-4",
            ["SwrKit:Token"] = TestSecrets.Token,
            ["SwrKit:Endpoints:Mirror"] = server.BaseAddress.ToString(),
        }).Build();
        var services = new ServiceCollection();
        var addSwrKit = swrKit.GetType("Microsoft.Extensions.DependencyInjection.SwrKitServiceCollectionExtensions", throwOnError: true)!
            .GetMethod("AddSwrKit", [typeof(IServiceCollection), typeof(IConfiguration)])!;
        addSwrKit.Invoke(null, [services, configuration.GetSection("SwrKit")]);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService(swrKit.GetType("SwrKit.IMirrorClient", throwOnError: true)!);
        await Call(client, "my-org", "app", null);

        var request = Assert.Single(server.Requests);
        Assert.Equal("DELETE /v1/mirrors/my-org/app HTTP/1.1", request.RequestLine);
        Assert.Equal(TestSecrets.Token, request.Header("X-Auth-Token"));
        var names = (IReadOnlyList<string>)swrKit.GetType("SwrKit.SwrKitHttpClientNames")!.GetProperty("All")!.GetValue(null)!;
        Assert.Contains("SwrKit.Mirror", names);
    }

    private static Task Call(object client, string @namespace, string repository, string? reason) =>
        (Task)client.GetType().GetMethod("DeleteMirrorRuleAsync")!.Invoke(client, [@namespace, repository, reason, CancellationToken.None])!;

    private string WriteConsumer()
    {
        var folder = Path.Combine(_repository.Root, "consumer");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Usage.cs"), Consumer);
        var project = Path.Combine(folder, "Consumer.csproj");
        File.WriteAllText(project, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../src/SwrKit/SwrKit.csproj" />
                <ProjectReference Include="../src/SwrKit.Analyzers/SwrKit.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    public void Dispose() => _repository.Dispose();
}
