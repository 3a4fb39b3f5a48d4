using System;

namespace SwrKit;

/// <summary>
/// Endpoint overrides, one per service (<c>SwrKit:Endpoints:Swr</c>, ...): absolute <c>https://</c> URIs (or
/// <c>http://</c> to loopback), with or without the trailing <c>/</c>. A service without an override uses the region's endpoint.
/// </summary>
public sealed class SwrKitEndpointOptions
{
    /// <summary>Replaces <c>https://swr-api.{region}.myhuaweicloud.com/</c>.</summary>
    public Uri? Swr { get; set; }

    /// <summary>Replaces <c>https://codehub-ext.{region}.myhuaweicloud.com/</c>.</summary>
    public Uri? CodeArtsRepo { get; set; }

    /// <summary>Replaces <c>https://modelarts.{region}.myhuaweicloud.com/</c>.</summary>
    public Uri? ModelArts { get; set; }

    /// <summary>Replaces <c>https://hss.{region}.myhuaweicloud.com/</c>.</summary>
    public Uri? Hss { get; set; }

    /// <summary>The override for <paramref name="service"/>, or <see langword="null"/>.</summary>
    /// <param name="service">The service.</param>
    /// <returns>The configured URI, as set.</returns>
    public Uri? Get(SwrKitService service) => service switch
    {
        SwrKitService.Swr => Swr,
        SwrKitService.CodeArtsRepo => CodeArtsRepo,
        SwrKitService.ModelArts => ModelArts,
        SwrKitService.Hss => Hss,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown service."),
    };

    /// <summary>Which overrides are set (host and path only).</summary>
    /// <returns>A description without user info or query.</returns>
    public override string ToString() =>
        $"{{ Swr = {Show(Swr)}, CodeArtsRepo = {Show(CodeArtsRepo)}, ModelArts = {Show(ModelArts)}, Hss = {Show(Hss)} }}";

    private static string Show(Uri? uri) => uri is null ? "(region)" : uri.IsAbsoluteUri ? uri.Scheme + "://" + uri.Authority + uri.AbsolutePath : "(relative)";
}
