using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Options;
using SwrKit.Authentication;

namespace SwrKit.DependencyInjection;

/// <summary>
/// Checks <see cref="SwrKitOptions"/> at start-up (<c>ValidateOnStart</c>) and on first use. Every message names the
/// configuration key to fix and never shows a secret value.
/// </summary>
internal sealed class SwrKitOptionsValidator : IValidateOptions<SwrKitOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinBreakerWindow = TimeSpan.FromMilliseconds(500);

    private readonly bool _defaultChain;

    /// <param name="defaultChain">
    /// Options without credentials are valid: <c>AddSwrKit</c> then takes them from the environment or the ECS metadata
    /// service. A client created from options needs credentials of its own.
    /// </param>
    public SwrKitOptionsValidator(bool defaultChain = false) => _defaultChain = defaultChain;

    public ValidateOptionsResult Validate(string? name, SwrKitOptions options)
    {
        if (options is null)
        {
            return ValidateOptionsResult.Fail("SwrKit options are missing.");
        }

        var failures = new List<string>();
        ValidateCredentials(options, _defaultChain, failures);
        ValidateEndpoints(options, failures);
        ValidateLimits(options, failures);
        ValidateRetry(options, failures);
        ValidateCircuitBreaker(options, failures);
        if (options.ApplicationId is { } applicationId && !Http.SwrKitUserAgent.IsValidApplicationId(applicationId))
        {
            failures.Add($"{options.ConfigurationKey(nameof(SwrKitOptions.ApplicationId))} must be 1 to {Http.SwrKitUserAgent.MaxApplicationIdLength} characters: letters, digits, '/' or one of !#$%&'*+-.^_`|~ (it leads the User-Agent header).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateCredentials(SwrKitOptions o, bool defaultChain, List<string> failures)
    {
        string K(string name) => o.ConfigurationKey(name);
        var hasAk = !string.IsNullOrEmpty(o.AccessKey);
        var hasSk = !string.IsNullOrEmpty(o.SecretKey);
        var hasToken = !string.IsNullOrEmpty(o.Token) || o.TokenProvider is not null;
        var hasSource = o.CredentialSource is not null;

        if (o.MetadataEndpoint is { } metadata && (!metadata.IsAbsoluteUri || (metadata.Scheme != Uri.UriSchemeHttp && metadata.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{K("MetadataEndpoint")} must be an absolute http:// or https:// URI (the ECS metadata service is http://169.254.169.254/).");
        }

        if (!hasAk && !hasSk && !hasToken && !hasSource)
        {
            if (defaultChain)
            {
                // The default chain: the environment, then the ECS metadata service. Only a project ID may go with it.
                if (!string.IsNullOrEmpty(o.SecurityToken))
                {
                    failures.Add($"{K("SecurityToken")} applies only with {K("AccessKey")} and {K("SecretKey")}: set them, or remove it.");
                }

                CheckHeaderValues(o, failures);
                return;
            }

            failures.Add($"No credentials are configured: set {K("AccessKey")} and {K("SecretKey")} (AK/SK signing) or {K("Token")} (IAM token), or set a token provider or a credential source.");
            return;
        }

        if (hasSource && (hasAk || hasSk || hasToken))
        {
            failures.Add($"Configure one kind of credential: a credential source, {K("AccessKey")}/{K("SecretKey")}, or {K("Token")} (or a token provider).");
        }

        if (hasSource && !string.IsNullOrEmpty(o.SecurityToken))
        {
            failures.Add($"{K("SecurityToken")} applies only with {K("AccessKey")} and {K("SecretKey")}: a credential source supplies its own.");
        }

        if (hasAk && !hasSk)
        {
            failures.Add($"{K("SecretKey")} is required when {K("AccessKey")} is set.");
        }

        if (hasSk && !hasAk)
        {
            failures.Add($"{K("AccessKey")} is required when {K("SecretKey")} is set.");
        }

        if ((hasAk || hasSk) && hasToken)
        {
            failures.Add($"Configure either {K("AccessKey")}/{K("SecretKey")} or {K("Token")} (or a token provider), not both.");
        }

        CheckHeaderValues(o, failures);

        if (!hasAk && !hasSk && !hasSource && (!string.IsNullOrEmpty(o.ProjectId) || !string.IsNullOrEmpty(o.SecurityToken)))
        {
            failures.Add($"{K("ProjectId")} and {K("SecurityToken")} apply only to AK/SK credentials: set {K("AccessKey")} and {K("SecretKey")}, or remove them.");
        }
    }

    // These travel in headers: a control or non-ASCII character would break the request (or start another one).
    private static void CheckHeaderValues(SwrKitOptions o, List<string> failures)
    {
        string K(string name) => o.ConfigurationKey(name);
        foreach (var (name, value) in new[] { ("AccessKey", o.AccessKey), ("ProjectId", o.ProjectId), ("SecurityToken", o.SecurityToken), ("Token", o.Token) })
        {
            if (value is not null && HeaderValue.FindInvalid(value) is var index and >= 0)
            {
                failures.Add($"{K(name)} contains a character that cannot be sent in an HTTP header (U+{(int)value[index]:X4} at index {index}); only printable ASCII is allowed.");
            }
        }
    }

    private static void ValidateEndpoints(SwrKitOptions o, List<string> failures)
    {
        string K(string name) => o.ConfigurationKey(name);
        var services = SwrKitServices.All;
        var needRegion = services.Where(s => o.Endpoints.Get(s) is null).ToList();
        if (string.IsNullOrEmpty(o.Region))
        {
            if (needRegion.Count > 0)
            {
                failures.Add($"{K("Region")} is required when no endpoint override is set for {string.Join(", ", needRegion)} ({K("Endpoints")}:<service>).");
            }
        }
        else if (!ServiceEndpoints.IsValidRegion(o.Region))
        {
            failures.Add($"{K("Region")} '{QuotedText.Cut(o.Region)}' is not a region ID: use lower-case letters, digits and hyphens, e.g. cn-north-4.");
        }
        else
        {
            // The region catalogue: a typo, or a region a service does not serve, fails here rather than in DNS later.
            foreach (var service in needRegion)
            {
                if (ServiceEndpoints.Find(service, o.Region!) is null)
                {
                    failures.Add($"{K("Region")}: {ServiceEndpoints.UnknownRegion(service, o.Region!)} Set {K("Endpoints:" + service)} for an endpoint the catalogue does not list.");
                }
            }
        }

        foreach (var service in services)
        {
            var endpoint = o.Endpoints.Get(service);
            if (endpoint is null)
            {
                continue;
            }

            var key = K("Endpoints:" + service);
            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{key} must be an absolute https:// URI (http:// only to loopback).");
                continue;
            }

            if (endpoint.UserInfo.Length > 0 || endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
            {
                failures.Add($"{key} must not contain user info, a query or a fragment.");
            }

            if (endpoint.Scheme == Uri.UriSchemeHttp && !o.AllowInsecureHttp && !TransportSecurity.IsLoopback(endpoint))
            {
                failures.Add($"{key} uses plain http:// to a host that is not loopback, so credentials would travel unencrypted: use https://, or set {K("AllowInsecureHttp")} to true on a trusted network.");
            }
        }
    }

    private static void ValidateLimits(SwrKitOptions o, List<string> failures)
    {
        string K(string name) => o.ConfigurationKey(name);
        if (o.Timeout < MinTimeout || o.Timeout > MaxTimeout)
        {
            failures.Add($"{K("Timeout")} must be between 10 ms and 24 hours (00:00:00.010 to 1.00:00:00); it is {Show(o.Timeout)}.");
        }

        if (o.AttemptTimeout < MinTimeout || o.AttemptTimeout > MaxTimeout)
        {
            failures.Add($"{K("AttemptTimeout")} must be between 10 ms and 24 hours (00:00:00.010 to 1.00:00:00); it is {Show(o.AttemptTimeout)}.");
        }

        if (o.MaxResponseContentBufferSize < 1)
        {
            failures.Add($"{K("MaxResponseContentBufferSize")} must be a positive number of bytes; it is {o.MaxResponseContentBufferSize.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static void ValidateRetry(SwrKitOptions o, List<string> failures)
    {
        string K(string name) => o.ConfigurationKey("Retry:" + name);
        var retry = o.Retry;
        if (retry.MaxRetries < 0 || retry.MaxRetries > 10)
        {
            failures.Add($"{K("MaxRetries")} must be between 0 and 10; it is {retry.MaxRetries.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > MaxTimeout)
        {
            failures.Add($"{K("BaseDelay")} must be between 0 and 24 hours; it is {Show(retry.BaseDelay)}.");
        }

        if (retry.MaxDelay < retry.BaseDelay || retry.MaxDelay > MaxTimeout)
        {
            failures.Add($"{K("MaxDelay")} must be at least {K("BaseDelay")} and at most 24 hours; it is {Show(retry.MaxDelay)}.");
        }

        foreach (var operation in retry.RetryNonIdempotentOperations)
        {
            if (!SwrOperations.NonIdempotentOperations.Contains(operation, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{K("RetryNonIdempotentOperations")} lists '{QuotedText.Cut(operation)}', which is not a non-idempotent SwrKit operation: use {string.Join(" or ", SwrOperations.NonIdempotentOperations)}.");
            }
        }
    }

    // The same bounds the circuit breaker itself enforces, checked here so the message names the key.
    private static void ValidateCircuitBreaker(SwrKitOptions o, List<string> failures)
    {
        string K(string name) => o.ConfigurationKey("CircuitBreaker:" + name);
        var breaker = o.CircuitBreaker;
        if (!(breaker.FailureRatio > 0 && breaker.FailureRatio <= 1))
        {
            failures.Add($"{K("FailureRatio")} must be more than 0 and at most 1; it is {breaker.FailureRatio.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (breaker.MinimumThroughput < 2)
        {
            failures.Add($"{K("MinimumThroughput")} must be at least 2; it is {breaker.MinimumThroughput.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (breaker.SamplingDuration < MinBreakerWindow || breaker.SamplingDuration > MaxTimeout)
        {
            failures.Add($"{K("SamplingDuration")} must be between 0.5 seconds and 24 hours; it is {Show(breaker.SamplingDuration)}.");
        }

        if (breaker.BreakDuration < MinBreakerWindow || breaker.BreakDuration > MaxTimeout)
        {
            failures.Add($"{K("BreakDuration")} must be between 0.5 seconds and 24 hours; it is {Show(breaker.BreakDuration)}.");
        }
    }

    private static string Show(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
