using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using static SwrKit.Benchmarks.Client.CallArguments;

namespace SwrKit.Benchmarks.Client;

/// <summary>
/// Budget 3: per call, against the same loopback Kestrel endpoint, SwrKit vs a hand-written HttpClient +
/// System.Text.Json call doing the same request and response: time ≤ 1.10×, allocated bytes ≤ 1.25×, per operation.
/// One category per operation, the hand-written call is the baseline of its category.
/// </summary>
[Config(typeof(ClientConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientBenchmarks
{
    private HttpClient _http = null!;
    private SwrClient _swr = null!;
    private CodeArtsRepoClient _codeArts = null!;
    private ModelArtsClient _modelArts = null!;
    private HssClient _hss = null!;
    private HandWrittenClient _hand = null!;

    [GlobalSetup]
    public void Setup()
    {
        var baseAddress = LoopbackServer.Start();
        // One HttpClient (one connection pool) for both implementations: same sockets, same handler.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false }) { BaseAddress = baseAddress };
        _swr = new SwrClient(_http);
        _codeArts = new CodeArtsRepoClient(_http);
        _modelArts = new ModelArtsClient(_http);
        _hss = new HssClient(_http);
        _hand = new HandWrittenClient(_http);

        // Both sides must get the documented answer, or the comparison is meaningless.
        Swr_DeleteImageSyncRepo().GetAwaiter().GetResult();
        Hand_DeleteImageSyncRepo().GetAwaiter().GetResult();
        Swr_DeleteRetention().GetAwaiter().GetResult();
        Hand_DeleteRetention().GetAwaiter().GetResult();
        Expect(Swr_StartRemoteMirror().GetAwaiter().GetResult() == "09a56216-cb37-494c-b314-d88dc6c9ff57", "jid");
        Expect(Hand_StartRemoteMirror().GetAwaiter().GetResult() == "09a56216-cb37-494c-b314-d88dc6c9ff57", "jid");
        Expect(Swr_DeleteImage().GetAwaiter().GetResult() == "DELETED", "status");
        Expect(Hand_DeleteImage().GetAwaiter().GetResult() == "DELETED", "status");
        Expect(Swr_RunImageSynchronize().GetAwaiter().GetResult() == 0, "error_code");
        Expect(Hand_RunImageSynchronize().GetAwaiter().GetResult() == 0, "error_code");
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Description = "SwrKit")]
    [BenchmarkCategory("DeleteImageSyncRepo")]
    public Task Swr_DeleteImageSyncRepo() =>
        _swr.DeleteImageSyncRepoAsync(Organization, Repository, new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "cn-north-4", RemoteNamespace = "target-org" });

    [Benchmark(Baseline = true, Description = "HttpClient+STJ")]
    [BenchmarkCategory("DeleteImageSyncRepo")]
    public Task Hand_DeleteImageSyncRepo() =>
        _hand.DeleteImageSyncRepoAsync(Organization, Repository, new HandSyncRepoBody { RemoteRegionId = "cn-north-4", RemoteNamespace = "target-org" });

    [Benchmark(Description = "SwrKit")]
    [BenchmarkCategory("DeleteRetention")]
    public Task Swr_DeleteRetention() => _swr.DeleteRetentionAsync(Organization, Repository, 42);

    [Benchmark(Baseline = true, Description = "HttpClient+STJ")]
    [BenchmarkCategory("DeleteRetention")]
    public Task Hand_DeleteRetention() => _hand.DeleteRetentionAsync(Organization, Repository, 42);

    [Benchmark(Description = "SwrKit")]
    [BenchmarkCategory("StartRemoteMirrorSynchronization")]
    public async Task<string?> Swr_StartRemoteMirror()
    {
        var response = await _codeArts.StartRemoteMirrorSynchronizationAsync(123, new StartRemoteMirrorRequest { Username = "mirror-user", Password = "s3cret-passw0rd", EndpointUuid = "a1b2c3d4", ForceFetch = true }).ConfigureAwait(false);
        return response.Jid;
    }

    [Benchmark(Baseline = true, Description = "HttpClient+STJ")]
    [BenchmarkCategory("StartRemoteMirrorSynchronization")]
    public async Task<string?> Hand_StartRemoteMirror()
    {
        var body = new HandMirrorBody { Username = HandWrittenClient.Base64("mirror-user"), Password = HandWrittenClient.Base64("s3cret-passw0rd"), EndpointUuid = "a1b2c3d4", ForceFetch = true };
        var response = await _hand.StartRemoteMirrorSynchronizationAsync(123, body).ConfigureAwait(false);
        return response.Jid;
    }

    [Benchmark(Description = "SwrKit")]
    [BenchmarkCategory("DeleteImage")]
    public async Task<string?> Swr_DeleteImage()
    {
        var image = await _modelArts.DeleteImageAsync(ProjectId, ImageId, force: true).ConfigureAwait(false);
        return image?.Status;
    }

    [Benchmark(Baseline = true, Description = "HttpClient+STJ")]
    [BenchmarkCategory("DeleteImage")]
    public async Task<string?> Hand_DeleteImage()
    {
        var image = await _hand.DeleteImageAsync(ProjectId, ImageId, force: true).ConfigureAwait(false);
        return image.Status;
    }

    [Benchmark(Description = "SwrKit")]
    [BenchmarkCategory("RunImageSynchronize")]
    public async Task<int?> Swr_RunImageSynchronize()
    {
        var response = await _hss.RunImageSynchronizeAsync(ProjectId, new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = ImageType.PrivateImage }, enterpriseProjectId: "0").ConfigureAwait(false);
        return response.ErrorCode;
    }

    [Benchmark(Baseline = true, Description = "HttpClient+STJ")]
    [BenchmarkCategory("RunImageSynchronize")]
    public async Task<int?> Hand_RunImageSynchronize()
    {
        var response = await _hand.RunImageSynchronizeAsync(ProjectId, new HandSynchronizeBody { ImageType = "private_image" }, "0").ConfigureAwait(false);
        return response.ErrorCode;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Unexpected " + what + " from the loopback server.");
        }
    }
}
