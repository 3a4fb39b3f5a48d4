using System;

namespace SwrKit;

/// <summary>The endpoint of each service in a region, and the rule that a base address ends with <c>/</c>.</summary>
public static class ServiceEndpoints
{
    /// <summary>The endpoint of <paramref name="service"/> in <paramref name="region"/>, e.g. <c>https://swr-api.cn-north-4.myhuaweicloud.com/</c>.</summary>
    /// <param name="service">The service.</param>
    /// <param name="region">The region ID, e.g. <c>cn-north-4</c>.</param>
    /// <returns>The base address, ending with <c>/</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="region"/> is not a region ID (lower-case letters, digits and hyphens).</exception>
    public static Uri ForRegion(SwrKitService service, string region)
    {
        if (!IsValidRegion(region))
        {
            throw new ArgumentException("The region must be a region ID such as cn-north-4 (lower-case letters, digits and hyphens).", nameof(region));
        }

        return new Uri($"https://{SwrKitServices.HostPrefix(service)}.{region}.myhuaweicloud.com/");
    }

    /// <summary>Returns <paramref name="baseAddress"/> with a trailing <c>/</c> on its path, so relative operation paths append to it.</summary>
    /// <param name="baseAddress">An absolute URI.</param>
    /// <returns><c>https://host/prefix/</c> for <c>https://host/prefix</c>; the same URI when it already ends with <c>/</c>.</returns>
    public static Uri WithTrailingSlash(Uri baseAddress)
    {
        if (baseAddress is null)
        {
            throw new ArgumentNullException(nameof(baseAddress));
        }

        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be an absolute URI.", nameof(baseAddress));
        }

        return baseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal)
            ? baseAddress
            : new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/" + baseAddress.Query + baseAddress.Fragment);
    }

    /// <summary>Whether <paramref name="region"/> looks like a Huawei Cloud region ID (<c>cn-north-4</c>, <c>ap-southeast-1</c>).</summary>
    /// <param name="region">The candidate.</param>
    /// <returns><see langword="true"/> for lower-case letters and digits in hyphen-separated groups.</returns>
    public static bool IsValidRegion(string? region)
    {
        if (string.IsNullOrEmpty(region) || region!.Length > 64 || region[0] == '-' || region[region.Length - 1] == '-')
        {
            return false;
        }

        for (var i = 0; i < region.Length; i++)
        {
            var c = region[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && region[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    internal static Uri Resolve(SwrKitOptions options, SwrKitService service) =>
        options.Endpoints.Get(service) is { } endpoint
            ? WithTrailingSlash(endpoint)
            : ForRegion(service, options.Region!);
}
