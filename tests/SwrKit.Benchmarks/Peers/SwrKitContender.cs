using static SwrKit.Benchmarks.Client.CallArguments;

namespace SwrKit.Benchmarks.Peers;

/// <summary>SwrKit's four service clients, built with a constructor or resolved from a service provider.</summary>
public sealed class SwrKitContender(string name, ISwrClient swr, ICodeArtsRepoClient codeArts, IModelArtsClient modelArts, IHssClient hss, IDisposable? owner = null) : IContender
{
    public SwrKitContender(HttpClient http, IDisposable? owner = null)
        : this("SwrKit", new SwrClient(http), new CodeArtsRepoClient(http), new ModelArtsClient(http), new HssClient(http), owner)
    {
    }

    public string Name => name;

    public Task DeleteImageSyncRepo() => swr.DeleteImageSyncRepoAsync(Organization, Repository, new DeleteImageSyncRepoRequest { RemoteRegionId = RemoteRegionId, RemoteNamespace = RemoteNamespace });

    public Task DeleteRetention() => swr.DeleteRetentionAsync(Organization, Repository, RetentionId);

    public async Task<string?> StartRemoteMirrorSynchronization()
    {
        var body = new StartRemoteMirrorRequest { Username = MirrorUser, Password = MirrorPassword, EndpointUuid = EndpointUuid, ForceFetch = true };
        return (await codeArts.StartRemoteMirrorSynchronizationAsync(RepositoryId, body).ConfigureAwait(false)).Jid;
    }

    public async Task<string?> DeleteImage() => (await modelArts.DeleteImageAsync(ProjectId, ImageId, force: true).ConfigureAwait(false))?.Status;

    public async Task<int?> RunImageSynchronize() =>
        (await hss.RunImageSynchronizeAsync(ProjectId, new RunImageSynchronizeRequest { ImageType = ImageType.PrivateImage }, enterpriseProjectId: EnterpriseProjectId).ConfigureAwait(false)).ErrorCode;

    public void Dispose() => owner?.Dispose();
}
