using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SwrKit.Authentication;
using SwrKit.Http;

namespace SwrKit;

/// <summary>
/// The exact secrets a request carried, gathered when an exception is built from its answer, so that a server that
/// echoes the request cannot put them into <see cref="SwrServiceException"/>'s message, fields or <c>ToString()</c>.
/// Each secret is masked as sent and in the forms an echo would take: Base64 of its UTF-8 bytes and JSON-escaped.
/// </summary>
internal sealed class SecretMask
{
    public const string Mask = "***";

    private static readonly SecretMask None = new(Array.Empty<string>());
    private static readonly string[] SecretHeaders = { TokenAuthenticationHandler.HeaderName, "X-Security-Token", "Authorization" };

    private readonly string[] _forms;

    private SecretMask(string[] forms)
    {
        _forms = forms;
    }

    /// <summary>The secrets of <paramref name="request"/>: its token headers, the signing credentials, credentials in its body.</summary>
    public static SecretMask For(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return None;
        }

        var secrets = new List<string>();
        foreach (var name in SecretHeaders)
        {
            if (request.Headers.TryGetValues(name, out var values))
            {
                secrets.AddRange(values);
            }
        }

        if (RequestOptionsAccessor.Get<AkSkCredentials?>(request, RequestOptionsAccessor.SigningCredentials, null) is { } credentials)
        {
            secrets.Add(credentials.SecretKey);
            if (credentials.SecurityToken is { } token)
            {
                secrets.Add(token);
            }
        }

        if (RequestOptionsAccessor.Get<ISecretCarrier?>(request, RequestOptionsAccessor.SecretBody, null) is { } body)
        {
            body.CollectSecrets(secrets);
        }

        return secrets.Count == 0 ? None : new SecretMask(Forms(secrets));
    }

    public string? Apply(string? text)
    {
        if (text is null || _forms.Length == 0)
        {
            return text;
        }

        foreach (var form in _forms)
        {
            if (text!.IndexOf(form, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(form, Mask);
            }
        }

        return text;
    }

    public IReadOnlyDictionary<string, IEnumerable<string>> Apply(IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        if (_forms.Length == 0)
        {
            return headers;
        }

        var masked = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            masked[header.Key] = header.Value.Select(v => Apply(v)!).ToArray();
        }

        return masked;
    }

    // Longest first, so that a secret containing another is masked whole.
    private static string[] Forms(List<string> secrets)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            forms.Add(secret);
            forms.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
            try
            {
                forms.Add(JsonEncodedText.Encode(secret).ToString());
                forms.Add(JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());
            }
            catch (ArgumentException)
            {
                // Not valid UTF-16, so no JSON writer could have echoed it in escaped form.
            }
        }

        return forms.OrderByDescending(f => f.Length).ToArray();
    }
}
