using SwrKit.Authentication;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Security;

/// <summary>
/// Every value a caller passes is checked against the spec before anything is sent: a raw socket server proves that
/// not even a connection is opened.
/// </summary>
public sealed class CallerInputTests
{
    private static readonly RunImageSynchronizeRequest HssBody = new(ImageType.PrivateImage) { ImageType = ImageType.PrivateImage };

    [Theory]
    [InlineData("cn-north-4\r\nContent-Length: 0\r\n\r\nDELETE /v5/p1/victim HTTP/1.1\r\nX-Smuggled: 1", 0x0D)]
    [InlineData("cn-north-4\nX-Injected: 1", 0x0A)]
    [InlineData("cn-north-4\0", 0x00)]
    [InlineData("cn\tnorth", 0x09)]
    [InlineData("cn-north-4\u007F", 0x7F)]
    [InlineData("cn-north-4\u0085", 0x85)]
    public async Task A_header_value_with_a_control_character_is_refused_and_nothing_is_sent(string region, int character)
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, """{"error_code":0}"""));
        var client = new HssClient(new HttpClient(new TokenAuthenticationHandler(TestSecrets.Token)) { BaseAddress = server.BaseAddress });

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.RunImageSynchronizeAsync("p1", HssBody, null, region));

        Assert.Equal("region", ex.ParamName);
        Assert.Contains($"U+{character:X4}", ex.Message);
        Assert.DoesNotContain("victim", ex.Message);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task A_non_ASCII_header_value_is_refused()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, """{"error_code":0}"""));
        var client = new HssClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.RunImageSynchronizeAsync("p1", HssBody, null, "cn-nörth-4"));

        Assert.Equal("region", ex.ParamName);
        Assert.Contains("printable ASCII", ex.Message);
        Assert.Equal(0, server.Connections);
    }

    public static TheoryData<string, string, string> DotSegments => new()
    {
        { "..", "img1", "projectId" },
        { ".", "img1", "projectId" },
        { "p1", "..", "id" },
        { "p1", ".", "id" },
        { "p1", "", "id" },
        { "../victim", "img1", "projectId" },
        { "p1", "a/../../b", "id" },
        { "p1", "..\\x", "id" },
    };

    [Theory]
    [MemberData(nameof(DotSegments))]
    public async Task A_dot_or_empty_path_segment_is_refused(string projectId, string id, string paramName)
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(204));
        var client = new ModelArtsClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteImageAsync(projectId, id, true));

        Assert.Equal(paramName, ex.ParamName);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task Escaped_dots_stay_data_in_one_segment()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(204));
        var client = new ModelArtsClient(server.CreateClient());

        await client.DeleteImageAsync("%2E%2E", "img1");

        Assert.Equal("DELETE /v1/%252E%252E/images/img1 HTTP/1.1", Assert.Single(server.Requests).RequestLine);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task A_dot_project_id_cannot_move_the_HSS_request(string projectId)
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, """{"error_code":0}"""));
        var client = new HssClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.RunImageSynchronizeAsync(projectId, HssBody));

        Assert.Equal("projectId", ex.ParamName);
        Assert.Equal(0, server.Connections);
    }

    [Theory]
    [InlineData("..", "app", "namespace")]
    [InlineData("my-org", "..", "repository")]
    [InlineData("my-org", ".", "repository")]
    public async Task A_dot_SWR_name_is_refused(string @namespace, string repository, string paramName)
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200));
        var client = new SwrClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteRetentionAsync(@namespace, repository, 1));

        Assert.Equal(paramName, ex.ParamName);
        Assert.Equal(0, server.Connections);
    }

    public static TheoryData<string, string?, string?, string> HssLimits => new()
    {
        { new string('p', 257), null, null, "projectId" },
        { "p1", "", null, "enterpriseProjectId" },
        { "p1", new string('e', 257), null, "enterpriseProjectId" },
        { "p1", null, "", "region" },
        { "p1", null, new string('r', 129), "region" },
    };

    [Theory]
    [MemberData(nameof(HssLimits))]
    public async Task The_spec_limits_of_every_parameter_are_enforced(string projectId, string? enterpriseProjectId, string? region, string paramName)
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, """{"error_code":0}"""));
        var client = new HssClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.RunImageSynchronizeAsync(projectId, HssBody, enterpriseProjectId, region));

        Assert.Equal(paramName, ex.ParamName);
        Assert.Matches("(at most|at least) [0-9]+", ex.Message);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task Values_at_the_spec_limits_are_sent_as_they_are()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, """{"error_code":0}"""));
        var client = new HssClient(server.CreateClient());

        await client.RunImageSynchronizeAsync(new string('p', 256), HssBody, new string('e', 256), new string('r', 128));

        var request = Assert.Single(server.Requests);
        Assert.Equal($"/v5/{new string('p', 256)}/image/synchronize?enterprise_project_id={new string('e', 256)}", request.Target);
        Assert.Equal(new string('r', 128), request.Header("region"));
    }

    [Fact]
    public async Task A_length_counts_characters_not_UTF16_units()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, """{"error_code":0}"""));
        var client = new HssClient(server.CreateClient());

        // 256 emoji: 512 UTF-16 units, 256 characters, as JSON Schema counts.
        await client.RunImageSynchronizeAsync(string.Concat(Enumerable.Repeat("😀", 256)), HssBody);

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_unpaired_surrogate_is_refused_rather_than_sent_as_U_FFFD()
    {
        // Built here, not in [InlineData]: the test runner would turn a lone surrogate into U+FFFD on the way in.
        var (high, low) = ("p" + '\uD800' + "x", "p" + '\uDC00');
        await using var server = RawHttpServer.Start(RawHttpServer.Response(204));
        var modelArts = new ModelArtsClient(server.CreateClient());
        var hss = new HssClient(server.CreateClient());

        var first = await Assert.ThrowsAsync<ArgumentException>(() => modelArts.DeleteImageAsync(high, "img"));
        var last = await Assert.ThrowsAsync<ArgumentException>(() => modelArts.DeleteImageAsync(low, "img"));
        var image = await Assert.ThrowsAsync<ArgumentException>(() => modelArts.DeleteImageAsync("p1", "img" + '\uD83D'));
        var query = await Assert.ThrowsAsync<ArgumentException>(() => hss.RunImageSynchronizeAsync("p1", HssBody, "e" + '\uDE00'));
        var header = await Assert.ThrowsAsync<ArgumentException>(() => hss.RunImageSynchronizeAsync("p1", HssBody, null, "r" + '\uD800'));

        Assert.Equal("projectId", first.ParamName);
        Assert.Contains("unpaired surrogate (U+D800) at index 1", first.Message);
        Assert.Contains("unpaired surrogate (U+DC00) at index 1", last.Message);
        Assert.Equal("id", image.ParamName);
        Assert.Equal("enterpriseProjectId", query.ParamName);
        Assert.Equal("region", header.ParamName);
        Assert.Equal(0, server.Connections);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task An_integer_outside_the_spec_range_is_refused(int repositoryId)
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, """{"jid":"j"}"""));
        var client = new CodeArtsRepoClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.StartRemoteMirrorSynchronizationAsync(repositoryId, new StartRemoteMirrorRequest()));

        Assert.Equal("repositoryId", ex.ParamName);
        Assert.Contains("between 1 and 2147483647", ex.Message);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public void Credentials_that_would_break_a_header_are_refused_without_being_shown()
    {
        var token = Assert.Throws<ArgumentException>(() => new TokenAuthenticationHandler("tok\r\nX-Evil: 1"));
        var projectId = Assert.Throws<ArgumentException>(() => new AkSkCredentials("ak", "sk", "p1\r\nX-Evil: 1"));
        var securityToken = Assert.Throws<ArgumentException>(() => new AkSkCredentials("ak", "sk", null, "st\n"));
        var accessKey = Assert.Throws<ArgumentException>(() => new AkSkCredentials("ak\r\n", "sk"));

        Assert.Equal("token", token.ParamName);
        Assert.Equal("projectId", projectId.ParamName);
        Assert.Equal("securityToken", securityToken.ParamName);
        Assert.Equal("accessKey", accessKey.ParamName);
        Assert.DoesNotContain("X-Evil", token.Message + projectId.Message);
    }

    [Fact]
    public async Task A_token_provider_result_that_would_break_a_header_is_refused_before_sending()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(204));
        var handler = new TokenAuthenticationHandler(_ => new ValueTask<string>("tok\r\nX-Evil: 1"));
        var client = new ModelArtsClient(new HttpClient(handler) { BaseAddress = server.BaseAddress });

        var ex = await Assert.ThrowsAsync<SwrKitException>(() => client.DeleteImageAsync("p1", "img"));

        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Contains("U+000D", ex.Message);
        Assert.DoesNotContain("X-Evil", ex.Message);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task Body_strings_and_credentials_must_be_valid_UTF16()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, """{"jid":"j"}"""));
        var swr = new SwrClient(server.CreateClient());
        var codeArts = new CodeArtsRepoClient(server.CreateClient());

        var region = await Assert.ThrowsAsync<ArgumentException>(() => swr.DeleteImageSyncRepoAsync("my-org", "app", new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "cn" + '\uDBFF', RemoteNamespace = "target" }));
        var password = await Assert.ThrowsAsync<ArgumentException>(() => codeArts.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest { Username = "u", Password = "pass" + '\uD800' + "word" }));

        Assert.Equal("body", region.ParamName);
        Assert.StartsWith("RemoteRegionId contains an unpaired surrogate", region.Message);
        Assert.Equal("body", password.ParamName);
        Assert.StartsWith("Password contains an unpaired surrogate at index 4", password.Message);
        Assert.DoesNotContain("pass", password.Message.Replace("Password", string.Empty));
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task An_undefined_enum_value_in_a_body_is_refused()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, """{"error_code":0}"""));
        var client = new HssClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.RunImageSynchronizeAsync("p1", new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = (ImageType)5 }));

        Assert.Equal("body", ex.ParamName);
        Assert.StartsWith("ImageType 5 is not a defined ImageType; use one of: PrivateImage, SharedImage.", ex.Message);
        Assert.Equal(0, server.Connections);
    }
}
