using System.Threading;
using System.Threading.Tasks;

namespace SwrKit.Authentication;

/// <summary>
/// A source whose credentials get the configured project ID when they bring none (the metadata service's keys never
/// do). The snapshot with the project ID is made once per snapshot of the inner source.
/// </summary>
internal sealed class ProjectIdFallback : AkSkCredentialSource
{
    private Snapshot? _last;

    public ProjectIdFallback(AkSkCredentialSource inner, string? projectId)
    {
        Inner = inner;
        ProjectId = string.IsNullOrEmpty(projectId) ? null : projectId;
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

    private AkSkCredentials Apply(AkSkCredentials credentials)
    {
        if (credentials is null || credentials.ProjectId is not null)
        {
            return credentials!;
        }

        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.From, credentials))
        {
            return last.To;
        }

        var made = credentials.WithProjectId(ProjectId);
        Volatile.Write(ref _last, new Snapshot(credentials, made));
        return made;
    }

    private sealed class Snapshot
    {
        public Snapshot(AkSkCredentials from, AkSkCredentials to)
        {
            From = from;
            To = to;
        }

        public AkSkCredentials From { get; }

        public AkSkCredentials To { get; }
    }
}
