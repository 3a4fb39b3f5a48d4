using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace SwrKit.Http;

/// <summary>
/// Runs each request through SwrKit's resilience pipeline (<see cref="SwrKitResiliencePipeline"/>): overall timeout,
/// retries, circuit breaker, per-attempt timeout. The same request message is sent on every attempt; the handlers
/// inside sign it afresh and read its answer within the attempt. The pipeline's context is named after the operation
/// (Polly's operation key), so Polly's own telemetry, where an application enables it, names the operation too.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    /// <summary>The request the pipeline is running, for the strategies' decisions (which operation, may it repeat).</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage?> RequestKey = new("SwrKit.Request");

    private readonly Func<ResiliencePipeline<HttpResponseMessage>> _pipeline;
    private readonly IDisposable? _subscription;

    /// <param name="pipeline">The pipeline for each request: the same one, or the newest after a configuration reload.</param>
    /// <param name="subscription">What keeps <paramref name="pipeline"/> current, released with the handler.</param>
    public ResilienceHandler(Func<ResiliencePipeline<HttpResponseMessage>> pipeline, IDisposable? subscription = null)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _subscription = subscription;
    }

    /// <summary>The request a strategy's callback is deciding about, or <see langword="null"/>.</summary>
    public static HttpRequestMessage? RequestOf(ResilienceContext context) => context.Properties.GetValue(RequestKey, null);

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var context = ResilienceContextPool.Shared.Get(SwrRequestOptions.GetOperation(request), continueOnCapturedContext: false, cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await _pipeline().ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendInnerAsync(state.Request, context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription?.Dispose();
        }

        base.Dispose(disposing);
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);
}
