using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.ClientModel;

/// <summary>Options for a client created without dependency injection, every endpoint at a loopback server.</summary>
internal static class ClientOptions
{
    public static SwrKitOptions Token(Uri server, Action<SwrKitOptions>? configure = null)
    {
        var options = new SwrKitOptions { Token = TestSecrets.Token };
        SwrKitTestHost.UseServer(options, server);
        configure?.Invoke(options);
        return options;
    }

    public static SwrKitOptions AkSk(Uri server, Action<SwrKitOptions>? configure = null)
    {
        var options = new SwrKitOptions { AccessKey = TestSecrets.AccessKey, SecretKey = TestSecrets.SecretKey, ProjectId = "proj-1", SecurityToken = TestSecrets.SecurityToken };
        SwrKitTestHost.UseServer(options, server);
        configure?.Invoke(options);
        return options;
    }
}
