using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit.Http;

/// <summary>
/// Runs once per attempt, just inside the resilience handler: numbers the attempt, makes a streamed request body
/// repeatable, and reads the response body within the attempt (<see cref="ResponseBuffer"/>), so the per-attempt timeout covers a body that stalls, a retried response frees
/// its connection at once, and no body beyond the size limit is held in memory.
/// </summary>
internal sealed class AttemptHandler : DelegatingHandler
{
    private readonly int _maxResponseContentBufferSize;
    private readonly string _maxResponseContentBufferSizeKey;

    public AttemptHandler(int maxResponseContentBufferSize, string maxResponseContentBufferSizeKey)
    {
        _maxResponseContentBufferSize = maxResponseContentBufferSize;
        _maxResponseContentBufferSizeKey = maxResponseContentBufferSizeKey;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        // The resilience handler sends the same request message on every attempt: a streamed body is read once
        // into memory so each attempt sends all of it. SwrKit's own bodies are already byte arrays.
        if (HttpAttempt.Begin(request) == 1 && request.Content is { } content and not ByteArrayContent)
        {
            await content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await ResponseBuffer.BufferAsync(response, _maxResponseContentBufferSize, _maxResponseContentBufferSizeKey, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}
