using System.Globalization;
using System.Text;
using SwrKit.Benchmarks.Client;

namespace SwrKit.Benchmarks.Peers;

/// <summary>
/// Any contenders against the first one, in the interleaved rounds of <see cref="PeerComparison"/>: where the cost of a
/// path comes from, layer by layer (e.g. plain SwrKit, over IHttpClientFactory, AddSwrKit without its resilience handler, without and with retries).
/// Each cell: wall time per call, its ratio to the first contender, the ratio of this process's CPU time (the server
/// runs in another process), and bytes per call.
/// Run: dotnet run -c Release --project tests/SwrKit.Benchmarks -- --breakdown swrkit,swrkit-factory,swrkit-di-noresilience,swrkit-di-noretry,swrkit-di [ROUNDS] [CALLS]
/// </summary>
public static class Breakdown
{
    public static async Task<int> RunAsync(string[] names, int rounds, int calls, string? output)
    {
        var loadAtStart = PeerComparison.LoadAverage();
        var baseAddress = LoopbackServer.Start();
        using var shared = Contenders.CreateHttpClient(baseAddress);
        var contenders = names.Select(name => Contenders.Create(name, baseAddress, Contenders.Plain.Contains(name) ? shared : null)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Breakdown ({rounds} interleaved rounds × {calls} calls; ratios to {contenders[0].Name} within each round, median [interquartile range])\n\n");
        text.Append("| Operation | " + string.Join(" | ", contenders.Select(c => c.Name)) + " |\n|---|" + string.Concat(contenders.Select(_ => "---:|")) + "\n");
        try
        {
            foreach (var contender in contenders)
            {
                await Operations.VerifyAsync(contender).ConfigureAwait(false);
            }

            for (var op = 0; op < Operations.Names.Length; op++)
            {
                foreach (var contender in contenders)
                {
                    await PeerComparison.Loop(Operations.Call(contender, op), 1500).ConfigureAwait(false);
                }

                var measured = contenders.Select(_ => new PeerComparison.Measurement[rounds]).ToArray();
                for (var round = 0; round < rounds; round++)
                {
                    foreach (var index in PeerComparison.Order(contenders.Length, round))
                    {
                        measured[index][round] = await PeerComparison.Measure(Operations.Call(contenders[index], op), calls).ConfigureAwait(false);
                    }
                }

                var first = measured[0].Select(m => m.WallMicroseconds).ToList();
                var firstCpu = measured[0].Select(m => m.CpuMicroseconds).ToList();
                var firstBytes = measured[0].Average(m => m.Bytes);
                text.Append("| " + Operations.Names[op] + " | " + string.Join(" | ", measured.Select(m =>
                {
                    var wall = m.Select(x => x.WallMicroseconds).ToList();
                    var cpu = m.Select(x => x.CpuMicroseconds).ToList();
                    var bytes = m.Average(x => x.Bytes);
                    return $"{Stats.Number(Stats.Median(wall), "F1")} µs, ×{Stats.Ratio(Stats.Ratios(wall, first))}; CPU ×{Stats.Ratio(Stats.Ratios(cpu, firstCpu))}; {Stats.Number(bytes, "F0")} B (+{Stats.Number(bytes - firstBytes, "F0")})";
                })) + " |\n");
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

        text.Append(CultureInfo.InvariantCulture, $"\nLoad average {loadAtStart} at the start, {PeerComparison.LoadAverage()} at the end.\n");
        var path = output ?? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results", "breakdown.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text.ToString()).ConfigureAwait(false);
        Console.WriteLine(text.ToString());
        return 0;
    }
}
