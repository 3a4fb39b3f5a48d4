// A call through SwrKit's pipeline with retries on, against a loopback server that answers 503, 503, 200, traced by
// an ActivityListener on the "SwrKit" and "System.Net.Http" sources and printed as a waterfall.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SwrKit;

var spans = new List<Activity>();
using var listener = new ActivityListener
{
    ShouldListenTo = source => source.Name is "SwrKit" or "System.Net.Http",
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    ActivityStopped = activity => { lock (spans) { spans.Add(activity); } },
};
ActivitySource.AddActivityListener(listener);

var server = new TcpListener(IPAddress.Loopback, 0);
server.Start();
var port = ((IPEndPoint)server.LocalEndpoint).Port;
_ = Task.Run(async () =>
{
    string[] statuses = ["503 Service Unavailable", "503 Service Unavailable", "200 OK"];
    for (var i = 0; i < statuses.Length; i++)
    {
        using var client = await server.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var head = new StringBuilder();
        while (!head.ToString().Contains("\r\n\r\n"))
        {
            head.Append(Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer)));
        }

        await Task.Delay(20 + (10 * i));
        var body = i < 2 ? """{"error_code":"SVCSTG.SWR.5000001","error_msg":"busy"}""" : "";
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {statuses[i]}\r\nContent-Type: application/json\r\nX-Request-Id: req-{i + 1}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
    }
});

var options = new SwrKitOptions { Token = "sample-token", Region = "cn-north-4" };
options.Endpoints.Swr = new Uri($"http://127.0.0.1:{port}/");
options.Retry.MaxRetries = 3;
options.Retry.BaseDelay = TimeSpan.FromMilliseconds(50);
await new SwrClient(options).DeleteRetentionAsync("my-org", "group$app", 42);

var root = spans.Single(s => s.Source.Name == "SwrKit");
var start = root.StartTimeUtc;
const int Width = 48;
double scale = Width / root.Duration.TotalMilliseconds;
Console.WriteLine($"trace {root.TraceId}");
foreach (var span in spans.Where(s => s.TraceId == root.TraceId).OrderBy(s => s.StartTimeUtc))
{
    var offset = (int)Math.Round((span.StartTimeUtc - start).TotalMilliseconds * scale);
    var length = Math.Max(1, (int)Math.Round(span.Duration.TotalMilliseconds * scale));
    var name = span == root ? span.DisplayName : "  " + span.DisplayName + " " + span.GetTagItem("http.response.status_code");
    Console.WriteLine($"{name,-40} |{new string(' ', offset)}{new string('#', Math.Min(length, Width - offset))}{new string(' ', Math.Max(0, Width - offset - length))}| {span.Duration.TotalMilliseconds,6:0} ms");
}

Console.WriteLine();
foreach (var tag in root.TagObjects)
{
    Console.WriteLine($"  {tag.Key} = {tag.Value}");
}
