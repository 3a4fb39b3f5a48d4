using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;

namespace SwrKit.Telemetry;

/// <summary>
/// The telemetry of one operation call: its span (<c>Swr.DeleteRetention</c>, kind Client, parent of the HTTP client's
/// span of each attempt) and its records in the two instruments. Created only when something listens
/// (<see cref="Start"/> returns <see langword="null"/> otherwise), so a call nobody observes pays nothing.
/// Nothing secret and no body becomes a tag: the tags are the operation, the host, the region, the status, the
/// attempts, the request ID and an error code or exception type, each bounded in length.
/// </summary>
internal sealed class OperationTelemetry
{
    private readonly string _service;
    private readonly string _operation;
    private readonly Activity? _activity;
    private readonly long _started;
    private int _status;
    private bool _sent;
    private string? _requestId;
    private string? _errorType;

    private OperationTelemetry(string service, string operation, Activity? activity)
    {
        _service = service;
        _operation = operation;
        _activity = activity;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>Starts the telemetry of a call, or returns <see langword="null"/> when nothing listens.</summary>
    public static OperationTelemetry? Start(string service, string operation, string? region)
    {
        if (!SwrKitTelemetry.IsEnabled)
        {
            return null;
        }

        var activity = SwrKitTelemetry.Source.StartActivity(service + "." + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(SwrKitTelemetry.Tags.RpcSystem, SwrKitTelemetry.Tags.System);
            activity.SetTag(SwrKitTelemetry.Tags.RpcService, service);
            activity.SetTag(SwrKitTelemetry.Tags.RpcMethod, operation);
            if (!string.IsNullOrEmpty(region))
            {
                activity.SetTag(SwrKitTelemetry.Tags.CloudRegion, region);
            }
        }

        return new OperationTelemetry(service, operation, activity);
    }

    /// <summary>The request is about to be sent (every argument passed its checks).</summary>
    public void Sending() => _sent = true;

    /// <summary>The HTTP attempts made: SwrKit's pipeline counts them (<paramref name="counted"/>); over an application's own <see cref="HttpClient"/> a sent request is one.</summary>
    public int AttemptsMade(int? counted) => counted ?? (_sent ? 1 : 0);

    /// <summary>The answer the call got (the last attempt's, after retries).</summary>
    public void Answered(HttpResponseMessage response)
    {
        _status = (int)response.StatusCode;
        if (response.Headers.TryGetValues("X-Request-Id", out var values))
        {
            _requestId = QuotedText.Cut(values.FirstOrDefault());
        }
    }

    /// <summary>
    /// Remembers why the call failed: the service's error code when it gave one, else the type of the exception the
    /// caller gets. Returns <see langword="false"/>, so it can sit in an exception filter without catching anything.
    /// </summary>
    public bool Failed(Exception exception)
    {
        if (exception is SwrServiceException service)
        {
            _status = service.StatusCode;
            _requestId = QuotedText.Cut(service.RequestId) ?? _requestId;
            _errorType = string.IsNullOrEmpty(service.ErrorCode) ? nameof(SwrServiceException) : QuotedText.Cut(service.ErrorCode);
        }
        else
        {
            _errorType = exception.GetType().Name;
        }

        return false;
    }

    /// <summary>Ends the span and records the call in both instruments.</summary>
    public void Stop(HttpRequestMessage? request, int attempts)
    {
        var activity = _activity;
        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                if (request?.RequestUri is { IsAbsoluteUri: true } uri)
                {
                    activity.SetTag(SwrKitTelemetry.Tags.ServerAddress, uri.Host);
                }

                if (_status != 0)
                {
                    activity.SetTag(SwrKitTelemetry.Tags.StatusCode, _status);
                }

                activity.SetTag(SwrKitTelemetry.Tags.Attempts, attempts);
                if (_requestId is not null)
                {
                    activity.SetTag(SwrKitTelemetry.Tags.RequestId, _requestId);
                }

                if (_errorType is not null)
                {
                    activity.SetTag(SwrKitTelemetry.Tags.ErrorType, _errorType);
                }
            }

            if (_errorType is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, _errorType);
            }

            activity.Dispose();
        }

        var service = SwrKitTelemetry.Tag(SwrKitTelemetry.Tags.RpcService, _service);
        var method = SwrKitTelemetry.Tag(SwrKitTelemetry.Tags.RpcMethod, _operation);
        if (_errorType is null)
        {
            SwrKitTelemetry.Duration.Record(Elapsed(), service, method);
            SwrKitTelemetry.Attempts.Add(attempts, service, method);
        }
        else
        {
            var error = SwrKitTelemetry.Tag(SwrKitTelemetry.Tags.ErrorType, _errorType);
            SwrKitTelemetry.Duration.Record(Elapsed(), service, method, error);
            SwrKitTelemetry.Attempts.Add(attempts, service, method, error);
        }
    }

    private double Elapsed() => (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency;
}
