using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SwrKit.Package.Tests.Infrastructure;

namespace SwrKit.Package.Tests;

/// <summary>The client from the package (not from the repository) works: the consumer app calls a loopback Kestrel server.</summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PackagedClientTests
{
    private readonly PackageFixture _fixture;

    public PackagedClientTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_consumer_app_deletes_a_retention_policy_on_a_loopback_server()
    {
        var build = await _fixture.DirectApp;
        Assert.True(build.Result.ExitCode == 0, build.Describe());

        var requests = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.Run(context =>
        {
            requests.Enqueue($"{context.Request.Method} {context.Request.Path.Value}");
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var run = await ProcessRunner.RunAsync(
            "dotnet",
            $"run --no-build --project \"{build.Consumer.ProjectPath}\" -- {address}/",
            build.Consumer.Directory,
            TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("SWRKIT-CALL-OK", run.Output);
        Assert.Equal(["DELETE /v2/manage/namespaces/my-org/repos/group$app/retentions/42"], requests.ToArray());

        // And it really was the packaged assembly, restored into the isolated packages folder.
        var assets = File.ReadAllText(Path.Combine(build.Consumer.Directory, "obj", "project.assets.json"));
        Assert.Contains($"\"SwrKit/{_fixture.Version}\"", assets);
        Assert.Contains(_fixture.PackagesDirectory.Replace("\\", "\\\\"), assets);
    }
}
