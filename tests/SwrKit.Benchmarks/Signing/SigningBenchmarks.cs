// Budget 3: AK/SK signing <= 20 µs per request.
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SwrKit.Authentication;

namespace SwrKit.Benchmarks.Signing;

/// <summary>
/// Signing one typical request: POST https://hss.cn-north-4.myhuaweicloud.com/v5/{project}/image/synchronize?enterprise_project_id=0
/// with a small JSON body and the headers SwrKit sends (Content-Type, Accept). "handler" runs the request through
/// <see cref="AkSkSigningHandler"/> to an inner handler that answers 200 without I/O; its baseline is the same request
/// without the signing handler, so the difference is the signing cost per request. "AkSkSigner.Sign" is the signature
/// computation alone (canonical request, SHA-256 of the body, HMAC-SHA256).
/// </summary>
[Config(typeof(MicroConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SigningBenchmarks
{
    private const string Url = "https://hss.cn-north-4.myhuaweicloud.com/v5/0a1b2c3d4e5f60718293a4b5c6d7e8f9/image/synchronize?enterprise_project_id=0";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"image_type":"private_image"}""");
    private static readonly Uri RequestUri = new(Url);
    private static readonly KeyValuePair<string, string>[] Headers =
    [
        new("Accept", "application/json"),
        new("Host", "hss.cn-north-4.myhuaweicloud.com"),
        new("X-Sdk-Date", "20251122T100000Z"),
        new("X-Project-Id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
        new("Content-Type", "application/json"),
    ];

    private HttpMessageInvoker _signed = null!;
    private HttpMessageInvoker _unsigned = null!;

    [GlobalSetup]
    public void Setup()
    {
        var credentials = new AkSkCredentials("HPUAEXAMPLEACCESSKEY01", "exampleSecretKeyexampleSecretKeyexampleSK", "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        _signed = new HttpMessageInvoker(new AkSkSigningHandler(credentials) { InnerHandler = new OkHandler() });
        _unsigned = new HttpMessageInvoker(new OkHandler());
        using var request = CreateRequest();
        _signed.SendAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        if (request.Headers.Authorization is null && !request.Headers.Contains("Authorization"))
        {
            throw new InvalidOperationException("The signing handler did not sign the request.");
        }
    }

    [Benchmark(Baseline = true, Description = "request, no signing")]
    [BenchmarkCategory("Handler")]
    public async Task<HttpStatusCode> Unsigned()
    {
        using var request = CreateRequest();
        using var response = await _unsigned.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        return response.StatusCode;
    }

    [Benchmark(Description = "request through AkSkSigningHandler")]
    [BenchmarkCategory("Handler")]
    public async Task<HttpStatusCode> Signed()
    {
        using var request = CreateRequest();
        using var response = await _signed.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        return response.StatusCode;
    }

    [Benchmark(Description = "AkSkSigner.Sign (signature only)")]
    [BenchmarkCategory("Signer")]
    public string SignOnly() => AkSkSigner.Sign("POST", RequestUri, Headers, Body, "HPUAEXAMPLEACCESSKEY01", "exampleSecretKeyexampleSecretKeyexampleSK");

    private static HttpRequestMessage CreateRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private sealed class OkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
