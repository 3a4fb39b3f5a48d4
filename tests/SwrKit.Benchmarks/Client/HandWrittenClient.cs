using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SwrKit.Benchmarks.Client;

/// <summary>
/// The baseline of budget 3: what a careful engineer writes by hand with <see cref="HttpClient"/> and System.Text.Json
/// for the same five requests (same method, path, query, headers and JSON body) and responses. No validation, no
/// error translation: the difference to SwrKit is what SwrKit costs.
/// </summary>
public sealed class HandWrittenClient
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    // The floor of a trimmed/AOT-ready client: the same options, metadata from a source-generated context.
    private static readonly JsonSerializerOptions SourceGeneratedOptions = new(Options) { TypeInfoResolver = HandJsonContext.Default };

    private readonly HttpClient _http;
    private readonly JsonSerializerOptions _options;

    public HandWrittenClient(HttpClient http, bool sourceGenerated = false)
    {
        _http = http;
        _options = sourceGenerated ? SourceGeneratedOptions : Options;
    }

    public async Task DeleteImageSyncRepoAsync(string @namespace, string repository, HandSyncRepoBody body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "v2/manage/namespaces/" + Uri.EscapeDataString(@namespace) + "/repos/" + Uri.EscapeDataString(repository) + "/sync_repo");
        request.Content = JsonBody(body);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async Task DeleteRetentionAsync(string @namespace, string repository, int retentionId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "v2/manage/namespaces/" + Uri.EscapeDataString(@namespace) + "/repos/" + Uri.EscapeDataString(repository) + "/retentions/" + retentionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async Task<HandMirrorResponse> StartRemoteMirrorSynchronizationAsync(int repositoryId, HandMirrorBody body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v4/repositories/" + repositoryId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/remote-mirror");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = JsonBody(body);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await ReadAsync<HandMirrorResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HandModelArtsImage> DeleteImageAsync(string projectId, string id, bool force, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "v1/" + Uri.EscapeDataString(projectId) + "/images/" + Uri.EscapeDataString(id) + (force ? "?force=true" : "?force=false"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await ReadAsync<HandModelArtsImage>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HandSynchronizeResponse> RunImageSynchronizeAsync(string projectId, HandSynchronizeBody body, string enterpriseProjectId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v5/" + Uri.EscapeDataString(projectId) + "/image/synchronize?enterprise_project_id=" + Uri.EscapeDataString(enterpriseProjectId));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = JsonBody(body);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await ReadAsync<HandSynchronizeResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    public static string Base64(string plain) => Convert.ToBase64String(Encoding.UTF8.GetBytes(plain));

    private ByteArrayContent JsonBody<T>(T body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, _options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync<T>(stream, _options, cancellationToken).ConfigureAwait(false) ?? throw new JsonException("null body");
    }
}

public sealed class HandSyncRepoBody
{
    [JsonPropertyName("remoteRegionId")]
    public string RemoteRegionId { get; set; } = string.Empty;

    [JsonPropertyName("remoteNamespace")]
    public string RemoteNamespace { get; set; } = string.Empty;
}

public sealed class HandMirrorBody
{
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("password")]
    public string? Password { get; set; }

    [JsonPropertyName("endpoint_uuid")]
    public string? EndpointUuid { get; set; }

    [JsonPropertyName("force_fetch")]
    public bool? ForceFetch { get; set; }
}

public sealed class HandMirrorResponse
{
    [JsonPropertyName("jid")]
    public string? Jid { get; set; }
}

public sealed class HandModelArtsImage
{
    [JsonPropertyName("arch")] public string? Arch { get; set; }
    [JsonPropertyName("create_at")] public long? CreateAt { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("dev_services")] public List<string>? DevServices { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("namespace")] public string? Namespace { get; set; }
    [JsonPropertyName("origin")] public string? Origin { get; set; }
    [JsonPropertyName("resource_categories")] public List<string>? ResourceCategories { get; set; }
    [JsonPropertyName("service_type")] public string? ServiceType { get; set; }
    [JsonPropertyName("size")] public long? Size { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("status_message")] public string? StatusMessage { get; set; }
    [JsonPropertyName("support_res_categories")] public List<string>? SupportResCategories { get; set; }
    [JsonPropertyName("swr_path")] public string? SwrPath { get; set; }
    [JsonPropertyName("tag")] public string? Tag { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("update_at")] public long? UpdateAt { get; set; }
    [JsonPropertyName("visibility")] public string? Visibility { get; set; }
    [JsonPropertyName("workspace_id")] public string? WorkspaceId { get; set; }
}

public sealed class HandSynchronizeBody
{
    [JsonPropertyName("image_type")]
    public string ImageType { get; set; } = "private_image";
}

public sealed class HandSynchronizeResponse
{
    [JsonPropertyName("error_code")]
    public int? ErrorCode { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HandSyncRepoBody))]
[JsonSerializable(typeof(HandMirrorBody))]
[JsonSerializable(typeof(HandMirrorResponse))]
[JsonSerializable(typeof(HandModelArtsImage))]
[JsonSerializable(typeof(HandSynchronizeBody))]
[JsonSerializable(typeof(HandSynchronizeResponse))]
internal sealed partial class HandJsonContext : JsonSerializerContext
{
}
