using System;

namespace SwrKit;

/// <summary>
/// Endpoint overrides, one per service (<c>SwrKit:Endpoints:Swr</c>, ...): absolute <c>https://</c> URIs (or
/// <c>http://</c> to loopback), with or without the trailing <c>/</c>. A service without an override uses the region's endpoint.
/// The properties, <c>Get</c> and <c>ToString</c> are generated from the spec, one per service.
/// </summary>
public sealed partial class SwrKitEndpointOptions
{
    private static string Show(Uri? uri) => uri is null ? "(region)" : uri.IsAbsoluteUri ? uri.Scheme + "://" + uri.Authority + uri.AbsolutePath : "(relative)";
}
