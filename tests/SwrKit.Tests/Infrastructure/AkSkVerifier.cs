using System.Security.Cryptography;
using System.Text;

namespace SwrKit.Tests.Infrastructure;

/// <summary>
/// A server-side check of SDK-HMAC-SHA256 signatures, written from docs/aksk-signing.md and independent of the
/// client's signer: it recomputes the signature from what the server received (raw target, headers, body).
/// </summary>
public static class AkSkVerifier
{
    public static (bool Valid, string Reason) Verify(RecordedRequest request, string accessKey, string secretKey)
    {
        var authorization = request.Header("Authorization");
        const string prefix = "SDK-HMAC-SHA256 ";
        if (authorization is null || !authorization.StartsWith(prefix, StringComparison.Ordinal))
        {
            return (false, "no SDK-HMAC-SHA256 Authorization header");
        }

        var parts = authorization[prefix.Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        if (parts["Access"] != accessKey)
        {
            return (false, "wrong access key");
        }

        var date = request.Header("X-Sdk-Date");
        if (date is null)
        {
            return (false, "no X-Sdk-Date");
        }

        var signedHeaders = parts["SignedHeaders"].Split(';');
        var target = request.RawTarget;
        var queryStart = target.IndexOf('?');
        var rawPath = queryStart < 0 ? target : target[..queryStart];
        var rawQuery = queryStart < 0 ? "" : target[(queryStart + 1)..];

        var canonicalUri = string.Join("/", Uri.UnescapeDataString(rawPath).Split('/').Select(Escape));
        if (!canonicalUri.EndsWith('/'))
        {
            canonicalUri += "/";
        }

        var canonicalQuery = string.Join("&", rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Uri.UnescapeDataString(p[0]), Value: p.Length > 1 ? Uri.UnescapeDataString(p[1]) : ""))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Escape(p.Key) + "=" + Escape(p.Value)));

        var headerBlock = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            var value = request.Header(name);
            if (value is null)
            {
                return (false, $"signed header '{name}' was not received");
            }

            headerBlock.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        var bodyHash = request.Header("X-Sdk-Content-Sha256") ?? Convert.ToHexStringLower(SHA256.HashData(request.Body));
        var canonical = string.Join("\n", request.Method.ToUpperInvariant(), canonicalUri, canonicalQuery, headerBlock.ToString(), parts["SignedHeaders"], bodyHash);
        var stringToSign = "SDK-HMAC-SHA256\n" + date + "\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
        return expected == parts["Signature"] ? (true, "ok") : (false, "signature mismatch; canonical request:\n" + canonical);
    }

    private static string Escape(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || "-_.~".Contains((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2"));
            }
        }

        return builder.ToString();
    }
}
