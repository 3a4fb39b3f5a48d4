using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;
using SwrKit.Benchmarks.Client;

namespace SwrKit.Benchmarks.Peers;

/// <summary>
/// The five operations as a Refit user writes them: one interface, the hand-written DTOs, System.Text.Json. The
/// attributes make Refit send what SwrKit sends: Accept only where a JSON body comes back, Content-Type without the
/// charset parameter Refit adds by default (see also <see cref="RefitSetup"/>).
/// </summary>
public interface IRefitSwrApi
{
    [Delete("/v2/manage/namespaces/{namespace}/repos/{repository}/sync_repo")]
    [Headers("Content-Type: application/json")]
    Task DeleteImageSyncRepo([AliasAs("namespace")] string organization, string repository, [Body] HandSyncRepoBody body, CancellationToken cancellationToken = default);

    [Delete("/v2/manage/namespaces/{namespace}/repos/{repository}/retentions/{retentionId}")]
    Task DeleteRetention([AliasAs("namespace")] string organization, string repository, int retentionId, CancellationToken cancellationToken = default);

    [Post("/v4/repositories/{repositoryId}/remote-mirror")]
    [Headers("Accept: application/json", "Content-Type: application/json")]
    Task<HandMirrorResponse> StartRemoteMirrorSynchronization(int repositoryId, [Body] HandMirrorBody body, CancellationToken cancellationToken = default);

    [Delete("/v1/{projectId}/images/{id}")]
    [Headers("Accept: application/json")]
    Task<HandModelArtsImage> DeleteImage(string projectId, string id, bool force, CancellationToken cancellationToken = default);

    [Post("/v5/{projectId}/image/synchronize")]
    [Headers("Accept: application/json", "Content-Type: application/json")]
    Task<HandSynchronizeResponse> RunImageSynchronize(string projectId, [Body] HandSynchronizeBody body, [AliasAs("enterprise_project_id")] string enterpriseProjectId, CancellationToken cancellationToken = default);
}

/// <summary>The Refit settings every Refit contender uses.</summary>
public static class RefitSetup
{
    /// <summary>
    /// System.Text.Json with the hand-written client's options; bodies buffered, so the request has a Content-Length
    /// as SwrKit's does (Refit streams bodies chunked by default); booleans in the query as JSON spells them.
    /// </summary>
    public static RefitSettings Settings() => new(new SystemTextJsonContentSerializer(new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull }))
    {
        Buffered = true,
        UrlParameterFormatter = new LowercaseBooleanFormatter(),
    };

    private sealed class LowercaseBooleanFormatter : IUrlParameterFormatter
    {
        private readonly DefaultUrlParameterFormatter _default = new();

        public string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) =>
            value is bool b ? (b ? "true" : "false") : _default.Format(value, attributeProvider, type);
    }
}
