using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SwrKit.Authentication;

namespace SwrKit.Tests.Authentication;

/// <summary>
/// The signer's canonical forms against a reference written line by line from docs/aksk-signing.md (slow and
/// obvious: LINQ, whole-string UTF-8, string.Join), on random input: the signer's allocation-free paths must agree
/// everywhere, not only on the official vectors.
/// </summary>
public sealed class AkSkCanonicalFormTests
{
    private const string Alphabet = "abcXYZ019-_.~/$%+ &=?!#*()'\"@:,;é一😀\t";

    [Fact]
    public void Encode_matches_the_reference_on_random_text_including_non_ascii_and_surrogates()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 5000; i++)
        {
            var text = RandomText(random, 0, 24);
            Assert.Equal(Reference.Encode(text), AkSkSigner.Encode(text));
        }

        Assert.Equal("%EF%BF%BD", AkSkSigner.Encode("\uD800")); // a lone surrogate encodes as U+FFFD, as UTF-8 does
        Assert.Equal("%F0%9F%98%80a", AkSkSigner.Encode("😀a"));
    }

    [Fact]
    public void Canonical_uri_and_query_match_the_reference_on_random_urls()
    {
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var path = "/" + string.Join("/", Enumerable.Range(0, random.Next(0, 5)).Select(_ => Uri.EscapeDataString(RandomText(random, 0, 8))));
            var query = string.Join("&", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Uri.EscapeDataString(RandomText(random, 1, 5)) + "=" + Uri.EscapeDataString(RandomText(random, 0, 5))));
            var uri = new Uri("https://h.example.com" + path + (query.Length > 0 ? "?" + query : ""));

            Assert.Equal(Reference.CanonicalUri(uri), AkSkSigner.CanonicalUri(uri));
            Assert.Equal(Reference.CanonicalQuery(AkSkSigner.ParseQuery(uri.Query)), AkSkSigner.CanonicalQuery(AkSkSigner.ParseQuery(uri.Query)));
        }
    }

    [Fact]
    public void Signatures_match_the_reference_for_random_headers_and_bodies()
    {
        var random = new Random(11);
        string[] names = ["Host", "X-Sdk-Date", "x-project-id", "Accept", "Content-Type", "TEST_UNDERSCORE", "X-Custom", "x-custom", "X-Security-Token"];
        for (var i = 0; i < 500; i++)
        {
            var headers = new List<KeyValuePair<string, string>> { new("X-Sdk-Date", "20261122T101010Z") };
            for (var h = random.Next(0, 6); h > 0; h--)
            {
                headers.Add(new(names[random.Next(names.Length)], " " + RandomText(random, 0, 6).Replace("\t", "") + " "));
            }

            var uri = new Uri("https://h.example.com/v2/manage/namespaces/org/repos/group%24app" + (random.Next(2) == 0 ? "" : "?b=2&a=1&a=0"));
            var body = Encoding.UTF8.GetBytes(RandomText(random, 0, 30));
            var expected = Reference.Sign("DELETE", uri, headers, body, "AK", "SK");

            Assert.Equal(expected, AkSkSigner.Sign("DELETE", uri, headers, body, "AK", "SK"));
        }
    }

    private static string RandomText(Random random, int min, int max)
    {
        var builder = new StringBuilder();
        for (var n = random.Next(min, max + 1); n > 0; n--)
        {
            var index = random.Next(Alphabet.Length);
            // the emoji is drawn whole (its high surrogate) or not at all (its low one)
            if (char.IsHighSurrogate(Alphabet[index]))
            {
                builder.Append(Alphabet, index, 2);
            }
            else if (!char.IsLowSurrogate(Alphabet[index]))
            {
                builder.Append(Alphabet[index]);
            }
        }

        return builder.ToString();
    }

    /// <summary>docs/aksk-signing.md, as literally as possible.</summary>
    private static class Reference
    {
        public static string Encode(string value) =>
            string.Concat(Encoding.UTF8.GetBytes(value).Select(b =>
                (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~'
                    ? ((char)b).ToString()
                    : "%" + b.ToString("X2", CultureInfo.InvariantCulture)));

        public static string CanonicalUri(Uri uri)
        {
            var joined = string.Join("/", Uri.UnescapeDataString(uri.AbsolutePath).Split('/').Select(Encode));
            return joined.EndsWith('/') ? joined : joined + "/";
        }

        public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
            string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => Encode(p.Key) + "=" + Encode(p.Value)));

        public static string Sign(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, byte[] body, string ak, string sk)
        {
            var signed = headers
                .Select(h => (Name: h.Key.ToLowerInvariant(), h.Value))
                .Where(h => h.Name != "content-type" && !h.Name.Contains('_'))
                .GroupBy(h => h.Name, StringComparer.Ordinal)
                .Select(g => (Name: g.Key, Value: string.Join(",", g.Select(h => h.Value))))
                .OrderBy(h => h.Name, StringComparer.Ordinal)
                .ToList();
            var names = string.Join(";", signed.Select(h => h.Name));
            var bodyHash = signed.FirstOrDefault(h => h.Name == "x-sdk-content-sha256").Value ?? Hex(SHA256.HashData(body));
            var canonical = string.Join("\n",
                method.ToUpperInvariant(),
                CanonicalUri(uri),
                CanonicalQuery(AkSkSigner.ParseQuery(uri.Query)),
                string.Concat(signed.Select(h => h.Name + ":" + h.Value.Trim() + "\n")),
                names,
                bodyHash);
            var date = signed.First(h => h.Name == "x-sdk-date").Value;
            var toSign = "SDK-HMAC-SHA256\n" + date + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
            var signature = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sk), Encoding.UTF8.GetBytes(toSign)));
            return $"SDK-HMAC-SHA256 Access={ak}, SignedHeaders={names}, Signature={signature}";
        }

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
