using SwrKit.Benchmarks.Client;
using static SwrKit.Benchmarks.Client.CallArguments;

namespace SwrKit.Benchmarks.Peers;

/// <summary>Refit: <see cref="IRefitSwrApi"/> from <c>RestService.ForGenerated</c> or <c>AddRefitGeneratedClient</c>.</summary>
public sealed class RefitContender(string name, IRefitSwrApi api, IDisposable? owner = null) : IContender
{
    public string Name => name;

    public Task DeleteImageSyncRepo() => api.DeleteImageSyncRepo(Organization, Repository, new HandSyncRepoBody { RemoteRegionId = RemoteRegionId, RemoteNamespace = RemoteNamespace });

    public Task DeleteRetention() => api.DeleteRetention(Organization, Repository, RetentionId);

    public async Task<string?> StartRemoteMirrorSynchronization()
    {
        var body = new HandMirrorBody { Username = HandWrittenClient.Base64(MirrorUser), Password = HandWrittenClient.Base64(MirrorPassword), EndpointUuid = EndpointUuid, ForceFetch = true };
        return (await api.StartRemoteMirrorSynchronization(RepositoryId, body).ConfigureAwait(false)).Jid;
    }

    public async Task<string?> DeleteImage() => (await api.DeleteImage(ProjectId, ImageId, force: true).ConfigureAwait(false)).Status;

    public async Task<int?> RunImageSynchronize() =>
        (await api.RunImageSynchronize(ProjectId, new HandSynchronizeBody { ImageType = "private_image" }, EnterpriseProjectId).ConfigureAwait(false)).ErrorCode;

    public void Dispose() => owner?.Dispose();
}
