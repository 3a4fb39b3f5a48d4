namespace SwrKit.Benchmarks.Client;

/// <summary>The arguments every contender passes for the five operations, so that all of them send the same requests.</summary>
public static class CallArguments
{
    public const string Organization = "my-org";
    public const string Repository = "group$app";
    public const int RetentionId = 42;
    public const int RepositoryId = 123;
    public const string MirrorUser = "mirror-user";
    public const string MirrorPassword = "s3cret-passw0rd";
    public const string EndpointUuid = "a1b2c3d4";
    public const string ProjectId = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    public const string ImageId = "c9ab2b2f-edda-4556-bdbb-494e868d043c";
    public const string RemoteRegionId = "cn-north-4";
    public const string RemoteNamespace = "target-org";
    public const string EnterpriseProjectId = "0";

    /// <summary>The token the dependency-injection contenders send as X-Auth-Token.</summary>
    public const string Token = "bench-token";

    /// <summary>What the loopback server answers, as each contender reports it: the check that a call really succeeded.</summary>
    public const string ExpectedJid = "09a56216-cb37-494c-b314-d88dc6c9ff57";
    public const string ExpectedImageStatus = "DELETED";
    public const int ExpectedErrorCode = 0;
}
