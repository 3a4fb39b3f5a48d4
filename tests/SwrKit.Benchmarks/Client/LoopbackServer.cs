using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SwrKit.Benchmarks.Client;

/// <summary>
/// A Kestrel server on 127.0.0.1 answering each operation with its documented success response (spec/swrkit.yaml).
/// By default it runs in a child process (this executable with <c>--serve</c>), so that the memory diagnoser, which
/// counts every allocation of the benchmark process, sees the client's allocations only and the server's GC does not
/// pause the client. SWRKIT_BENCH_SERVER=inprocess runs it in the benchmark process instead.
/// </summary>
public static class LoopbackServer
{
    public const string StartRemoteMirrorJson = """{"jid":"09a56216-cb37-494c-b314-d88dc6c9ff57"}""";

    public const string ModelArtsImageJson = """{"arch":"x86_64","create_at":1671093486722,"description":"","dev_services":["NOTEBOOK","SSH"],"id":"c9ab2b2f-edda-4556-bdbb-494e868d043c","name":"mock-service-python","namespace":"mock-service1","origin":"CUSTOMIZE","resource_categories":["CPU"],"service_type":"UNKNOWN","size":387840321,"status":"DELETED","swr_path":"swr.xxx.com/mock-service1/mock-service-python:0.0.17","tag":"0.0.17","type":"DEDICATED","update_at":1671093486722,"visibility":"PRIVATE","workspace_id":"0"}""";

    public const string RunImageSynchronizeJson = """{"error_code":0,"error_description":"success"}""";

    private static readonly byte[] StartRemoteMirrorBytes = Encoding.UTF8.GetBytes(StartRemoteMirrorJson);
    private static readonly byte[] ModelArtsImageBytes = Encoding.UTF8.GetBytes(ModelArtsImageJson);
    private static readonly byte[] RunImageSynchronizeBytes = Encoding.UTF8.GetBytes(RunImageSynchronizeJson);

    /// <summary>While set, the server records each request (<see cref="CaptureAsync"/>); the wire check turns it on, the timed rounds never do.</summary>
    private static volatile bool _capturing;
    private static volatile string? _lastRequest;

    private static readonly object Gate = new();
    private static Uri? _baseAddress;
    private static Process? _child;
    private static WebApplication? _inProcess;

    /// <summary>Starts the server once per process and returns its base address (with a trailing slash).</summary>
    public static Uri Start()
    {
        lock (Gate)
        {
            if (_baseAddress is not null)
            {
                return _baseAddress;
            }

            var port = Environment.GetEnvironmentVariable("SWRKIT_BENCH_SERVER") == "inprocess" ? StartInProcess() : StartChild();
            _baseAddress = new Uri($"http://127.0.0.1:{port}/");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
            return _baseAddress;
        }
    }

    public static void Stop()
    {
        lock (Gate)
        {
            try
            {
                if (_child is { HasExited: false })
                {
                    _child.StandardInput.Close(); // the child exits when its stdin closes
                    if (!_child.WaitForExit(5000))
                    {
                        _child.Kill();
                    }
                }
            }
            catch (InvalidOperationException)
            {
            }

            _inProcess?.StopAsync().GetAwaiter().GetResult();
            _child = null;
            _inProcess = null;
            _baseAddress = null;
        }
    }

    /// <summary>The <c>--serve</c> entry point of the child process: prints "PORT n", serves until stdin closes.</summary>
    public static async Task<int> ServeAsync()
    {
        var app = Build();
        await app.StartAsync().ConfigureAwait(false);
        Console.WriteLine("PORT " + PortOf(app));
        Console.Out.Flush();
        await Task.Run(() => Console.In.ReadToEnd()).ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return 0;
    }

    private static int StartInProcess()
    {
        _inProcess = Build();
        _inProcess.StartAsync().GetAwaiter().GetResult();
        return PortOf(_inProcess);
    }

    private static int StartChild()
    {
        var dll = typeof(LoopbackServer).Assembly.Location;
        var start = new ProcessStartInfo(Peers.ChildHost.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--serve");
        start.Environment["DOTNET_gcServer"] = "0";
        _child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the loopback server.");
        var line = _child.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The loopback server did not report its port: " + line);
        }

        return int.Parse(line.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int PortOf(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address).Port;
    }

    private static WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        return app;
    }

    /// <summary>One delegate for the five operations (no routing middleware: the server should cost as little as possible).</summary>
    private static Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (path.StartsWith(CapturePath, StringComparison.Ordinal))
        {
            return CaptureControlAsync(context);
        }

        if (_capturing)
        {
            return CaptureThenAnswerAsync(context);
        }

        return AnswerAsync(context);
    }

    /// <summary>Turns the recording on (POST) or returns the last recorded request (GET), for <see cref="Peers.WireCheck"/>.</summary>
    public const string CapturePath = "/__capture";

    private static Task CaptureControlAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            _lastRequest = null;
            _capturing = true;
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(_lastRequest ?? string.Empty);
    }

    private static async Task CaptureThenAnswerAsync(HttpContext context)
    {
        _lastRequest = await CaptureAsync(context.Request).ConfigureAwait(false);
        await AnswerAsync(context).ConfigureAwait(false);
    }

    /// <summary>
    /// The request as received, one fact per line: method and raw target, then every header but Host (names lower-case,
    /// sorted), then the body bytes as UTF-8 text.
    /// </summary>
    private static async Task<string> CaptureAsync(HttpRequest request)
    {
        var target = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString);
        var text = new StringBuilder();
        text.Append(request.Method).Append(' ').Append(target).Append('\n');
        foreach (var header in request.Headers.Where(h => !string.Equals(h.Key, "Host", StringComparison.OrdinalIgnoreCase)).OrderBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal))
        {
            text.Append(header.Key.ToLowerInvariant()).Append(": ").Append(header.Value.ToString()).Append('\n');
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body).ConfigureAwait(false);
        text.Append("body: ").Append(Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length));
        return text.ToString();
    }

    private static Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var response = context.Response;
        if (HttpMethods.IsDelete(request.Method) && path.StartsWith("/v2/manage/namespaces/", StringComparison.Ordinal))
        {
            // DeleteImageSyncRepo (.../sync_repo) and DeleteRetention (.../retentions/{id}): 200, no body.
            response.StatusCode = 200;
            response.ContentLength = 0;
            return Task.CompletedTask;
        }

        if (HttpMethods.IsPost(request.Method) && path.EndsWith("/remote-mirror", StringComparison.Ordinal))
        {
            return Json(response, StartRemoteMirrorBytes);
        }

        if (HttpMethods.IsDelete(request.Method) && path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            return Json(response, ModelArtsImageBytes);
        }

        if (HttpMethods.IsPost(request.Method) && path.EndsWith("/image/synchronize", StringComparison.Ordinal))
        {
            return Json(response, RunImageSynchronizeBytes);
        }

        response.StatusCode = 404;
        return Task.CompletedTask;
    }

    private static Task Json(HttpResponse response, byte[] body)
    {
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, 0, body.Length);
    }
}
