using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace SwrKit.Benchmarks.Client;

/// <summary>
/// Where SwrKit's per-call overhead over the hand-written call comes from (budget 3 profiling), without the network:
/// each category pairs the pattern the generated code uses (src/SwrKit/obj/codegen/SwrKitClient.g.cs, from the NSwag
/// templates) with the hand-written equivalent (the baseline). Time and bytes per call.
/// These are the patterns of NSwag's stock templates; SwrKit's template overrides (src/SwrKit/Generation/Templates)
/// avoid all but SetOperation, so each pair measures what one override saves (docs/performance.md, budget 3).
/// </summary>
[Config(typeof(MicroConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientOverheadBenchmarks
{
    private static readonly JsonSerializerOptions GeneratedOptions = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly byte[] ResponseBody = Encoding.UTF8.GetBytes(LoopbackServer.RunImageSynchronizeJson);

    // --- the response headers dictionary every generated call builds, used only to construct exceptions ---
    [Benchmark(Baseline = true, Description = "response only")]
    [BenchmarkCategory("ResponseHeadersCopy")]
    public int ResponseOnly() => CreateResponse().Headers.Count();

    [Benchmark(Description = "response + generated headers_ dictionary")]
    [BenchmarkCategory("ResponseHeadersCopy")]
    public int ResponseWithHeadersCopy()
    {
        var response = CreateResponse();
        var headers = new Dictionary<string, IEnumerable<string>>();
        foreach (var item in response.Headers)
        {
            headers[item.Key] = item.Value;
        }

        if (response.Content != null && response.Content.Headers != null)
        {
            foreach (var item in response.Content.Headers)
            {
                headers[item.Key] = item.Value;
            }
        }

        return headers.Count + response.Headers.Count();
    }

    // --- Content-Type and Accept ---
    [Benchmark(Baseline = true, Description = "new MediaTypeHeaderValue + new MediaTypeWithQualityHeaderValue")]
    [BenchmarkCategory("MediaTypes")]
    public object MediaTypesNew() => (new MediaTypeHeaderValue("application/json"), new MediaTypeWithQualityHeaderValue("application/json"));

    [Benchmark(Description = "generated: MediaTypeHeaderValue.Parse + MediaTypeWithQualityHeaderValue.Parse")]
    [BenchmarkCategory("MediaTypes")]
    public object MediaTypesParse() => (MediaTypeHeaderValue.Parse("application/json"), MediaTypeWithQualityHeaderValue.Parse("application/json"));

    // --- method ---
    [Benchmark(Baseline = true, Description = "request with HttpMethod.Delete")]
    [BenchmarkCategory("Method")]
    public object MethodStatic() => new HttpRequestMessage { Method = HttpMethod.Delete };

    [Benchmark(Description = "generated: request with new HttpMethod(\"DELETE\")")]
    [BenchmarkCategory("Method")]
    public object MethodNew() => new HttpRequestMessage { Method = new HttpMethod("DELETE") };

    // --- operation tag ---
    [Benchmark(Baseline = true, Description = "request")]
    [BenchmarkCategory("OperationOption")]
    public object RequestOnly() => new HttpRequestMessage();

    [Benchmark(Description = "request + SwrRequestOptions.SetOperation")]
    [BenchmarkCategory("OperationOption")]
    public object RequestWithOperation()
    {
        var request = new HttpRequestMessage();
        SwrRequestOptions.SetOperation(request, "DeleteRetention");
        return request;
    }

    // --- call timeout: HttpClient links a token source to its Timeout on every call; SwrKit's CallTimeout adds its own ---
    [Benchmark(Baseline = true, Description = "caller token only")]
    [BenchmarkCategory("CallTimeout")]
    public bool CallerTokenOnly() => CancellationToken.None.CanBeCanceled;

    [Benchmark(Description = "CallTimeout.Start: linked token source + CancelAfter(HttpClient.Timeout), disposed")]
    [BenchmarkCategory("CallTimeout")]
    public bool CallTimeoutSource()
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None);
        source.CancelAfter(TimeSpan.FromSeconds(100));
        return source.Token.CanBeCanceled;
    }

    // --- URL ---
    [Benchmark(Baseline = true, Description = "string concat + relative Uri")]
    [BenchmarkCategory("Url")]
    public Uri UrlConcat() => new("v2/manage/namespaces/" + Uri.EscapeDataString("my-org") + "/repos/" + Uri.EscapeDataString("group$app") + "/retentions/" + 42.ToString(System.Globalization.CultureInfo.InvariantCulture), UriKind.Relative);

    [Benchmark(Description = "generated: StringBuilder + ConvertToString(object) + Uri")]
    [BenchmarkCategory("Url")]
    public Uri UrlGenerated()
    {
        var urlBuilder = new StringBuilder();
        urlBuilder.Append("v2/manage/namespaces/");
        urlBuilder.Append(Uri.EscapeDataString(ConvertToString("my-org")));
        urlBuilder.Append("/repos/");
        urlBuilder.Append(Uri.EscapeDataString(ConvertToString("group$app")));
        urlBuilder.Append("/retentions/");
        urlBuilder.Append(Uri.EscapeDataString(ConvertToString(42)));
        return new Uri(urlBuilder.ToString(), UriKind.RelativeOrAbsolute);
    }

    // --- request bodies: the generated DTOs' [JsonExtensionData] getter allocates an empty dictionary when serialized ---
    [Benchmark(Baseline = true, Description = "hand DTO")]
    [BenchmarkCategory("RequestBody")]
    public byte[] BodyHand() => JsonSerializer.SerializeToUtf8Bytes(new HandSyncRepoBody { RemoteRegionId = "cn-north-4", RemoteNamespace = "target-org" }, GeneratedOptions);

    [Benchmark(Description = "generated DeleteImageSyncRepoRequest")]
    [BenchmarkCategory("RequestBody")]
    public byte[] BodyGenerated() => JsonSerializer.SerializeToUtf8Bytes(new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "cn-north-4", RemoteNamespace = "target-org" }, GeneratedOptions);

    // --- response bodies ---
    [Benchmark(Baseline = true, Description = "hand DTO")]
    [BenchmarkCategory("ResponseBody")]
    public object? ResponseBodyHand() => JsonSerializer.Deserialize<HandSynchronizeResponse>(ResponseBody, GeneratedOptions);

    [Benchmark(Description = "generated RunImageSynchronizeResponse")]
    [BenchmarkCategory("ResponseBody")]
    public object? ResponseBodyGenerated() => JsonSerializer.Deserialize<RunImageSynchronizeResponse>(ResponseBody, GeneratedOptions);

    // What Kestrel answers (SocketsHttpHandler stores the raw values; enumerating parses them).
    private static HttpResponseMessage CreateResponse()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(ResponseBody) };
        response.Headers.TryAddWithoutValidation("Date", "Sat, 22 Nov 2025 10:00:00 GMT");
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        response.Content.Headers.TryAddWithoutValidation("Content-Length", "46");
        return response;
    }

    // The generated ConvertToString for the argument types used (string, int): boxing + type tests.
    private static string ConvertToString(object? value)
    {
        if (value == null)
        {
            return string.Empty;
        }

        if (value is Enum)
        {
            return value.ToString()!;
        }

        if (value is bool b)
        {
            return b ? "true" : "false";
        }

        if (value is byte[] bytes)
        {
            return Convert.ToBase64String(bytes);
        }

        if (value.GetType().IsArray)
        {
            return string.Empty;
        }

        return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
