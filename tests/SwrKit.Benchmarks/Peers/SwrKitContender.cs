using static SwrKit.Benchmarks.Client.CallArguments;

namespace SwrKit.Benchmarks.Peers;

/// <summary>
/// SwrKit's four service clients, built with a constructor or resolved from a service provider. Each is created on its
/// first use, as an application calling one operation creates only that service's client (the first-call figures).
/// </summary>
public sealed class SwrKitContender(string name, Func<ISwrClient> swr, Func<ICodeArtsRepoClient> codeArts, Func<IModelArtsClient> modelArts, Func<IHssClient> hss, IDisposable? owner = null) : IContender
{
    private ISwrClient? _swr;
    private ICodeArtsRepoClient? _codeArts;
    private IModelArtsClient? _modelArts;
    private IHssClient? _hss;

    public SwrKitContender(HttpClient http, IDisposable? owner = null)
        : this("SwrKit", () => new SwrClient(http), () => new CodeArtsRepoClient(http), () => new ModelArtsClient(http), () => new HssClient(http), owner)
    {
    }

    public string Name => name;

    private ISwrClient Swr => _swr ??= swr();

    private ICodeArtsRepoClient CodeArts => _codeArts ??= codeArts();

    private IModelArtsClient ModelArts => _modelArts ??= modelArts();

    private IHssClient Hss => _hss ??= hss();

    public Task DeleteImageSyncRepo() => Swr.DeleteImageSyncRepoAsync(Organization, Repository, new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = RemoteRegionId, RemoteNamespace = RemoteNamespace });

    public Task DeleteRetention() => Swr.DeleteRetentionAsync(Organization, Repository, RetentionId);

    public async Task<string?> StartRemoteMirrorSynchronization()
    {
        var body = new StartRemoteMirrorRequest { Username = MirrorUser, Password = MirrorPassword, EndpointUuid = EndpointUuid, ForceFetch = true };
        return (await CodeArts.StartRemoteMirrorSynchronizationAsync(RepositoryId, body).ConfigureAwait(false)).Jid;
    }

    public async Task<string?> DeleteImage() => (await ModelArts.DeleteImageAsync(ProjectId, ImageId, force: true).ConfigureAwait(false))?.Status;

    public async Task<int?> RunImageSynchronize() =>
        (await Hss.RunImageSynchronizeAsync(ProjectId, new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = ImageType.PrivateImage }, enterpriseProjectId: EnterpriseProjectId).ConfigureAwait(false)).ErrorCode;

    public void Dispose() => owner?.Dispose();
}
