using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace SwrKit.Benchmarks.Client;

/// <summary>
/// What the handler chain of <c>AddSwrKit</c> costs per call (resilience, response buffering, logging, token
/// authentication), without the network: the same ModelArts DeleteImage call on a client resolved from AddSwrKit and
/// on a bare <see cref="ModelArtsClient"/> (the baseline), both answered in memory. With retries off (the default) and
/// on (the retry strategy in the pipeline, never used: every call succeeds).
/// </summary>
[Config(typeof(ClientConfig))]
[MemoryDiagnoser]
public class AddSwrKitBenchmarks
{
    private const string ProjectId = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private const string ImageId = "c9ab2b2f-edda-4556-bdbb-494e868d043c";

    private ServiceProvider _provider = null!;
    private IModelArtsClient _throughAddSwrKit = null!;
    private ModelArtsClient _bare = null!;

    [Params(0, 3)]
    public int MaxRetries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddSwrKit(o =>
            {
                o.Region = "cn-north-4";
                o.Token = "bench-token";
                o.Retry.MaxRetries = MaxRetries;
            })
            .ConfigureHttpClients(client => client.ConfigurePrimaryHttpMessageHandler(() => new CannedResponseHandler()));
        _provider = services.BuildServiceProvider();
        _throughAddSwrKit = _provider.GetRequiredService<IModelArtsClient>();
        _bare = new ModelArtsClient(new HttpClient(new CannedResponseHandler()) { BaseAddress = new Uri("https://modelarts.cn-north-4.myhuaweicloud.com/") });

        if (Bare().GetAwaiter().GetResult() != "DELETED" || ThroughAddSwrKit().GetAwaiter().GetResult() != "DELETED")
        {
            throw new InvalidOperationException("DeleteImage did not return the canned image.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true, Description = "bare ModelArtsClient")]
    public async Task<string?> Bare() => (await _bare.DeleteImageAsync(ProjectId, ImageId).ConfigureAwait(false)).Status;

    [Benchmark(Description = "through AddSwrKit")]
    public async Task<string?> ThroughAddSwrKit() => (await _throughAddSwrKit.DeleteImageAsync(ProjectId, ImageId).ConfigureAwait(false)).Status;

    private sealed class CannedResponseHandler : HttpMessageHandler
    {
        private static readonly byte[] Body = Encoding.UTF8.GetBytes(LoopbackServer.ModelArtsImageJson);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
