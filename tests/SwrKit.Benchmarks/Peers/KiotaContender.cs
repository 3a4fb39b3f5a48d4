using System.Text;
using SwrKit.Benchmarks.Kiota;
using KiotaModels = SwrKit.Benchmarks.Kiota.Models;
using static SwrKit.Benchmarks.Client.CallArguments;

namespace SwrKit.Benchmarks.Peers;

/// <summary>Kiota: the client generated from spec/swrkit.yaml at build time (obj/kiota), on a given request adapter.</summary>
public sealed class KiotaContender(string name, KiotaSwrClient client, IDisposable? owner = null) : IContender
{
    public string Name => name;

    public Task DeleteImageSyncRepo() =>
        client.V2.Manage.Namespaces[Organization].Repos[Repository].Sync_repo.DeleteAsync(new KiotaModels.DeleteImageSyncRepoRequest { RemoteRegionId = RemoteRegionId, RemoteNamespace = RemoteNamespace });

    public Task DeleteRetention() => client.V2.Manage.Namespaces[Organization].Repos[Repository].Retentions[RetentionId].DeleteAsync();

    public async Task<string?> StartRemoteMirrorSynchronization()
    {
        // The spec's format: byte. Kiota sends the bytes Base64-encoded, as SwrKit does with the plain values.
        var body = new KiotaModels.StartRemoteMirrorRequest { Username = Encoding.UTF8.GetBytes(MirrorUser), Password = Encoding.UTF8.GetBytes(MirrorPassword), EndpointUuid = EndpointUuid, ForceFetch = true };
        return (await client.V4.Repositories[RepositoryId].RemoteMirror.PostAsync(body).ConfigureAwait(false))?.Jid;
    }

    public async Task<string?> DeleteImage() =>
        (await client.V1[ProjectId].Images[ImageId].DeleteAsync(static c => c.QueryParameters.Force = true).ConfigureAwait(false))?.Status;

    public async Task<int?> RunImageSynchronize() =>
        (await client.V5[ProjectId].Image.Synchronize.PostAsync(new KiotaModels.RunImageSynchronizeRequest { ImageType = KiotaModels.ImageType.Private_image }, static c => c.QueryParameters.EnterpriseProjectId = EnterpriseProjectId).ConfigureAwait(false))?.ErrorCode;

    public void Dispose() => owner?.Dispose();
}
