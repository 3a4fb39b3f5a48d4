using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SwrKit.Benchmarks.Client;

namespace SwrKit.Benchmarks.Peers;

/// <summary>
/// The contenders of <see cref="PeerComparison"/> under BenchmarkDotNet, for the profile behind a missed budget:
/// the memory diagnoser's bytes per call, and with SWRKIT_BENCH_EVENTPIPE=1 the EventPipe CPU samples
/// (Configs.cs). The interleaved figures of docs/performance.md come from <see cref="PeerComparison"/>.
/// Run: dotnet run -c Release --project tests/SwrKit.Benchmarks -- --filter '*PeerBenchmarks*'
/// </summary>
[Config(typeof(ClientConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PeerBenchmarks
{
    private HttpClient _http = null!;
    private IContender _contender = null!;

    [Params(Contenders.Hand, Contenders.SwrKit, Contenders.Refit, Contenders.Kiota, Contenders.SwrKitDi, Contenders.RefitDi, Contenders.KiotaDi)]
    public string Contender { get; set; } = Contenders.Hand;

    [GlobalSetup]
    public void Setup()
    {
        var baseAddress = LoopbackServer.Start();
        _http = Contenders.CreateHttpClient(baseAddress);
        _contender = Contenders.Create(Contender, baseAddress, Contenders.Plain.Contains(Contender) ? _http : null);
        Operations.VerifyAsync(_contender).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _contender.Dispose();
        _http.Dispose();
    }

    [Benchmark]
    [BenchmarkCategory("DeleteImageSyncRepo")]
    public Task DeleteImageSyncRepo() => _contender.DeleteImageSyncRepo();

    [Benchmark]
    [BenchmarkCategory("DeleteRetention")]
    public Task DeleteRetention() => _contender.DeleteRetention();

    [Benchmark]
    [BenchmarkCategory("StartRemoteMirrorSynchronization")]
    public Task<string?> StartRemoteMirrorSynchronization() => _contender.StartRemoteMirrorSynchronization();

    [Benchmark]
    [BenchmarkCategory("DeleteImage")]
    public Task<string?> DeleteImage() => _contender.DeleteImage();

    [Benchmark]
    [BenchmarkCategory("RunImageSynchronize")]
    public Task<int?> RunImageSynchronize() => _contender.RunImageSynchronize();
}
