using System;
using System.Net.Http;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace SwrKit.Http;

/// <summary>
/// The <c>User-Agent</c> every SwrKit request carries, as cloud SDKs send theirs so that support can tell which SDK,
/// version and platform made a call: <c>[application-id ]swrkit-dotnet/1.0.0+commit (.NET 8.0.11; Ubuntu 24.04 LTS)</c>.
/// An application's own <c>User-Agent</c> on its <see cref="HttpClient"/> comes first; <see cref="HttpClient"/> would
/// otherwise drop it, since a request's own header wins over the client's defaults.
/// </summary>
internal static class SwrKitUserAgent
{
    /// <summary>The most characters of <see cref="SwrKitOptions.ApplicationId"/>.</summary>
    public const int MaxApplicationIdLength = 64;

    /// <summary>SwrKit's own part: product, informational version, framework and operating system.</summary>
    public static readonly string Product = CreateProduct();

    public static string For(HttpClient client, string? applicationId)
    {
        var own = string.IsNullOrEmpty(applicationId) ? Product : applicationId + " " + Product;
        return client.DefaultRequestHeaders.TryGetValues("User-Agent", out var values)
            ? string.Join(" ", values) + " " + own
            : own;
    }

    /// <summary>
    /// Whether <paramref name="applicationId"/> can lead the header: 1 to <see cref="MaxApplicationIdLength"/> token
    /// characters (letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>) or <c>/</c>, so <c>my-app/2.1</c> is one.
    /// </summary>
    public static bool IsValidApplicationId(string applicationId)
    {
        if (applicationId.Length is 0 or > MaxApplicationIdLength)
        {
            return false;
        }

        foreach (var c in applicationId)
        {
            var token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~/".IndexOf(c) >= 0;
            if (!token)
            {
                return false;
            }
        }

        return true;
    }

    private static string CreateProduct()
    {
        var assembly = typeof(SwrKitUserAgent).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        return "swrkit-dotnet/" + Clean(version, comment: false) + " (" + Clean(RuntimeInformation.FrameworkDescription, comment: true) + "; " + Clean(RuntimeInformation.OSDescription, comment: true) + ")";
    }

    // Header values must be printable ASCII; a comment must not close early. The platform strings are the runtime's,
    // but a distribution's OS description can hold anything.
    private static string Clean(string text, bool comment)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var keep = c is > ' ' and < '\u007f' && (!comment || c is not ('(' or ')' or '\\')) && (comment || c != ' ');
            clean.Append(keep ? c : c == ' ' && comment ? ' ' : '_');
        }

        return clean.Length == 0 ? "unknown" : clean.ToString();
    }
}
