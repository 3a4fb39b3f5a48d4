using System;

namespace SwrKit.Authentication;

/// <summary>
/// A Huawei Cloud access key / secret key pair, optionally with the project ID and the security token of temporary
/// credentials. <see cref="ToString"/> never shows the secret key or the token.
/// </summary>
public sealed class AkSkCredentials
{
    /// <summary>Creates the credentials.</summary>
    /// <param name="accessKey">The access key (AK).</param>
    /// <param name="secretKey">The secret key (SK).</param>
    /// <param name="projectId">Sent as <c>X-Project-Id</c> and signed, when given.</param>
    /// <param name="securityToken">The security token of temporary credentials, sent as <c>X-Security-Token</c> and signed.</param>
    /// <param name="expiresAt">When temporary credentials stop working; <see langword="null"/> for long-term keys. SwrKit never signs with credentials past this time.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="accessKey"/> or <paramref name="secretKey"/> is null or empty, or a value sent in a header
    /// (<paramref name="accessKey"/>, <paramref name="projectId"/>, <paramref name="securityToken"/>) is not printable ASCII.
    /// </exception>
    public AkSkCredentials(string accessKey, string secretKey, string? projectId = null, string? securityToken = null, DateTimeOffset? expiresAt = null)
    {
        if (string.IsNullOrEmpty(accessKey))
        {
            throw new ArgumentException("The access key is required.", nameof(accessKey));
        }

        if (string.IsNullOrEmpty(secretKey))
        {
            throw new ArgumentException("The secret key is required.", nameof(secretKey));
        }

        // These travel in headers (the access key inside Authorization): a CR or LF would start a header of its own.
        HeaderValue.Check(accessKey, "The access key", nameof(accessKey));
        HeaderValue.Check(projectId, "The project ID", nameof(projectId));
        HeaderValue.Check(securityToken, "The security token", nameof(securityToken));
        AccessKey = accessKey;
        SecretKey = secretKey;
        ProjectId = string.IsNullOrEmpty(projectId) ? null : projectId;
        SecurityToken = string.IsNullOrEmpty(securityToken) ? null : securityToken;
        ExpiresAt = expiresAt;
    }

    /// <summary>The access key (AK); it appears in the <c>Authorization</c> header.</summary>
    public string AccessKey { get; }

    /// <summary>The secret key (SK); it never leaves the process.</summary>
    public string SecretKey { get; }

    /// <summary>The project ID, or <see langword="null"/>.</summary>
    public string? ProjectId { get; }

    /// <summary>The security token of temporary credentials, or <see langword="null"/>.</summary>
    public string? SecurityToken { get; }

    /// <summary>When these temporary credentials stop working, or <see langword="null"/> for long-term keys.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The same credentials with <paramref name="projectId"/> when they have none (the project ID of the configuration for keys from the metadata service).</summary>
    internal AkSkCredentials WithProjectId(string? projectId) =>
        ProjectId is not null || string.IsNullOrEmpty(projectId) ? this : new AkSkCredentials(AccessKey, SecretKey, projectId, SecurityToken, ExpiresAt);

    /// <summary>The access key and which optional parts are set; never the secret key or the token.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() =>
        $"AkSkCredentials {{ AccessKey = {AccessKey}, SecretKey = ***, ProjectId = {ProjectId ?? "(none)"}, SecurityToken = {(SecurityToken is null ? "(none)" : "***")}, ExpiresAt = {(ExpiresAt is { } expiry ? expiry.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "(none)")} }}";
}
