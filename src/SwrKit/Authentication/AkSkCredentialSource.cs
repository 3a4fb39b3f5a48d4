using System;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit.Authentication;

/// <summary>
/// Where AK/SK credentials come from. <see cref="AkSkSigningHandler"/> asks <see cref="GetCredentialsAsync"/> before
/// every attempt, so a retry after a key rotation signs with the new key. SwrKit's sources: fixed keys
/// (<see cref="FromCredentials"/>), the environment (<see cref="EnvironmentCredentialSource"/>), the ECS metadata
/// service (<see cref="EcsMetadataCredentialSource"/>), and any fetch of your own, cached and refreshed ahead of expiry
/// (<see cref="Refreshing"/>). A source never hands out credentials whose <see cref="AkSkCredentials.ExpiresAt"/> has passed.
/// </summary>
public abstract class AkSkCredentialSource
{
    /// <summary>Creates a source.</summary>
    protected AkSkCredentialSource()
    {
    }

    /// <summary>
    /// The credentials to sign the next attempt with. Called for every attempt, so it should answer from a cache;
    /// SwrKit's own sources do, and fetch only when the cached credentials are about to expire.
    /// </summary>
    /// <param name="cancellationToken">The call's cancellation.</param>
    /// <returns>Credentials that have not expired.</returns>
    /// <exception cref="InvalidOperationException">No credentials could be obtained; the message says why, never a key.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public abstract ValueTask<AkSkCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default);

    /// <summary>A source that always returns <paramref name="credentials"/> (long-term keys, or temporary ones you replace yourself).</summary>
    /// <param name="credentials">The credentials.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is <see langword="null"/>.</exception>
    public static AkSkCredentialSource FromCredentials(AkSkCredentials credentials) =>
        new StaticCredentialSource(credentials ?? throw new ArgumentNullException(nameof(credentials)));

    /// <summary>
    /// A source that calls <paramref name="fetch"/> for temporary credentials and caches them: it fetches again when
    /// less than <paramref name="refreshAhead"/> is left before <see cref="AkSkCredentials.ExpiresAt"/>, and only one
    /// fetch runs at a time however many calls need it. When a refresh fails while the cached credentials are still
    /// valid, those are used and the fetch is tried again a little later; expired credentials are never used.
    /// </summary>
    /// <param name="fetch">
    /// Gets fresh credentials. It is not canceled when one caller gives up (other callers may wait for it), so bound
    /// its time yourself. Credentials without <see cref="AkSkCredentials.ExpiresAt"/> are kept for good.
    /// </param>
    /// <param name="refreshAhead">How long before expiry to fetch new credentials, 0 to 24 hours.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fetch"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="refreshAhead"/> is negative or more than 24 hours.</exception>
    public static AkSkCredentialSource Refreshing(Func<CancellationToken, Task<AkSkCredentials>> fetch, TimeSpan refreshAhead, TimeProvider? timeProvider = null) =>
        new RefreshingCredentialSource(fetch, refreshAhead, timeProvider ?? TimeProvider.System, "custom source");

    /// <summary>A short name for the one log line that says which source SwrKit chose (never a key).</summary>
    internal virtual string Description => GetType().Name;

    private sealed class StaticCredentialSource : AkSkCredentialSource
    {
        private readonly AkSkCredentials _credentials;

        public StaticCredentialSource(AkSkCredentials credentials) => _credentials = credentials;

        internal override string Description => "static keys";

        public override ValueTask<AkSkCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => new(_credentials);
    }
}
