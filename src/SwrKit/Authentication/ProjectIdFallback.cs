using System;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit.Authentication;

/// <summary>
/// A source whose credentials get the configured project ID when they bring none (the metadata service's keys never
/// do). The snapshot with the project ID is made once per snapshot of the inner source.
/// </summary>
internal sealed class ProjectIdFallback : AkSkCredentialSource
{
    private readonly DerivedOnce<AkSkCredentials, AkSkCredentials> _withProject = new();
    private readonly Func<AkSkCredentials, AkSkCredentials> _addProject;

    public ProjectIdFallback(AkSkCredentialSource inner, string? projectId)
    {
        Inner = inner;
        ProjectId = string.IsNullOrEmpty(projectId) ? null : projectId;
        _addProject = credentials => credentials.WithProjectId(ProjectId);
    }

    public AkSkCredentialSource Inner { get; }

    public string? ProjectId { get; }

    internal override string Description => Inner.Description;

    public override ValueTask<AkSkCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var pending = Inner.GetCredentialsAsync(cancellationToken);
        if (ProjectId is null)
        {
            return pending;
        }

        return pending.IsCompletedSuccessfully ? new ValueTask<AkSkCredentials>(Apply(pending.Result)) : ApplyAsync(pending);
    }

    private async ValueTask<AkSkCredentials> ApplyAsync(ValueTask<AkSkCredentials> pending) => Apply(await pending.ConfigureAwait(false));

    private AkSkCredentials Apply(AkSkCredentials credentials) =>
        credentials is null || credentials.ProjectId is not null ? credentials! : _withProject.Get(credentials, _addProject);
}
