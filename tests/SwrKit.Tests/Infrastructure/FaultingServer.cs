using System.Text;
using Microsoft.AspNetCore.Http;

namespace SwrKit.Tests.Infrastructure;

/// <summary>Server behaviours for the fault matrix, as <see cref="LoopbackServer.Handler"/> values.</summary>
public static class Faults
{
    /// <summary>A success every SwrKit operation accepts (SWR ignores the body, the others read jid / error_code).</summary>
    public const string OkJson = """{"jid":"j-1","error_code":0,"error_description":"ok"}""";

    public static Func<HttpContext, RecordedRequest, Task> Ok => Respond.Json(200, OkJson);

    /// <summary>The n-th request gets the n-th behaviour; requests after the last get the last.</summary>
    public static Func<HttpContext, RecordedRequest, Task> Sequence(params Func<HttpContext, RecordedRequest, Task>[] steps)
    {
        var index = -1;
        return (context, request) => steps[Math.Min(Interlocked.Increment(ref index), steps.Length - 1)](context, request);
    }

    /// <summary>The first <paramref name="failures"/> requests get <paramref name="failure"/>, then <paramref name="then"/>.</summary>
    public static Func<HttpContext, RecordedRequest, Task> FailThen(int failures, Func<HttpContext, RecordedRequest, Task> failure, Func<HttpContext, RecordedRequest, Task> then) =>
        Sequence([.. Enumerable.Repeat(failure, failures), then]);

    public static Func<HttpContext, RecordedRequest, Task> Status(int status) => Respond.Json(status, $$"""{"error_code":"SVCSTG.TEST.{{status}}","error_msg":"injected {{status}}"}""");

    public static Func<HttpContext, RecordedRequest, Task> TooManyRequests(string retryAfter) =>
        Respond.Json(429, """{"error_code":"APIGW.0308","error_msg":"throttled"}""", r => r.Headers.RetryAfter = retryAfter);

    /// <summary>Drops the connection without an answer (the client sees a transport error).</summary>
    public static Func<HttpContext, RecordedRequest, Task> Reset => (context, _) =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    /// <summary>Never answers (until the client gives up).</summary>
    public static Func<HttpContext, RecordedRequest, Task> Hang => (context, _) => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);

    /// <summary>Sends the headers and half a JSON body, then stalls.</summary>
    public static Func<HttpContext, RecordedRequest, Task> StallMidBody => async (context, _) =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"jid":""");
        await context.Response.Body.FlushAsync();
        await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
    };

    /// <summary>A body of <paramref name="bytes"/> bytes (valid JSON: one long string), chunked, without Content-Length.</summary>
    public static Func<HttpContext, RecordedRequest, Task> Oversized(int status, int bytes) => async (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"jid\":\"");
        var chunk = Encoding.ASCII.GetBytes(new string('x', 8192));
        for (var sent = 0; sent < bytes && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
        {
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        }

        await context.Response.WriteAsync("\"}");
    };
}
