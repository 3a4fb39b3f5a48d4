using System.Net.Http;

namespace SwrKit.Http;

/// <summary>
/// An <see cref="HttpRequestMessage"/> cannot be sent twice, so every retry sends a fresh copy of the pristine original:
/// method, URI, version, headers, options and the buffered content bytes. The original never goes down the pipeline,
/// so no attempt inherits the signature, date or token of an earlier one.
/// </summary>
internal static class RequestCloner
{
    public static HttpRequestMessage Clone(HttpRequestMessage original, byte[]? content)
    {
        var clone = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
#if NET5_0_OR_GREATER
        clone.VersionPolicy = original.VersionPolicy;
#endif
        RequestOptionsAccessor.CopyAll(original, clone);

        foreach (var header in original.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (content is not null && original.Content is not null)
        {
            clone.Content = new ByteArrayContent(content);
            foreach (var header in original.Content.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return clone;
    }
}
