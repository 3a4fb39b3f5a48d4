using System.Text;
using SwrKit.Authentication;

namespace SwrKit.Tests.Authentication;

/// <summary>The official vectors listed in docs/aksk-signing.md (AK "AccessKey", SK "SecretKey").</summary>
public sealed class AkSkSignerVectorTests
{
    private static KeyValuePair<string, string> H(string name, string value) => new(name, value);

    public static TheoryData<string, string, KeyValuePair<string, string>[], string, string> Vectors => new()
    {
        {
            "GET", "https://example.huaweicloud.com/path?limit=1",
            [H("X-Sdk-Date", "20060102T150405Z"), H("TEST_UNDERSCORE", "TEST_VALUE")], "",
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624"
        },
        {
            "POST", "https://example.huaweicloud.com/path?key=value",
            [H("X-Sdk-Date", "20060102T150405Z"), H("TEST_UNDERSCORE", "TEST_VALUE"), H("Content-Type", "application/json")], "{\"Name\":\"test\",\"Id\":1}\n",
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59"
        },
        {
            "GET", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
            [H("host", "service.region.example.com"), H("X-Sdk-Date", "20191115T033655Z"), H("TEST_UNDERSCORE", "TEST_VALUE")], "",
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d"
        },
        {
            "POST", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123",
            [H("host", "service.region.example.com"), H("X-Sdk-Date", "20191115T033655Z"), H("TEST_UNDERSCORE", "TEST_VALUE")], "{\"key\":\"value\"}",
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Official_vectors(string method, string url, KeyValuePair<string, string>[] headers, string body, string expected)
    {
        Assert.Equal(expected, AkSkSigner.Sign(method, new Uri(url), headers, Encoding.UTF8.GetBytes(body), "AccessKey", "SecretKey"));
    }

    [Fact]
    public void Canonical_query_vector()
    {
        var parameters = new[]
        {
            H("limit", "1"), H("enable", "true"), H("test", "一 (&=?!#%.*)"), H("path", "/tmp/123"),
            H("multi", "1"), H("multi", "2"), H("multi", "3"),
        };

        Assert.Equal(
            "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
            AkSkSigner.CanonicalQuery(parameters));
    }

    [Fact]
    public void Dollar_in_a_path_segment_is_encoded_and_a_trailing_slash_added()
    {
        Assert.Equal("/v2/manage/namespaces/org/repos/group%24app/retentions/42/", AkSkSigner.CanonicalUri(new Uri("https://swr-api.example.com/v2/manage/namespaces/org/repos/group$app/retentions/42")));
        Assert.Equal("/v2/manage/namespaces/org/repos/group%24app/retentions/42/", AkSkSigner.CanonicalUri(new Uri("https://swr-api.example.com/v2/manage/namespaces/org/repos/group%24app/retentions/42")));
    }

    [Fact]
    public void Unsigned_payload_header_replaces_the_body_hash()
    {
        var headers = new[] { H("X-Sdk-Date", "20060102T150405Z"), H("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD") };
        var canonical = AkSkSigner.CanonicalRequest("PUT", new Uri("https://h/p"), headers, "UNSIGNED-PAYLOAD");

        Assert.EndsWith("\nUNSIGNED-PAYLOAD", canonical);
        Assert.Equal(
            AkSkSigner.Sign("PUT", new Uri("https://h/p"), headers, Encoding.UTF8.GetBytes("ignored body"), "ak", "sk"),
            AkSkSigner.Sign("PUT", new Uri("https://h/p"), headers, [], "ak", "sk"));
    }

    [Fact]
    public void Credentials_never_print_their_secrets()
    {
        var credentials = new AkSkCredentials("AK123", "TEST-SECRET-KEY-9f3", "proj", "TEST-SECURITY-TOKEN-4d2");

        Assert.DoesNotContain("TEST-SECRET-KEY-9f3", credentials.ToString());
        Assert.DoesNotContain("TEST-SECURITY-TOKEN-4d2", credentials.ToString());
        Assert.Contains("AK123", credentials.ToString());
    }
}
