using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SwrKit.Authentication;

namespace SwrKit.Http;

/// <summary>
/// The network end of every handler chain SwrKit builds without <see cref="IHttpClientFactory"/>: one process-wide,
/// pooled, non-redirecting handler (<see cref="RedirectSafeTransport.CreateInnerHandler"/>, with a finite connection
/// lifetime so DNS changes are seen). Each chain gets its own instance of this class, whose disposal leaves the shared
/// handler alone, so creating and dropping clients never opens or leaks connections of its own.
/// </summary>
internal sealed class SharedTransport : HttpMessageHandler
{
    private static readonly HttpMessageInvoker Shared = new(RedirectSafeTransport.CreateInnerHandler(), disposeHandler: false);

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Shared.SendAsync(request, cancellationToken);
}
