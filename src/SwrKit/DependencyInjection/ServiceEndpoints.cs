using System;

namespace SwrKit;

/// <summary>The endpoint of each service in a region, and the rule that a base address ends with <c>/</c>.</summary>
public static class ServiceEndpoints
{
    /// <summary>
    /// The endpoint <paramref name="service"/> publishes in <paramref name="region"/>, from SwrKit's region catalogue
    /// (the regions and endpoints of the official Huawei Cloud SDKs), e.g. <c>https://swr-api.cn-north-4.myhuaweicloud.com/</c>
    /// or <c>https://swr-api.eu-west-101.myhuaweicloud.eu/</c>. For an endpoint the catalogue does not list, set
    /// <c>Endpoints:&lt;Service&gt;</c> instead.
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="region">The region ID, e.g. <c>cn-north-4</c>.</param>
    /// <returns>The base address, ending with <c>/</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="region"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The service has no endpoint in <paramref name="region"/> (a typo, or a region it does not serve); the message lists its regions.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="service"/> is not a <see cref="SwrKitService"/> value.</exception>
    public static Uri ForRegion(SwrKitService service, string region)
    {
        if (region is null)
        {
            throw new ArgumentNullException(nameof(region));
        }

        return Find(service, region) ?? throw new ArgumentException(UnknownRegion(service, region), nameof(region));
    }

    /// <summary>The catalogue's endpoint of <paramref name="service"/> in <paramref name="region"/>, or <see langword="null"/>.</summary>
    internal static Uri? Find(SwrKitService service, string region)
    {
        foreach (var entry in SwrKitServices.RegionCatalogue(service))
        {
            if (string.Equals(entry.Key, region, StringComparison.Ordinal))
            {
                return new Uri(entry.Value);
            }
        }

        return null;
    }

    /// <summary>Names the service and lists its regions; the region is quoted cut short.</summary>
    internal static string UnknownRegion(SwrKitService service, string region)
    {
        var regions = SwrKitServices.RegionCatalogue(service);
        var names = new string[regions.Length];
        for (var i = 0; i < regions.Length; i++)
        {
            names[i] = regions[i].Key;
        }

        return $"{service} has no endpoint in region '{QuotedText.Cut(region)}' in SwrKit's region catalogue; its regions are: {(names.Length == 0 ? "(none)" : string.Join(", ", names))}.";
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

    /// <summary>The override of <paramref name="service"/>, else its endpoint in the options' region.</summary>
    internal static Uri Resolve(SwrKitOptions options, SwrKitService service) =>
        options.Endpoints.Get(service) is { } endpoint
            ? WithTrailingSlash(endpoint)
            : ForRegion(service, options.Region!);
}
