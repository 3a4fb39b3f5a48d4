using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;
using SwrKit.Benchmarks.Client;

namespace SwrKit.Benchmarks.Peers;

/// <summary>
/// Where a contender's bytes per call go, by type: the runtime's GC AllocationTick events (one per ~100 KB allocated,
/// naming the type of the object that crossed the threshold; the sample the EventPipe GC-verbose profile is built from)
/// read in process over many calls, then scaled to bytes per call. Statistical: types below ~1% of a call's bytes are noise.
/// Run: dotnet run -c Release --project tests/SwrKit.Benchmarks -- --alloc-profile [CALLS] [CONTENDER,...]
/// </summary>
public static class AllocationProfile
{
    public static async Task<int> RunAsync(int calls, string[] contenderNames, string? output)
    {
        var baseAddress = LoopbackServer.Start();
        using var shared = Contenders.CreateHttpClient(baseAddress);
        var contenders = contenderNames.Select(name => Contenders.Create(name, baseAddress, Contenders.Plain.Contains(name) ? shared : null)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Allocations by type ({calls} calls per contender and operation, GC AllocationTick samples scaled to bytes per call)\n\n");
        try
        {
            for (var op = 0; op < Operations.Names.Length; op++)
            {
                var profiles = new List<(string Name, double Total, Dictionary<string, double> ByType)>();
                foreach (var contender in contenders)
                {
                    var call = Operations.Call(contender, op);
                    for (var i = 0; i < 2000; i++)
                    {
                        await call().ConfigureAwait(false);
                    }

                    var before = GC.GetTotalAllocatedBytes(precise: true);
                    using var sampler = new Sampler();
                    for (var i = 0; i < calls; i++)
                    {
                        await call().ConfigureAwait(false);
                    }

                    var total = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
                    var byType = sampler.Snapshot();
                    var sampled = byType.Values.Sum();
                    profiles.Add((contender.Name, total, byType.ToDictionary(p => p.Key, p => sampled > 0 ? p.Value / sampled * total : 0)));
                }

                text.Append(CultureInfo.InvariantCulture, $"## {Operations.Names[op]}\n\n| type | {string.Join(" | ", profiles.Select(p => p.Name))} |\n|---|{string.Concat(profiles.Select(_ => "---:|"))}\n");
                text.Append(CultureInfo.InvariantCulture, $"| **total B/call** | {string.Join(" | ", profiles.Select(p => p.Total.ToString("F0", CultureInfo.InvariantCulture)))} |\n");
                var types = profiles.SelectMany(p => p.ByType).GroupBy(p => p.Key).OrderByDescending(g => g.Max(p => p.Value)).Take(25).Select(g => g.Key);
                foreach (var type in types)
                {
                    text.Append(CultureInfo.InvariantCulture, $"| `{type}` | {string.Join(" | ", profiles.Select(p => p.ByType.TryGetValue(type, out var v) ? v.ToString("F0", CultureInfo.InvariantCulture) : "."))} |\n");
                }

                text.Append('\n');
                Console.WriteLine($"[alloc-profile] {Operations.Names[op]} done");
            }
        }
        finally
        {
            foreach (var contender in contenders)
            {
                contender.Dispose();
            }

            LoopbackServer.Stop();
        }

        var path = output ?? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results", "alloc-profile.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text.ToString()).ConfigureAwait(false);
        Console.WriteLine(text.ToString());
        return 0;
    }

    /// <summary>Sums AllocationTick amounts by type name while it is alive.</summary>
    private sealed class Sampler : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly Dictionary<string, double> _bytes = new(StringComparer.Ordinal);
        private volatile bool _on = true;

        public Dictionary<string, double> Snapshot()
        {
            _on = false;
            lock (_bytes)
            {
                return new Dictionary<string, double>(_bytes, StringComparer.Ordinal);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (!_on || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
            {
                return;
            }

            var type = eventData.Payload![eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
            var amount = Convert.ToDouble(eventData.Payload[amountIndex >= 0 ? amountIndex : eventData.PayloadNames.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
            lock (_bytes)
            {
                _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
            }
        }
    }
}
