using System;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit.Authentication;

/// <summary>
/// AK/SK credentials from the environment variables the Huawei Cloud SDKs read (their <c>EnvCredentialProvider</c>):
/// <c>HUAWEICLOUD_SDK_AK</c>, <c>HUAWEICLOUD_SDK_SK</c>, and optionally <c>HUAWEICLOUD_SDK_SECURITY_TOKEN</c> and
/// <c>HUAWEICLOUD_SDK_PROJECT_ID</c>. The variables are read once, when the source is created.
/// </summary>
public sealed class EnvironmentCredentialSource : AkSkCredentialSource
{
    /// <summary>The access key variable.</summary>
    public const string AccessKeyVariable = "HUAWEICLOUD_SDK_AK";

    /// <summary>The secret key variable.</summary>
    public const string SecretKeyVariable = "HUAWEICLOUD_SDK_SK";

    /// <summary>The security token variable (temporary credentials).</summary>
    public const string SecurityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

    /// <summary>The project ID variable.</summary>
    public const string ProjectIdVariable = "HUAWEICLOUD_SDK_PROJECT_ID";

    private readonly AkSkCredentials _credentials;

    /// <summary>Reads the variables.</summary>
    /// <exception cref="InvalidOperationException">
    /// <c>HUAWEICLOUD_SDK_AK</c> or <c>HUAWEICLOUD_SDK_SK</c> is not set, or a value cannot be sent in an HTTP header;
    /// the message names the variable, never its value.
    /// </exception>
    public EnvironmentCredentialSource()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    internal EnvironmentCredentialSource(Func<string, string?> read)
    {
        var accessKey = read(AccessKeyVariable);
        var secretKey = read(SecretKeyVariable);
        if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
        {
            throw new InvalidOperationException($"Set both {AccessKeyVariable} and {SecretKeyVariable} to use credentials from the environment.");
        }

        var securityToken = read(SecurityTokenVariable);
        var projectId = read(ProjectIdVariable);
        foreach (var (name, value) in new[] { (AccessKeyVariable, accessKey), (SecurityTokenVariable, securityToken), (ProjectIdVariable, projectId) })
        {
            if (value is not null && HeaderValue.FindInvalid(value) is var index and >= 0)
            {
                throw new InvalidOperationException(HeaderValue.Describe("The environment variable " + name, value, index));
            }
        }

        _credentials = new AkSkCredentials(accessKey!, secretKey!, projectId, securityToken);
    }

    /// <summary>Whether <c>HUAWEICLOUD_SDK_AK</c> and <c>HUAWEICLOUD_SDK_SK</c> are both set.</summary>
    /// <returns><see langword="true"/> when a source can be created from the environment.</returns>
    public static bool IsConfigured() => IsConfigured(Environment.GetEnvironmentVariable);

    internal static bool IsConfigured(Func<string, string?> read) =>
        !string.IsNullOrEmpty(read(AccessKeyVariable)) && !string.IsNullOrEmpty(read(SecretKeyVariable));

    internal override string Description => $"the environment ({AccessKeyVariable}, {SecretKeyVariable})";

    /// <inheritdoc/>
    public override ValueTask<AkSkCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => new(_credentials);

    /// <summary>Names the source; never a key.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => "EnvironmentCredentialSource { AccessKey = " + _credentials.AccessKey + " }";
}
