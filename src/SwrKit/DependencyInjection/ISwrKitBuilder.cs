using Microsoft.Extensions.DependencyInjection;

namespace SwrKit;

/// <summary>What <c>AddSwrKit</c> returns: the service collection, for the builder extensions (<c>UseTokenProvider</c>, <c>ConfigureHttpClients</c>).</summary>
public interface ISwrKitBuilder
{
    /// <summary>The service collection SwrKit was added to.</summary>
    IServiceCollection Services { get; }
}

internal sealed class SwrKitBuilder : ISwrKitBuilder
{
    public SwrKitBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }
}
