using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SwrKit.Authentication;

/// <summary>
/// SDK-HMAC-SHA256 request signing as the official Huawei Cloud SDKs do it (docs/aksk-signing.md): pure functions,
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
        string? date = null;
        string? contentSha256 = null;
        foreach (var (name, value) in signed)
        {
            if (name == "x-sdk-date")
            {
                date = value;
            }
            else if (name == "x-sdk-content-sha256")
            {
                contentSha256 = value;
            }
        }

        if (date is null)
        {
            throw new ArgumentException($"The {DateHeader} header is required for signing.", nameof(headers));
        }

        var bodyHash = contentSha256 ?? HexSha256(body ?? Array.Empty<byte>());
        var signedNames = SignedNames(signed);
        var canonical = CanonicalRequest(method, uri, signed, signedNames, bodyHash);
        var stringToSign = Algorithm + "\n" + date + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonical));
        var signature = Hex(HmacSha256(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
        return Algorithm + " Access=" + accessKey + ", SignedHeaders=" + signedNames + ", Signature=" + signature;
    }

    /// <summary>The canonical request (step 3).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute request URI.</param>
    /// <param name="headers">Every header on the request.</param>
    /// <param name="bodyHash">The lower-hex SHA-256 of the body, or the <c>X-Sdk-Content-Sha256</c> value.</param>
    /// <returns>The canonical request text.</returns>
    internal static string CanonicalRequest(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, string bodyHash)
    {
        var signed = SignedHeaderList(headers);
        return CanonicalRequest(method, uri, signed, SignedNames(signed), bodyHash);
    }

    /// <summary>The canonical URI: the decoded path, each segment encoded, with a trailing <c>/</c>.</summary>
    /// <param name="uri">The absolute request URI.</param>
    /// <returns>E.g. <c>/v2/manage/namespaces/org/repos/group%24app/</c>.</returns>
    internal static string CanonicalUri(Uri uri)
    {
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var builder = new StringBuilder(path.Length + 16);
        AppendEncoded(builder, path, keepSlash: true);
        if (builder.Length == 0 || builder[builder.Length - 1] != '/')
        {
            builder.Append('/');
        }

        return builder.ToString();
    }

    /// <summary>The canonical query: pairs sorted by key then value, both sides encoded, joined with <c>&amp;</c>.</summary>
    /// <param name="parameters">The decoded query parameters (a key may repeat).</param>
    /// <returns>The canonical query string, empty when there are no parameters.</returns>
    internal static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var sorted = new List<KeyValuePair<string, string>>(parameters);
        if (sorted.Count == 0)
        {
            return string.Empty;
        }

        // Equal keys and values are interchangeable, so an unstable sort gives the same text.
        sorted.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        var builder = new StringBuilder();
        foreach (var pair in sorted)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            AppendEncoded(builder, pair.Key, keepSlash: false);
            builder.Append('=');
            AppendEncoded(builder, pair.Value, keepSlash: false);
        }

        return builder.ToString();
    }

    /// <summary>Reads the decoded parameters of a query string (<c>?a=1&amp;b=2</c>).</summary>
    /// <param name="query">The query, with or without the leading <c>?</c>.</param>
    /// <returns>The parameters in order.</returns>
    internal static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
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
    internal static string Encode(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        foreach (var c in value)
        {
            if (!IsUnreserved(c))
            {
                var builder = new StringBuilder(value.Length + 16);
                AppendEncoded(builder, value, keepSlash: false);
                return builder.ToString();
            }
        }

        return value;
    }

    /// <summary>Lower-hex SHA-256.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>64 hex characters.</returns>
    internal static string HexSha256(byte[] data)
    {
#if NET5_0_OR_GREATER
        return Hex(SHA256.HashData(data));
#else
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(data));
#endif
    }

    private static byte[] HmacSha256(byte[] key, byte[] data)
    {
#if NET6_0_OR_GREATER
        return HMACSHA256.HashData(key, data);
#else
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(data);
#endif
    }

    private static string CanonicalRequest(string method, Uri uri, List<(string Name, string Value)> signed, string signedNames, string bodyHash)
    {
        var builder = new StringBuilder(256);
        builder.Append(method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalUri(uri)).Append('\n');
        var query = uri.Query;
        if (query.Length > 1)
        {
            builder.Append(CanonicalQuery(ParseQuery(query)));
        }

        builder.Append('\n');
        foreach (var (name, value) in signed)
        {
            builder.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        builder.Append('\n').Append(signedNames).Append('\n').Append(bodyHash);
        return builder.ToString();
    }

    // Step 2: every header except content-type and names containing '_', lower-cased, sorted ordinally; a name that
    // occurs more than once is signed once with its values joined by ','.
    private static List<(string Name, string Value)> SignedHeaderList(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var signed = new List<(string Name, string Value)>(8);
        foreach (var header in headers)
        {
            var name = header.Key.ToLowerInvariant();
            if (name == "content-type" || name.IndexOf('_') >= 0)
            {
                continue;
            }

            var value = header.Value ?? string.Empty;
            var existing = -1;
            for (var i = 0; i < signed.Count && existing < 0; i++)
            {
                existing = signed[i].Name == name ? i : -1;
            }

            if (existing < 0)
            {
                signed.Add((name, value));
            }
            else
            {
                signed[existing] = (name, signed[existing].Value + "," + value);
            }
        }

        // Names are unique now, so the unstable sort is deterministic.
        signed.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return signed;
    }

    private static string SignedNames(List<(string Name, string Value)> signed)
    {
        var builder = new StringBuilder(signed.Count * 12);
        foreach (var (name, _) in signed)
        {
            if (builder.Length > 0)
            {
                builder.Append(';');
            }

            builder.Append(name);
        }

        return builder.ToString();
    }

    private static bool IsUnreserved(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c is '-' or '_' or '.' or '~';

    // Percent-encodes the UTF-8 bytes of value (upper-case hex), keeping unreserved characters (and '/' for paths).
    private static void AppendEncoded(StringBuilder builder, string value, bool keepSlash)
    {
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (IsUnreserved(c) || (keepSlash && c == '/'))
            {
                builder.Append(c);
                i++;
            }
            else if (c < 0x80)
            {
                AppendPercent(builder, (byte)c);
                i++;
            }
            else
            {
                // A run of non-ASCII characters is encoded together so surrogate pairs stay pairs.
                var start = i;
                while (i < value.Length && value[i] >= 0x80)
                {
                    i++;
                }

                foreach (var b in Encoding.UTF8.GetBytes(value.Substring(start, i - start)))
                {
                    AppendPercent(builder, b);
                }
            }
        }
    }

    private static void AppendPercent(StringBuilder builder, byte b) =>
        builder.Append('%').Append(UpperHexDigits[b >> 4]).Append(UpperHexDigits[b & 0xF]);

    private const string UpperHexDigits = "0123456789ABCDEF";
    private const string LowerHexDigits = "0123456789abcdef";

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static string Hex(byte[] bytes)
    {
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = LowerHexDigits[bytes[i] >> 4];
            chars[(2 * i) + 1] = LowerHexDigits[bytes[i] & 0xF];
        }

        return new string(chars);
    }
}
