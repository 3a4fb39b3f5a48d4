using System.Text;
using SwrKit.Authentication;
using SwrKit.Http;

namespace SwrKit.Tests.Errors;

/// <summary>
/// Which secrets of a request are masked (token headers, signing credentials, credentials in the body), in which forms
/// (as sent, Base64, JSON-escaped both ways), longest first, and what is left alone.
/// </summary>
public sealed class SecretMaskTests
{
    private static HttpRequestMessage Request(params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://swr-api.example/");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Without_a_request_nothing_is_masked()
    {
        var mask = SecretMask.For(null);
        Assert.Equal("token abc", mask.Apply("token abc"));
        Assert.Null(mask.Apply((string?)null));
        var headers = new Dictionary<string, IEnumerable<string>> { ["X-Echo"] = ["abc"] };
        Assert.Same(headers, mask.Apply(headers));
    }

    [Fact]
    public void A_request_without_secrets_masks_nothing()
    {
        using var request = Request(("X-Other", "not-a-secret"), ("User-Agent", "SwrKit"));
        var mask = SecretMask.For(request);
        Assert.Equal("not-a-secret SwrKit", mask.Apply("not-a-secret SwrKit"));
        var headers = new Dictionary<string, IEnumerable<string>> { ["X-Echo"] = ["not-a-secret"] };
        Assert.Same(headers, mask.Apply(headers));
    }

    [Theory]
    [InlineData("X-Auth-Token")]
    [InlineData("X-Security-Token")]
    [InlineData("Authorization")]
    public void Each_secret_header_is_masked_as_sent_and_as_Base64(string header)
    {
        using var request = Request((header, "s3cr3t-value"));
        var mask = SecretMask.For(request);
        Assert.Equal("a *** b *** c", mask.Apply("a s3cr3t-value b " + Base64("s3cr3t-value") + " c"));
    }

    [Fact]
    public void Every_value_of_every_secret_header_is_masked()
    {
        using var request = Request(("X-Auth-Token", "first-token"), ("X-Auth-Token", "second-token"), ("X-Security-Token", "sts-token"), ("Authorization", "SDK-HMAC-SHA256 Signature=abc123"));
        var mask = SecretMask.For(request);
        Assert.Equal("*** *** *** ***", mask.Apply("first-token second-token sts-token SDK-HMAC-SHA256 Signature=abc123"));
    }

    [Fact]
    public void The_signing_secret_key_and_security_token_are_masked_but_not_the_access_key()
    {
        using var request = Request();
        RequestOptionsAccessor.Set(request, RequestOptionsAccessor.SigningCredentials, new AkSkCredentials("ACCESSKEY", "the-secret-key", "project", "the-sts-token"));
        var mask = SecretMask.For(request);
        Assert.Equal("ACCESSKEY *** *** project", mask.Apply("ACCESSKEY the-secret-key the-sts-token project"));
    }

    [Fact]
    public void Signing_credentials_without_a_security_token_mask_the_secret_key()
    {
        using var request = Request();
        RequestOptionsAccessor.Set(request, RequestOptionsAccessor.SigningCredentials, new AkSkCredentials("ACCESSKEY", "the-secret-key"));
        var mask = SecretMask.For(request);
        Assert.Equal("ACCESSKEY *** " + "***", mask.Apply("ACCESSKEY the-secret-key " + Base64("the-secret-key")));
    }

    [Fact]
    public void Credentials_in_the_body_are_masked()
    {
        using var request = Request();
        RequestOptionsAccessor.Set<ISecretCarrier>(request, RequestOptionsAccessor.SecretBody, new Carrier("mirror-password", "mirror-user-secret"));
        var mask = SecretMask.For(request);
        Assert.Equal("*** and ***", mask.Apply("mirror-password and " + Base64("mirror-user-secret")));
    }

    [Fact]
    public void Empty_secrets_are_ignored()
    {
        using var request = Request(("X-Auth-Token", "tok"));
        RequestOptionsAccessor.Set<ISecretCarrier>(request, RequestOptionsAccessor.SecretBody, new Carrier("", null!));
        var mask = SecretMask.For(request);
        Assert.Equal("plain *** text", mask.Apply("plain tok text"));
    }

    [Fact]
    public void Only_empty_secrets_mask_nothing()
    {
        using var request = Request();
        RequestOptionsAccessor.Set<ISecretCarrier>(request, RequestOptionsAccessor.SecretBody, new Carrier(""));
        var mask = SecretMask.For(request);
        Assert.Equal("plain text", mask.Apply("plain text"));
    }

    [Fact]
    public void Json_escaped_forms_are_masked_both_ways()
    {
        const string Secret = "p+w\"d<1>é";
        using var request = Request(("X-Auth-Token", Secret));
        var mask = SecretMask.For(request);
        Assert.Equal("[***]", mask.Apply("[" + Secret + "]"));
        Assert.Equal("[***]", mask.Apply(@"[p\u002Bw\u0022d\u003C1\u003E\u00E9]"));
        Assert.Equal("[***]", mask.Apply(@"[p+w\""d<1>é]"));
        Assert.Equal("[***]", mask.Apply("[" + Base64(Secret) + "]"));
    }

    [Fact]
    public void A_secret_that_is_not_valid_utf16_is_still_masked_as_sent()
    {
        const string Secret = "ab\uD800cd";
        using var request = Request();
        RequestOptionsAccessor.Set<ISecretCarrier>(request, RequestOptionsAccessor.SecretBody, new Carrier(Secret, "other-secret"));
        var mask = SecretMask.For(request);
        Assert.Equal("x *** y ***", mask.Apply("x " + Secret + " y other-secret"));
    }

    [Fact]
    public void A_secret_containing_another_is_masked_whole()
    {
        using var request = Request(("X-Auth-Token", "abc"), ("X-Security-Token", "xxabcxx"));
        var mask = SecretMask.For(request);
        Assert.Equal("***|***", mask.Apply("xxabcxx|abc"));
    }

    [Fact]
    public void No_text_stays_no_text_when_there_are_secrets() =>
        Assert.Null(SecretMask.For(Request(("X-Auth-Token", "tok"))).Apply((string?)null));

    [Fact]
    public void Every_occurrence_is_masked() =>
        Assert.Equal("*** *** ***", SecretMask.For(Request(("X-Auth-Token", "tok"))).Apply("tok tok tok"));

    [Fact]
    public void Masking_is_ordinal()
    {
        var mask = SecretMask.For(Request(("X-Auth-Token", "Token")));
        Assert.Equal("token TOKEN ***", mask.Apply("token TOKEN Token"));
    }

    [Fact]
    public void Header_values_are_masked_and_names_keep_matching_in_any_case()
    {
        var mask = SecretMask.For(Request(("X-Auth-Token", "tok")));
        var headers = new Dictionary<string, IEnumerable<string>>
        {
            ["X-Echo"] = ["tok", "a tok b", "clean"],
            ["Server"] = ["nginx"],
        };

        var masked = mask.Apply(headers);
        Assert.NotSame(headers, masked);
        Assert.Equal(["***", "a *** b", "clean"], masked["x-echo"]);
        Assert.Equal(["nginx"], masked["SERVER"]);
        Assert.Equal(2, masked.Count);
    }

    private sealed class Carrier(params string[] secrets) : ISecretCarrier
    {
        public void CollectSecrets(ICollection<string> collected)
        {
            foreach (var secret in secrets)
            {
                collected.Add(secret);
            }
        }
    }
}
