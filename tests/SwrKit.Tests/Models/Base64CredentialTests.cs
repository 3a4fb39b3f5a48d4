using System.Text.Json;

namespace SwrKit.Tests.Models;

public sealed class Base64CredentialTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("alice", "YWxpY2U=")]
    [InlineData("pässwörd:1", "cMOkc3N3w7ZyZDox")]
    public void Plain_text_goes_out_as_base64_of_utf8_and_comes_back(string plain, string base64)
    {
        Base64Credential credential = plain;

        Assert.Equal(base64, credential.ToBase64());
        Assert.Equal($"\"{base64}\"", JsonSerializer.Serialize(credential));
        Assert.Equal(plain, JsonSerializer.Deserialize<Base64Credential>($"\"{base64}\"")!.GetPlainText());
        Assert.Equal(credential, Base64Credential.FromBase64(base64));
    }

    [Fact]
    public void The_value_is_never_printed()
    {
        Base64Credential credential = "hunter2";
        var request = new StartRemoteMirrorRequest { Username = "bob", Password = credential };

        Assert.Equal("***", credential.ToString());
        Assert.DoesNotContain("hunter2", $"{credential} {request.Password}");
    }

    [Fact]
    public void Null_stays_null_and_is_omitted()
    {
        Base64Credential? none = (string?)null;

        Assert.Null(none);
        Assert.Throws<ArgumentNullException>(() => new Base64Credential(null!));
    }
}
