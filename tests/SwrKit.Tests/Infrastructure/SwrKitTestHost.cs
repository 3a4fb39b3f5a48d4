using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SwrKit.Tests.Infrastructure;

/// <summary>
/// A container with <c>AddSwrKit</c>, a capturing logger at Trace level and fast test timings. Disposing it checks
/// that no test secret reached a log line or exception text anywhere in the suite so far.
/// </summary>
public sealed class SwrKitTestHost : IAsyncDisposable
{
    private SwrKitTestHost(ServiceProvider provider, CapturingLoggerProvider logs)
    {
        Provider = provider;
        Logs = logs;
    }

    public ServiceProvider Provider { get; }

    public CapturingLoggerProvider Logs { get; }

    public ISwrClient Swr => Provider.GetRequiredService<ISwrClient>();

    public ICodeArtsRepoClient CodeArts => Provider.GetRequiredService<ICodeArtsRepoClient>();

    public IModelArtsClient ModelArts => Provider.GetRequiredService<IModelArtsClient>();

    public IHssClient Hss => Provider.GetRequiredService<IHssClient>();

    /// <summary>All four endpoints on <paramref name="server"/>, AK/SK credentials, fast timings; then <paramref name="configure"/>.</summary>
    public static SwrKitTestHost Create(LoopbackServer server, Action<SwrKitOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        Build(collection => collection.AddSwrKit(options =>
        {
            UseServer(options, server);
            options.AccessKey = TestSecrets.AccessKey;
            options.SecretKey = TestSecrets.SecretKey;
            options.ProjectId = "proj-1";
            options.SecurityToken = TestSecrets.SecurityToken;
            options.Timeout = TimeSpan.FromSeconds(10);
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
            configure?.Invoke(options);
        }), services);

    public static SwrKitTestHost FromConfiguration(IDictionary<string, string?> values, Action<IServiceCollection>? services = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return Build(collection => collection.AddSwrKit(configuration.GetSection("SwrKit")), services);
    }

    public static SwrKitTestHost Build(Action<IServiceCollection> addSwrKit, Action<IServiceCollection>? services = null)
    {
        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services?.Invoke(collection);
        addSwrKit(collection);
        return new SwrKitTestHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), logs);
    }

    public static void UseServer(SwrKitOptions options, LoopbackServer server) => UseServer(options, server.BaseAddress);

    /// <summary>Every service's endpoint override set to <paramref name="baseAddress"/>.</summary>
    public static void UseServer(SwrKitOptions options, Uri baseAddress)
    {
        foreach (var service in Enum.GetValues<SwrKitService>())
        {
            typeof(SwrKitEndpointOptions).GetProperty(service.ToString())!.SetValue(options.Endpoints, baseAddress);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        SecretScan.AssertClean();
    }
}

/// <summary>Assertions that also hand the exception text to the secret scan.</summary>
public static class Expect
{
    public static async Task<T> ThrowsAsync<T>(Func<Task> call)
        where T : Exception => SecretScan.Record(await Assert.ThrowsAsync<T>(call));

    public static async Task<T> ThrowsAnyAsync<T>(Func<Task> call)
        where T : Exception => SecretScan.Record(await Assert.ThrowsAnyAsync<T>(call));
}
