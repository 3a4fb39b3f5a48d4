using System;
using System.Net;
using System.Net.Http;

namespace SwrKit.Authentication;

/// <summary>Credentials travel over plain http:// only to loopback, unless the user explicitly allows it.</summary>
internal static class TransportSecurity
{
    public static void EnsureSafe(HttpRequestMessage request, bool allowInsecureHttp)
    {
        var uri = request.RequestUri;
        if (allowInsecureHttp || uri is null || !uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttp || IsLoopback(uri))
        {
            return;
        }

        throw new InvalidOperationException(
            $"SwrKit refuses to send credentials over plain http:// to '{QuotedText.Cut(uri.Host)}'. Use an https:// endpoint, or allow it explicitly (allowInsecureHttp / SwrKit:AllowInsecureHttp=true) if the network is trusted.");
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
