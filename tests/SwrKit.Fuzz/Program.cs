using System.Diagnostics;
using SharpFuzz;

namespace SwrKit.Fuzz;

/// <summary>
/// <c>SwrKit.Fuzz &lt;target&gt;</c> runs one target under libFuzzer (started by libfuzzer-dotnet, see build.cake);
/// <c>SwrKit.Fuzz replay [corpus folder]</c> runs every file of <c>corpus/&lt;target&gt;/</c> through its target once and
/// fails on the first exception (a crash, or a disagreement with a reference); <c>SwrKit.Fuzz list</c> names the targets.
/// </summary>
public static class Program
{
    public static readonly IReadOnlyDictionary<string, Action<ReadOnlySpan<byte>>> Targets = new Dictionary<string, Action<ReadOnlySpan<byte>>>
    {
        ["error-body"] = ErrorBodyTarget.Run,
        ["response"] = ResponseTarget.Run,
        ["names"] = NamesTarget.Run,
        ["literal"] = LiteralTarget.Run,
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] == "list")
        {
            Console.WriteLine(string.Join(Environment.NewLine, Targets.Keys));
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "replay")
        {
            return Replay(args.Length > 1 ? args[1] : Path.Combine(AppContext.BaseDirectory, "corpus"), args.Skip(2).ToArray());
        }

        if (!Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"Unknown target '{args[0]}'; targets: {string.Join(", ", Targets.Keys)}.");
            return 2;
        }

        Fuzzer.LibFuzzer.Run(span => target(span));
        return 0;
    }

    private static int Replay(string corpus, string[] only)
    {
        var watch = Stopwatch.StartNew();
        var failures = 0;
        var total = 0;
        foreach (var (name, target) in Targets.Where(t => only.Length == 0 || only.Contains(t.Key)))
        {
            var folder = Path.Combine(corpus, name);
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray() : [];
            if (files.Length == 0)
            {
                Console.Error.WriteLine($"{name}: no corpus in {folder}");
                failures++;
                continue;
            }

            var checks = FuzzAssertionException.Checks;
            foreach (var file in files)
            {
                try
                {
                    target(File.ReadAllBytes(file));
                }
                catch (Exception exception)
                {
                    failures++;
                    Console.Error.WriteLine($"{name}: {Path.GetRelativePath(corpus, file)}: {exception}");
                }
            }

            total += files.Length;
            Console.WriteLine($"{name}: {files.Length} input(s) replayed, {FuzzAssertionException.Checks - checks} comparison(s)");
        }

        Console.WriteLine($"{total} input(s), {failures} failure(s), {watch.ElapsedMilliseconds} ms");
        return failures == 0 ? 0 : 1;
    }
}

/// <summary>A disagreement between a target and its reference: libFuzzer reports it as a crash and keeps the input.</summary>
public sealed class FuzzAssertionException(string message) : Exception(message)
{
    /// <summary>How many comparisons ran (replay reports it, so a target whose oracle is never reached shows).</summary>
    public static long Checks { get; private set; }

    public static void Check(bool condition, string message)
    {
        Checks++;
        if (!condition)
        {
            throw new FuzzAssertionException(message);
        }
    }
}
