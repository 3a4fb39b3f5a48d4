using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SwrKit.AotSmoke;

/// <summary>
/// Calls the five SwrKit operations against <see cref="RawHttpServer"/> and checks requests and results, first with
/// clients constructed by hand, then with clients from <c>AddSwrKit(IConfiguration)</c>. Prints one line per step and
/// exits 1 if any step fails. <c>--first-call</c> prints only the time of the first ModelArts DeleteImage of this
/// process (new HttpClient, client construction, the call), for docs/performance.md.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        await using var server = new RawHttpServer(Scenario.Respond);
        if (args.Contains("--first-call"))
        {
            var stopwatch = Stopwatch.StartNew();
            var http = new HttpClient { BaseAddress = server.BaseAddress };
            var image = await new ModelArtsClient(http).DeleteImageAsync("p1", "img-1", force: true);
            stopwatch.Stop();
            Console.WriteLine(image?.Id == "img-1" ? $"first-call-ms {stopwatch.Elapsed.TotalMilliseconds:F2}" : "first-call FAILED");
            return image?.Id == "img-1" ? 0 : 1;
        }

        var steps = new Steps { Server = server };
        await Scenario.RunAsync(steps, "plain", server, PlainClients(server.BaseAddress));

        await using var provider = ConfiguredServices(server.BaseAddress);
        steps.Run("di: AddSwrKit binds the configuration", () => Scenario.CheckBoundOptions(provider.GetRequiredService<IOptions<SwrKitOptions>>().Value));
        await Scenario.RunAsync(steps, "di", server, new Clients(
            provider.GetRequiredService<ISwrClient>(),
            provider.GetRequiredService<ICodeArtsRepoClient>(),
            provider.GetRequiredService<IModelArtsClient>(),
            provider.GetRequiredService<IHssClient>()));

        Console.WriteLine($"{steps.Passed} of {steps.Total} steps passed; process start to end: {(DateTime.UtcNow - processStart).TotalMilliseconds:F0} ms");
        return steps.Passed == steps.Total ? 0 : 1;
    }

    private static Clients PlainClients(Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        return new Clients(new SwrClient(http), new CodeArtsRepoClient(http), new ModelArtsClient(http), new HssClient(http));
    }

    private static ServiceProvider ConfiguredServices(Uri baseAddress)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SwrKit:Region"] = "cn-north-4",
            ["SwrKit:Token"] = Scenario.Token,
            ["SwrKit:Endpoints:Swr"] = baseAddress.ToString(),
            ["SwrKit:Endpoints:CodeArtsRepo"] = baseAddress.ToString(),
            ["SwrKit:Endpoints:ModelArts"] = baseAddress.ToString(),
            ["SwrKit:Endpoints:Hss"] = baseAddress.ToString(),
            ["SwrKit:Timeout"] = "00:00:20",
            ["SwrKit:Retry:MaxRetries"] = "1",
            ["SwrKit:Retry:RetryNonIdempotentOperations:0"] = SwrOperations.RunImageSynchronize,
            ["SwrKit:MaxResponseContentBufferSize"] = "65536",
        }).Build();

        var services = new ServiceCollection();
        services.AddSwrKit(configuration.GetSection(SwrKitOptions.SectionName));
        var provider = services.BuildServiceProvider();

        // What a host does at start-up for ValidateOnStart.
        provider.GetService<IStartupValidator>()?.Validate();
        return provider;
    }
}

internal sealed record Clients(ISwrClient Swr, ICodeArtsRepoClient CodeArts, IModelArtsClient ModelArts, IHssClient Hss);

/// <summary>Runs and counts the steps; a step fails by throwing.</summary>
internal sealed class Steps
{
    public int Total { get; private set; }

    public int Passed { get; private set; }

    /// <summary>Forgets what a failed step left behind.</summary>
    public RawHttpServer? Server { get; init; }

    public void Run(string name, Action step) => RunAsync(name, () => { step(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    public async Task RunAsync(string name, Func<Task> step)
    {
        Total++;
        Server?.Requests.Clear();
        try
        {
            await step();
            Passed++;
            Console.WriteLine("PASS " + name);
        }
        catch (Exception ex)
        {
            Console.WriteLine("FAIL " + name + ": " + ex.GetType().Name + ": " + ex.Message);
        }
    }
}

/// <summary>The server's answers and what each step expects, from the spec's examples.</summary>
internal static class Scenario
{
    public const string Token = "aot-smoke-token";

    private const string ImageJson = """{"id":"img-1","name":"mock-service-python","dev_services":["NOTEBOOK","SSH"],"size":387840321,"status":"DELETED","future_field":{"a":1}}""";

    // Routed on the decoded target: SwrKit escapes the "$" of a repository path ("group%24app").
    public static Reply Respond(ReceivedRequest request) => (request.Method, Uri.UnescapeDataString(request.Target)) switch
    {
        ("DELETE", "/v2/manage/namespaces/my-org/repos/group$app/sync_repo") => new Reply(200),
        ("DELETE", "/v2/manage/namespaces/my-org/repos/app/retentions/42") => new Reply(200),
        ("POST", "/v4/repositories/7/remote-mirror") => new Reply(200, """{"jid":"09a56216-cb37-494c-b314-d88dc6c9ff57"}"""),
        ("POST", "/v4/repositories/404/remote-mirror") => new Reply(404, """{"error_code":"CH.004404","error_msg":"Repository Not Found"}"""),
        ("DELETE", "/v1/p1/images/img-1?force=true") => new Reply(200, ImageJson),
        ("POST", "/v5/p1/image/synchronize") => new Reply(200, """{"error_code":0,"error_description":"success"}"""),
        ("POST", "/v5/p-fails/image/synchronize") => new Reply(200, """{"error_code":7,"error_description":"image not found","hint":"x"}"""),
        _ => new Reply(500, """{"error_code":"SMOKE","error_msg":"unexpected request"}"""),
    };

    public static async Task RunAsync(Steps steps, string mode, RawHttpServer server, Clients clients)
    {

        await steps.RunAsync(mode + ": SWR DeleteImageSyncRepo sends its JSON body", async () =>
        {
            await clients.Swr.DeleteImageSyncRepoAsync("my-org", "group$app", new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "cn-north-4", RemoteNamespace = "target-org" });
            var request = Checked(server.TakeSingle(), mode);
            Expect(request.Body == """{"remoteRegionId":"cn-north-4","remoteNamespace":"target-org"}""", "body " + request.Body);
        });

        await steps.RunAsync(mode + ": SWR DeleteRetention", async () =>
        {
            await clients.Swr.DeleteRetentionAsync("my-org", "app", 42);
            var request = Checked(server.TakeSingle(), mode);
            Expect(request.Body.Length == 0, "no body");
        });

        await steps.RunAsync(mode + ": CodeArts StartRemoteMirrorSynchronization sends Base64 credentials, reads the job", async () =>
        {
            var result = await clients.CodeArts.StartRemoteMirrorSynchronizationAsync(7, new StartRemoteMirrorRequest { Username = "user", Password = "p@ss", ForceFetch = true });
            var request = Checked(server.TakeSingle(), mode);
            Expect(request.Body == """{"username":"dXNlcg==","password":"cEBzcw==","force_fetch":true}""", "body " + request.Body);
            Expect(result.Jid == "09a56216-cb37-494c-b314-d88dc6c9ff57", "jid " + result.Jid);
        });

        await steps.RunAsync(mode + ": CodeArts error body becomes SwrServiceException", async () =>
        {
            var ex = await Throws(() => clients.CodeArts.StartRemoteMirrorSynchronizationAsync(404, new StartRemoteMirrorRequest { Username = "user", Password = "p@ss" }));
            server.TakeSingle();
            Expect(ex.StatusCode == 404 && ex.ErrorCode == "CH.004404" && ex.ErrorMessage == "Repository Not Found", ex.Message);
        });

        await steps.RunAsync(mode + ": ModelArts DeleteImage reads the image, unknown fields kept", async () =>
        {
            var image = await clients.ModelArts.DeleteImageAsync("p1", "img-1", force: true) ?? throw new InvalidOperationException("null image");
            Checked(server.TakeSingle(), mode);
            Expect(image.Id == "img-1" && image.Size == 387840321 && image.DevServices?.Count == 2, "image fields");
            Expect(image.AdditionalProperties["future_field"] is JsonElement { ValueKind: JsonValueKind.Object }, "additional property");
        });

        await steps.RunAsync(mode + ": HSS RunImageSynchronize sends the string enum, reads success", async () =>
        {
            var result = await clients.Hss.RunImageSynchronizeAsync("p1", new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = ImageType.SharedImage }, region: "cn-north-4");
            var request = Checked(server.TakeSingle(), mode);
            Expect(request.Body == """{"image_type":"shared_image"}""", "body " + request.Body);
            Expect(request.Headers.TryGetValue("region", out var region) && region == "cn-north-4", "region header");
            Expect(result.ErrorCode == 0 && result.ErrorDescription == "success", "result");
        });

        await steps.RunAsync(mode + ": HSS error_code in a 200 body becomes SwrServiceException with the body", async () =>
        {
            var ex = await Throws(() => clients.Hss.RunImageSynchronizeAsync("p-fails", new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = ImageType.PrivateImage }));
            server.TakeSingle();
            Expect(ex.ErrorCode == "7" && ex.ErrorMessage == "image not found", ex.Message);
            Expect(ex.ResponseBody == """{"error_code":7,"error_description":"image not found","hint":"x"}""", "body " + ex.ResponseBody);
        });
    }

    public static void CheckBoundOptions(SwrKitOptions options)
    {
        Expect(options.Region == "cn-north-4" && options.Token == Token, "region and token");
        Expect(options.Timeout == TimeSpan.FromSeconds(20), "timeout " + options.Timeout);
        Expect(options.Endpoints.Hss is { IsAbsoluteUri: true }, "endpoint");
        Expect(options.Retry.MaxRetries == 1 && options.Retry.RetryNonIdempotentOperations.Contains(SwrOperations.RunImageSynchronize), "retry");
        Expect(options.MaxResponseContentBufferSize == 65536, "buffer size");
    }

    private static ReceivedRequest Checked(ReceivedRequest request, string mode)
    {
        // Only the configured clients authenticate: the token proves the binding reached the handlers.
        var token = request.Headers.TryGetValue("X-Auth-Token", out var t) ? t : null;
        Expect(mode == "di" ? token == Token : token is null, "X-Auth-Token " + token);
        return request;
    }

    private static async Task<SwrServiceException> Throws(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (SwrServiceException ex)
        {
            return ex;
        }

        throw new InvalidOperationException("expected SwrServiceException");
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("unexpected " + what);
        }
    }
}
