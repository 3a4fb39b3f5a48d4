namespace SwrKit;

public partial class DeleteImageSyncRepoRequest : IRequestValidation
{
    void IRequestValidation.Validate(string paramName)
    {
        RequestValidation.Required(RemoteRegionId, nameof(RemoteRegionId), paramName);
        RequestValidation.Required(RemoteNamespace, nameof(RemoteNamespace), paramName);
        RequestValidation.Namespace(RemoteNamespace, paramName);
    }
}
