using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SwrKit.Authentication;
using SwrKit.Http;

namespace SwrKit.DependencyInjection;

/// <summary>
/// The AK/SK credentials of the clients <c>AddSwrKit</c> registers, one instance per container, so that every client
/// and every handler <see cref="System.Net.Http.IHttpClientFactory"/> builds (and rebuilds) shares one cache. Read from
/// the current options on every attempt: a reloaded <c>SwrKit:AccessKey</c> signs the next attempt; without a credential
/// in the configuration, the default chain (environment, then the ECS metadata service) is chosen once and logged.
/// </summary>
internal sealed class SwrKitCredentials
{
    private readonly IOptionsMonitor<SwrKitOptions> _monitor;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<string, string?> _environment;
    private readonly object _gate = new();
    private readonly OptionsSource _source;
    private AkSkCredentialSource? _defaultChain;

    public SwrKitCredentials(IOptionsMonitor<SwrKitOptions> monitor, TimeProvider time, ILogger logger, SwrKitEnvironment environment)
    {
        _monitor = monitor;
        _time = time;
        _logger = logger;
        _environment = environment.Read;
        _source = new OptionsSource(this);
    }

    /// <summary>The source an AK/SK signing handler asks, or <see langword="null"/> when <paramref name="options"/> authenticate with a token.</summary>
    public AkSkCredentialSource? ForHandler(SwrKitOptions options) => UsesToken(options) ? null : _source;

    private static bool UsesToken(SwrKitOptions options) =>
        string.IsNullOrEmpty(options.AccessKey) && options.CredentialSource is null && (!string.IsNullOrEmpty(options.Token) || options.TokenProvider is not null);

    /// <summary>The default chain's source: chosen once, on first use, and named in one log line (never a key).</summary>
    private AkSkCredentialSource DefaultChain(SwrKitOptions options)
    {
        if (Volatile.Read(ref _defaultChain) is { } chosen)
        {
            return chosen;
        }

        lock (_gate)
        {
            if (_defaultChain is not { } source)
            {
                source = EnvironmentCredentialSource.IsConfigured(_environment)
                    ? new EnvironmentCredentialSource(_environment)
                    : new EcsMetadataCredentialSource(options.MetadataEndpoint, projectId: null, _time);
                Log.CredentialSourceChosen(_logger, source.Description, options.ConfigurationKey(nameof(SwrKitOptions.AccessKey)));
                Volatile.Write(ref _defaultChain, source);
            }

            return source;
        }
    }

    /// <summary>Asks, on every attempt, the source the current options name.</summary>
    private sealed class OptionsSource : AkSkCredentialSource
    {
        private readonly SwrKitCredentials _owner;
        private readonly DerivedOnce<SwrKitOptions, AkSkCredentials> _fromOptions = new();
        private ProjectIdFallback? _withProject;

        public OptionsSource(SwrKitCredentials owner) => _owner = owner;

        internal override string Description => "the configured credentials";

        public override ValueTask<AkSkCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        {
            var options = _owner._monitor.CurrentValue;
            if (!string.IsNullOrEmpty(options.AccessKey))
            {
                return new ValueTask<AkSkCredentials>(FromOptions(options));
            }

            var source = options.CredentialSource ?? _owner.DefaultChain(options);
            var fallback = Volatile.Read(ref _withProject);
            if (fallback is null || !ReferenceEquals(fallback.Inner, source) || fallback.ProjectId != (string.IsNullOrEmpty(options.ProjectId) ? null : options.ProjectId))
            {
                fallback = new ProjectIdFallback(source, options.ProjectId);
                Volatile.Write(ref _withProject, fallback);
            }

            return fallback.GetCredentialsAsync(cancellationToken);
        }

        // Static keys of the current options, built once per options instance (a reload makes a new one).
        private AkSkCredentials FromOptions(SwrKitOptions options) =>
            _fromOptions.Get(options, o => new AkSkCredentials(o.AccessKey!, o.SecretKey!, o.ProjectId, o.SecurityToken));
    }
}

/// <summary>Reads environment variables; replaced in tests, where the process environment is shared by parallel tests.</summary>
internal sealed class SwrKitEnvironment
{
    public SwrKitEnvironment(Func<string, string?> read) => Read = read;

    public static SwrKitEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    public Func<string, string?> Read { get; }
}
