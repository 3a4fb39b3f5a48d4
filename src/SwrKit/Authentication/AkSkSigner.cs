using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace SwrKit.Authentication;

/// <summary>
/// SDK-HMAC-SHA256 request signing as the official Huawei Cloud SDKs do it (shared/aksk-signing.md): pure functions,
/// no I/O, so the published vectors can be checked without HTTP.
/// </summary>
public static class AkSkSigner
{
    /// <summary>The signing algorithm name.</summary>
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>The date header, format <c>yyyyMMdd'T'HHmmss'Z'</c>.</summary>
    public const string DateHeader = "X-Sdk-Date";

    /// <summary>The header that, when set, replaces the body hash (e.g. <c>UNSIGNED-PAYLOAD</c>).</summary>
    public const string ContentSha256Header = "X-Sdk-Content-Sha256";

    /// <summary>The SHA-256 of the empty body.</summary>
    public const string EmptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Formats a time as an <c>X-Sdk-Date</c> value.</summary>
    /// <param name="utc">The time.</param>
    /// <returns>E.g. <c>20191115T033655Z</c>.</returns>
    public static string FormatDate(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Computes the <c>Authorization</c> header value for a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute request URI.</param>
    /// <param name="headers">Every header on the request (name, value); must include <c>X-Sdk-Date</c>.</param>
    /// <param name="body">The exact body bytes (empty when there is none).</param>
    /// <param name="accessKey">The AK.</param>
    /// <param name="secretKey">The SK.</param>
    /// <returns><c>SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...</c>.</returns>
    public static string Sign(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, byte[] body, string accessKey, string secretKey)
    {
        if (method is null || uri is null || headers is null || accessKey is null || secretKey is null)
        {
            throw new ArgumentNullException(method is null ? nameof(method) : uri is null ? nameof(uri) : headers is null ? nameof(headers) : accessKey is null ? nameof(accessKey) : nameof(secretKey));
        }

        var signed = SignedHeaderList(headers);
        var date = signed.FirstOrDefault(h => h.Name == "x-sdk-date").Value
            ?? throw new ArgumentException($"The {DateHeader} header is required for signing.", nameof(headers));
        var bodyHash = signed.FirstOrDefault(h => h.Name == "x-sdk-content-sha256").Value ?? HexSha256(body ?? Array.Empty<byte>());
        var signedNames = string.Join(";", signed.Select(h => h.Name));
        var canonical = CanonicalRequest(method, uri, signed, signedNames, bodyHash);
        var stringToSign = Algorithm + "\n" + date + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonical));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey));
        var signature = Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        return $"{Algorithm} Access={accessKey}, SignedHeaders={signedNames}, Signature={signature}";
    }

    /// <summary>The canonical request (step 3), exposed for diagnostics and tests.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute request URI.</param>
    /// <param name="headers">Every header on the request.</param>
    /// <param name="bodyHash">The lower-hex SHA-256 of the body, or the <c>X-Sdk-Content-Sha256</c> value.</param>
    /// <returns>The canonical request text.</returns>
    public static string CanonicalRequest(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, string bodyHash)
    {
        var signed = SignedHeaderList(headers);
        return CanonicalRequest(method, uri, signed, string.Join(";", signed.Select(h => h.Name)), bodyHash);
    }

    /// <summary>The canonical URI: the decoded path, each segment encoded, with a trailing <c>/</c>.</summary>
    /// <param name="uri">The absolute request URI.</param>
    /// <returns>E.g. <c>/v2/manage/namespaces/org/repos/group%24app/</c>.</returns>
    public static string CanonicalUri(Uri uri)
    {
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var encoded = string.Join("/", path.Split('/').Select(Encode));
        return encoded.EndsWith("/", StringComparison.Ordinal) ? encoded : encoded + "/";
    }

    /// <summary>The canonical query: pairs sorted by key then value, both sides encoded, joined with <c>&amp;</c>.</summary>
    /// <param name="parameters">The decoded query parameters (a key may repeat).</param>
    /// <returns>The canonical query string, empty when there are no parameters.</returns>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));

    /// <summary>Reads the decoded parameters of a query string (<c>?a=1&amp;b=2</c>).</summary>
    /// <param name="query">The query, with or without the leading <c>?</c>.</param>
    /// <returns>The parameters in order.</returns>
    public static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
    {
        foreach (var pair in (query ?? string.Empty).TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair.Substring(0, equals);
            var value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
            yield return new KeyValuePair<string, string>(Decode(key), Decode(value));
        }
    }

    /// <summary>Percent-encodes UTF-8 bytes, keeping only <c>A-Z a-z 0-9 - _ . ~</c>, with upper-case hex.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Lower-hex SHA-256.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>64 hex characters.</returns>
    public static string HexSha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(data));
    }

    private static string CanonicalRequest(string method, Uri uri, IReadOnlyList<(string Name, string Value)> signed, string signedNames, string bodyHash)
    {
        var builder = new StringBuilder();
        builder.Append(method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalUri(uri)).Append('\n')
            .Append(CanonicalQuery(ParseQuery(uri.Query))).Append('\n');
        foreach (var (name, value) in signed)
        {
            builder.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        builder.Append('\n').Append(signedNames).Append('\n').Append(bodyHash);
        return builder.ToString();
    }

    // Step 2: every header except content-type and names containing '_', lower-cased, sorted ordinally.
    private static List<(string Name, string Value)> SignedHeaderList(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), h.Value))
            .Where(h => h.Name != "content-type" && h.Name.IndexOf('_') < 0)
            .GroupBy(h => h.Name, StringComparer.Ordinal)
            .Select(g => (g.Key, string.Join(",", g.Select(h => h.Value))))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static string Hex(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
