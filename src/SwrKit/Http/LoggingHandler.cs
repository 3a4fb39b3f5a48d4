using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace SwrKit.Http;

/// <summary>
/// Logs every attempt: operation, method, path (never the query), status, duration, request ID and attempt number.
/// It sits inside the resilience handler (one line per attempt) and outside the authentication handler,
/// and it never reads a header value other than <c>X-Request-Id</c>, so no credential can reach a log.
/// </summary>
internal sealed class LoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public LoggingHandler(ILogger logger, TimeProvider timeProvider)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        // Nothing would be written: no timing, no state machine, the inner call passes through.
        return _logger.IsEnabled(LogLevel.Information) || _logger.IsEnabled(LogLevel.Warning) || _logger.IsEnabled(LogLevel.Debug)
            ? SendLoggedAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendLoggedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var start = _timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                Log.RequestCompleted(_logger, OperationOf(request), request.Method.Method, PathOf(request), (int)response.StatusCode, Elapsed(start), HttpAttempt.Get(request), RequestIdOf(response));
            }

            return response;
        }
        catch (OperationCanceledException) when (LogCanceled(request, start))
        {
            throw; // never reached: the filter only logs
        }
        catch (Exception exception) when (exception is not OperationCanceledException && LogFailed(request, start, exception))
        {
            throw; // never reached: the filter only logs
        }
    }

    private bool LogCanceled(HttpRequestMessage request, long start)
    {
        Log.RequestCanceled(_logger, OperationOf(request), request.Method.Method, PathOf(request), Elapsed(start), HttpAttempt.Get(request));
        return false;
    }

    private bool LogFailed(HttpRequestMessage request, long start, Exception exception)
    {
        Log.RequestFailed(_logger, OperationOf(request), request.Method.Method, PathOf(request), Elapsed(start), HttpAttempt.Get(request), exception.GetType().Name, exception);
        return false;
    }

    private double Elapsed(long start) => _timeProvider.GetElapsedTime(start).TotalMilliseconds;

    private static string OperationOf(HttpRequestMessage request) => SwrRequestOptions.GetOperation(request) ?? "(no operation)";

    // AbsolutePath has no query and no user info: nothing secret can ride along.
    private static string PathOf(HttpRequestMessage request) => request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : "(relative)";

    private static string RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values) ? values.FirstOrDefault() ?? "(none)" : "(none)";
}
