using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SwrKit.Tests.ClientModel;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Observability;

/// <summary>Runs alone: the OpenTelemetry listeners are process-wide, and other tests' calls would be counted too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

/// <summary>
/// SwrKit's span and metrics, read with the real OpenTelemetry SDK (in-memory exporters) from calls to loopback
/// servers: one span per operation call over every attempt, the HTTP client's spans as its children, and one
/// duration record per call.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_successful_call_is_one_client_span_with_the_operation_tags()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Headers["X-Request-Id"] = "req-ok-1";
            return Task.CompletedTask;
        });
        using var telemetry = Capture.Start();

        await new SwrClient(ClientOptions.Token(server.BaseAddress, o => o.Region = "cn-north-4")).DeleteRetentionAsync("my-org", "app", 1);

        var span = Assert.Single(telemetry.SwrKitSpans());
        Assert.Equal("Swr.DeleteRetention", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("huaweicloud", span.GetTagItem("rpc.system"));
        Assert.Equal("Swr", span.GetTagItem("rpc.service"));
        Assert.Equal("DeleteRetention", span.GetTagItem("rpc.method"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal("cn-north-4", span.GetTagItem("cloud.region"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(1, span.GetTagItem("swrkit.attempts"));
        Assert.Equal("req-ok-1", span.GetTagItem("huaweicloud.request_id"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains(TestSecrets.Token, StringComparison.Ordinal) == true);

        var duration = telemetry.Points("swrkit.client.operation.duration");
        var point = Assert.Single(duration);
        Assert.Equal(1, point.GetHistogramCount());
        Assert.Equal("Swr", point.Tag("rpc.service"));
        Assert.Equal("DeleteRetention", point.Tag("rpc.method"));
        Assert.Equal(1, Assert.Single(telemetry.Points("swrkit.client.operation.attempts")).GetSumLong());
    }

    [Fact]
    public async Task A_call_retried_twice_through_AddSwrKit_is_one_span_over_three_HTTP_spans()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Sequence(Faults.Status(503), Faults.Status(503), Faults.Ok));
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.Retry.MaxRetries = 3;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        });
        using var telemetry = Capture.Start();

        await host.ModelArts.DeleteImageAsync("proj-1", "img-1");

        var span = Assert.Single(telemetry.SwrKitSpans());
        Assert.Equal("ModelArts.DeleteImage", span.DisplayName);
        Assert.Equal(3, span.GetTagItem("swrkit.attempts"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        var attempts = telemetry.Spans.Where(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == span.SpanId).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(span.TraceId, a.TraceId));

        Assert.Equal(1, Assert.Single(telemetry.Points("swrkit.client.operation.duration")).GetHistogramCount());
        Assert.Equal(3, Assert.Single(telemetry.Points("swrkit.client.operation.attempts")).GetSumLong());
    }

    [Fact]
    public async Task A_service_error_marks_the_span_with_the_services_error_code()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(400, """{"errorCode":"SVCSTG.SWR.4001158","errorMessage":"task not found","request_id":"req-err-9"}"""));
        using var telemetry = Capture.Start();

        await Assert.ThrowsAsync<SwrServiceException>(() => new SwrClient(server.CreateClient()).DeleteImageSyncRepoAsync("my-org", "app", new DeleteImageSyncRepoRequest("cn-north-4", "target-org")));

        var span = Assert.Single(telemetry.SwrKitSpans());
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("SVCSTG.SWR.4001158", span.GetTagItem("error.type"));
        Assert.Equal(400, span.GetTagItem("http.response.status_code"));
        Assert.Equal("req-err-9", span.GetTagItem("huaweicloud.request_id"));

        var point = Assert.Single(telemetry.Points("swrkit.client.operation.duration"));
        Assert.Equal("SVCSTG.SWR.4001158", point.Tag("error.type"));
    }

    [Fact]
    public async Task A_timeout_marks_the_span_with_the_exception_type()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Hang);
        await using var host = SwrKitTestHost.Create(server, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(200));
        using var telemetry = Capture.Start();

        await Assert.ThrowsAsync<SwrTimeoutException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1));

        var span = Assert.Single(telemetry.SwrKitSpans());
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(nameof(SwrTimeoutException), span.GetTagItem("error.type"));
        Assert.Equal(1, span.GetTagItem("swrkit.attempts"));
        Assert.Equal(nameof(SwrTimeoutException), Assert.Single(telemetry.Points("swrkit.client.operation.duration")).Tag("error.type"));
    }

    [Fact]
    public async Task An_invalid_argument_is_recorded_with_no_attempt()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var telemetry = Capture.Start();

        await Assert.ThrowsAsync<ArgumentException>(() => new SwrClient(server.CreateClient()).DeleteRetentionAsync("Bad-Org", "app", 1));

        var span = Assert.Single(telemetry.SwrKitSpans());
        Assert.Equal(nameof(ArgumentException), span.GetTagItem("error.type"));
        Assert.Equal(0, span.GetTagItem("swrkit.attempts"));
        Assert.Empty(server.Requests);
    }

    /// <summary>An OpenTelemetry tracer and meter provider with in-memory exporters, for one test.</summary>
    private sealed class Capture : IDisposable
    {
        private readonly List<Activity> _spans = [];
        private readonly List<Metric> _metrics = [];
        private readonly TracerProvider _tracer;
        private readonly MeterProvider _meter;

        private Capture()
        {
            _tracer = Sdk.CreateTracerProviderBuilder().AddSource("SwrKit").AddSource("System.Net.Http").AddInMemoryExporter(_spans).Build()!;
            _meter = Sdk.CreateMeterProviderBuilder().AddMeter("SwrKit").AddInMemoryExporter(_metrics).Build()!;
        }

        public IReadOnlyList<Activity> Spans
        {
            get
            {
                _tracer.ForceFlush();
                return _spans.ToList();
            }
        }

        public static Capture Start() => new();

        public List<Activity> SwrKitSpans() => Spans.Where(s => s.Source.Name == "SwrKit").ToList();

        public List<MetricPoint> Points(string name)
        {
            _meter.ForceFlush();
            // Each flush exports every metric again (cumulative): the last export is the current state.
            var points = new List<MetricPoint>();
            if (_metrics.LastOrDefault(m => m.Name == name) is { } metric)
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    points.Add(point);
                }
            }

            return points;
        }

        public void Dispose()
        {
            _tracer.Dispose();
            _meter.Dispose();
        }
    }
}

internal static class MetricPointTags
{
    public static object? Tag(this MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
