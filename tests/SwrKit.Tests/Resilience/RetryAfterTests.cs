using System.Net;
using System.Net.Http.Headers;
using SwrKit.Http;

namespace SwrKit.Tests.Resilience;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Delta_seconds_and_HTTP_dates_are_both_understood()
    {
        using var delta = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        delta.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(30));
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(-30));
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Get(delta, Now));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.Get(date, Now));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Get(past, Now));
        Assert.Null(RetryAfter.Get(none, Now));
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(501, false)]
    [InlineData(505, false)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(200, false)]
    public void Transient_statuses(int status, bool transient)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        Assert.Equal(transient, ResiliencePipelineFactory.IsTransient(response));
    }

    [Theory]
    [InlineData(SwrOperations.DeleteImageSyncRepo, "DELETE", true)]
    [InlineData(SwrOperations.DeleteRetention, "DELETE", true)]
    [InlineData(SwrOperations.DeleteImage, "DELETE", true)]
    [InlineData(SwrOperations.StartRemoteMirrorSynchronization, "POST", false)]
    [InlineData(SwrOperations.RunImageSynchronize, "POST", false)]
    [InlineData(null, "GET", true)]
    [InlineData(null, "POST", false)]
    [InlineData(null, "PATCH", false)]
    public void Idempotency(string? operation, string method, bool idempotent) =>
        Assert.Equal(idempotent, SwrOperations.IsIdempotent(operation, new HttpMethod(method)));
}
