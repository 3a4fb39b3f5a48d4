using SwrKit.Benchmarks.Client;
using static SwrKit.Benchmarks.Client.CallArguments;

namespace SwrKit.Benchmarks.Peers;

/// <summary>The floor: <see cref="HandWrittenClient"/>.</summary>
public sealed class HandContender(HttpClient http, IDisposable? owner = null) : IContender
{
    private readonly HandWrittenClient _client = new(http);

    public string Name => "hand-written";

    public Task DeleteImageSyncRepo() => _client.DeleteImageSyncRepoAsync(Organization, Repository, new HandSyncRepoBody { RemoteRegionId = RemoteRegionId, RemoteNamespace = RemoteNamespace });

    public Task DeleteRetention() => _client.DeleteRetentionAsync(Organization, Repository, RetentionId);

    public async Task<string?> StartRemoteMirrorSynchronization()
    {
        var body = new HandMirrorBody { Username = HandWrittenClient.Base64(MirrorUser), Password = HandWrittenClient.Base64(MirrorPassword), EndpointUuid = EndpointUuid, ForceFetch = true };
        return (await _client.StartRemoteMirrorSynchronizationAsync(RepositoryId, body).ConfigureAwait(false)).Jid;
    }

    public async Task<string?> DeleteImage() => (await _client.DeleteImageAsync(ProjectId, ImageId, force: true).ConfigureAwait(false)).Status;

    public async Task<int?> RunImageSynchronize() =>
        (await _client.RunImageSynchronizeAsync(ProjectId, new HandSynchronizeBody { ImageType = "private_image" }, EnterpriseProjectId).ConfigureAwait(false)).ErrorCode;

    public void Dispose() => owner?.Dispose();
}
