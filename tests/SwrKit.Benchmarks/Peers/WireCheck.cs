using System.Text.Json;
using System.Text.Json.Nodes;
using SwrKit.Benchmarks.Client;

namespace SwrKit.Benchmarks.Peers;

/// <summary>
/// Before anything is timed: each contender's request for each operation, as the loopback server received it, next
/// to the reference contender's (SwrKit). A different method or target, or a body that is different JSON, means the
/// contenders do not do the same work; header differences and JSON member order are recorded as they are.
/// </summary>
public static class WireCheck
{
    public sealed record Difference(string Contender, string Operation, string What, bool SameWork);

    public static async Task<List<Difference>> CompareAsync(Uri baseAddress, IContender reference, IEnumerable<IContender> others)
    {
        using var control = new HttpClient { BaseAddress = baseAddress };
        var differences = new List<Difference>();
        for (var operation = 0; operation < Operations.Names.Length; operation++)
        {
            var expected = Parse(await RecordAsync(control, reference, operation).ConfigureAwait(false));
            foreach (var contender in others)
            {
                var actual = Parse(await RecordAsync(control, contender, operation).ConfigureAwait(false));
                foreach (var (what, sameWork) in Compare(expected, actual))
                {
                    differences.Add(new Difference(contender.Name, Operations.Names[operation], what, sameWork));
                }
            }
        }

        return differences;
    }

    private static async Task<string> RecordAsync(HttpClient control, IContender contender, int operation)
    {
        (await control.PostAsync(LoopbackServer.CapturePath.TrimStart('/'), null).ConfigureAwait(false)).EnsureSuccessStatusCode();
        await Operations.Call(contender, operation)().ConfigureAwait(false);
        return await control.GetStringAsync(LoopbackServer.CapturePath.TrimStart('/')).ConfigureAwait(false);
    }

    private static Request Parse(string captured)
    {
        var lines = captured.Split('\n');
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).TakeWhile(l => !l.StartsWith("body: ", StringComparison.Ordinal)))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 2)..];
        }

        var body = lines.FirstOrDefault(l => l.StartsWith("body: ", StringComparison.Ordinal))?["body: ".Length..] ?? string.Empty;
        return new Request(lines[0], headers, body);
    }

    private static IEnumerable<(string What, bool SameWork)> Compare(Request expected, Request actual)
    {
        if (expected.Line != actual.Line)
        {
            yield return ($"request line `{actual.Line}` instead of `{expected.Line}`", false);
        }

        foreach (var name in expected.Headers.Keys.Union(actual.Headers.Keys).Order(StringComparer.Ordinal))
        {
            expected.Headers.TryGetValue(name, out var want);
            actual.Headers.TryGetValue(name, out var got);
            if (want == got)
            {
                continue;
            }

            yield return (want is null ? $"adds `{name}: {got}`" : got is null ? $"no `{name}` (SwrKit: `{want}`)" : $"`{name}: {got}` (SwrKit: `{want}`)", true);
        }

        if (expected.Body != actual.Body)
        {
            if (SameJson(expected.Body, actual.Body))
            {
                yield return ($"JSON member order `{actual.Body}` (SwrKit: `{expected.Body}`)", true);
            }
            else
            {
                yield return ($"body `{actual.Body}` instead of `{expected.Body}`", false);
            }
        }
    }

    private static bool SameJson(string a, string b)
    {
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record Request(string Line, SortedDictionary<string, string> Headers, string Body);
}
