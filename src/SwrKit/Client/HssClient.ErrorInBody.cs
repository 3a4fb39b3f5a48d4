using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit;

public partial class HssClient
{
    /// <summary>
    /// HSS reports failure as HTTP 200 with a non-zero <c>error_code</c> ("0 (success) or a non-zero value (failure)");
    /// that is surfaced as the same <see cref="SwrServiceException"/> as an HTTP error.
    /// </summary>
    private protected override async Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await base.ProcessResponseAsync(client, response, cancellationToken).ConfigureAwait(false);
        if (response.Content is null)
        {
            return;
        }

        // Buffer so the generated code can still read the body after this look at it.
        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var body = new byte[stream.Length];
        var read = 0;
        while (read < body.Length)
        {
            var n = await stream.ReadAsync(body, read, body.Length - read, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        stream.Position = 0;
        if (TryReadErrorCode(body, out var code, out var description) && code != 0)
        {
            throw SwrServiceException.FromBodyError(response, code.ToString(System.Globalization.CultureInfo.InvariantCulture), description, System.Text.Encoding.UTF8.GetString(body, 0, read));
        }
    }

    private static bool TryReadErrorCode(byte[] body, out long code, out string? description)
    {
        code = 0;
        description = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error_code", out var value)
                || !value.TryGetInt64(out code))
            {
                return false;
            }

            if (document.RootElement.TryGetProperty("error_description", out var text) && text.ValueKind == JsonValueKind.String)
            {
                description = text.GetString();
            }

            return true;
        }
        catch (JsonException)
        {
            // Not JSON: let the generated code report the deserialization failure.
            return false;
        }
    }
}
