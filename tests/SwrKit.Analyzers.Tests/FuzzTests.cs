using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SwrKit.Analyzers.Tests.Verification;
using Xunit.Abstractions;
using static SwrKit.Analyzers.Tests.Verification.ExpectedDiagnostics;

namespace SwrKit.Analyzers.Tests;

/// <summary>
/// Randomized tests with fixed seeds. (1) Random values written as random constant shapes (literal styles,
/// concatenations, parentheses, const fields) with a test-side oracle for the exact location. (2) Thousands of randomly
/// mutated and truncated programs around client calls: the analyzer must never throw (each program its own compilation,
/// run directly: thousands of them through a test workspace would take minutes).
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const string Alphabet = "abcdefxyz0123456789abcxyz..__--$$//ABZ @\t\u00e9\"\\{}";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Random_constant_shapes_are_located_exactly(int seed)
    {
        var random = new Random(seed);
        var source = new StringBuilder("using SwrKit;\nusing System.Threading.Tasks;\n\nclass C\n{\n    async Task M(ISwrClient client)\n    {\n");
        var members = new StringBuilder();
        var expected = new List<(string Id, TextSpan Span, TextSpan? Additional)>();
        var pendingConsts = new List<(string Name, string Value, LiteralStyle Style, List<(string Id, int Index, TextSpan Primary)> Uses)>();
        var constCount = 0;

        for (var call = 0; call < 400; call++)
        {
            var isNamespace = random.Next(2) == 0;
            var value = RandomValue(random);
            var pieces = SplitRandomly(random, value);

            source.Append("        await client.").Append(isNamespace ? "DeleteRetentionAsync(" : "DeleteImageSyncRepoAsync(\"org\", ");
            var argumentStart = source.Length;
            var charSpans = new TextSpan[value.Length];
            var pieceOf = new int[value.Length];
            var pieceWhole = new TextSpan[pieces.Count];
            var constUses = new List<(int Piece, string Name, TextSpan Reference)>();
            var offset = 0;
            for (var p = 0; p < pieces.Count; p++)
            {
                if (p > 0)
                {
                    source.Append(" + ");
                }

                var piece = pieces[p];
                var parenthesized = random.Next(5) == 0;
                if (parenthesized)
                {
                    source.Append('(');
                }

                // A const member for some non-empty pieces (never in the middle of a multi-line raw concatenation issue).
                if (piece.Length > 0 && random.Next(4) == 0)
                {
                    var name = "K" + constCount++;
                    var referenceStart = source.Length;
                    source.Append(name);
                    var reference = TextSpan.FromBounds(referenceStart, source.Length);
                    pieceWhole[p] = reference;
                    for (var k = 0; k < piece.Length; k++)
                    {
                        charSpans[offset + k] = reference;
                        pieceOf[offset + k] = p;
                    }

                    constUses.Add((p, name, reference));
                    pendingConsts.Add((name, piece, PickStyle(random, piece), []));
                }
                else
                {
                    var style = PickStyle(random, piece);
                    var (spans, literalSpan) = LiteralWriter.Write(source, piece, style, "        ");
                    pieceWhole[p] = literalSpan;
                    for (var k = 0; k < piece.Length; k++)
                    {
                        charSpans[offset + k] = spans[k];
                        pieceOf[offset + k] = p;
                    }
                }

                if (parenthesized)
                {
                    source.Append(')');
                }

                offset += piece.Length;
            }

            var argument = TextSpan.FromBounds(argumentStart, source.Length);
            source.Append(isNamespace ? ", \"app\", 1);\n" : ", new DeleteImageSyncRepoRequest(\"r\", \"ok\"));\n");

            var result = isNamespace ? SwrNames.CheckNamespace(value) : SwrNames.CheckRepository(value);
            var single = pieces.Count == 1 && constUses.Count == 1;
            if (!result.IsValid)
            {
                var id = isNamespace ? "SWR001" : "SWR002";
                if (result.Rule == NameRule.Length)
                {
                    // The whole literal (without the parentheses around it), or the whole concatenation.
                    Expect(id, result.Index, pieces.Count == 1 ? pieceWhole[0] : argument, whole: true);
                }
                else
                {
                    Expect(id, result.Index, charSpans[result.Index], whole: false);
                }
            }

            if (!isNamespace && result.HasUnescapedSlash)
            {
                Expect("SWR003", value.IndexOf('/'), charSpans[value.IndexOf('/')], whole: false);
            }

            void Expect(string id, int index, TextSpan primary, bool whole)
            {
                // A character inside a const: the reference, with the declaration char as additional location (resolved below).
                var use = constUses.FirstOrDefault(u => u.Reference == primary);
                if (use.Name is not null && (!whole || single))
                {
                    var start = 0;
                    for (var p = 0; p < use.Piece; p++)
                    {
                        start += pieces[p].Length;
                    }

                    pendingConsts.Single(c => c.Name == use.Name).Uses.Add((id, whole ? -1 : index - start, primary));
                }
                else
                {
                    expected.Add((id, primary, null));
                }
            }
        }

        source.Append("    }\n\n");
        // The const declarations, after the method (their spans are known once written).
        foreach (var (name, value, style, uses) in pendingConsts)
        {
            source.Append("    const string ").Append(name).Append(" = ");
            var (spans, whole) = LiteralWriter.Write(source, value, style, "    ");
            source.Append(";\n");
            foreach (var (id, index, primary) in uses)
            {
                expected.Add((id, primary, index < 0 ? whole : spans[index]));
            }
        }

        source.Append("}\n");
        const string Path = "/0/Test0.cs";
        var text = SourceText.From(source.ToString());
        var test = new SwrAnalyzerTest { TestState = { MarkupHandling = MarkupMode.None } };
        test.TestState.Sources.Add((Path, text));
        foreach (var (id, span, additional) in expected)
        {
            var result = Warning(id).WithSpan(Path, text, span);
            test.ExpectedDiagnostics.Add(additional is { } declaration ? result.WithSpan(Path, text, declaration) : result);
        }

        await test.RunAsync();
        Assert.True(expected.Count > 100, "too few diagnostics: " + expected.Count);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task Random_partly_constant_values_are_judged_and_located_exactly(int seed)
    {
        // Constant pieces (literals of random styles, or text segments of one interpolated string) around run-time
        // parts; the verdict comes from the contract as the test reads it (PartialOracle), the spans from the writer.
        var random = new Random(seed);
        var source = new StringBuilder("using SwrKit;\nusing System.Threading.Tasks;\n\nclass C\n{\n    async Task M(ISwrClient client, string team, string app)\n    {\n");
        var expected = new List<(string Id, TextSpan Span)>();
        for (var call = 0; call < 300; call++)
        {
            var isNamespace = random.Next(3) == 0;
            var interpolated = random.Next(2) == 0;
            var pieces = new List<string?>();
            for (var count = random.Next(2, 6); pieces.Count < count;)
            {
                pieces.Add(random.Next(3) == 0 ? null : RandomValue(random) is { Length: < 20 } value ? value : "x");
            }

            if (pieces.All(p => p is not null))
            {
                pieces[random.Next(pieces.Count)] = null;
            }

            source.Append("        await client.").Append(isNamespace ? "DeleteRetentionAsync(" : "DeleteImageSyncRepoAsync(\"org\", ");
            var text = new StringBuilder();
            var holes = new List<int>();
            var spans = new List<TextSpan>();
            if (interpolated)
            {
                source.Append("$\"");
            }

            for (var p = 0; p < pieces.Count; p++)
            {
                var piece = pieces[p];
                if (!interpolated && p > 0)
                {
                    source.Append(" + ");
                }

                if (piece is null)
                {
                    holes.Add(text.Length);
                    source.Append(interpolated ? "{team}" : (random.Next(2) == 0 ? "team" : "(app ?? team)"));
                    continue;
                }

                if (interpolated)
                {
                    foreach (var c in piece)
                    {
                        var written = c switch
                        {
                            '{' => "{{",
                            '}' => "}}",
                            '"' => "\\\"",
                            '\\' => "\\\\",
                            _ when c >= ' ' && c <= '~' => c.ToString(),
                            _ => $"\\u{(int)c:x4}",
                        };
                        spans.Add(new TextSpan(source.Length, written.Length));
                        source.Append(written);
                    }
                }
                else
                {
                    var (chars, _) = LiteralWriter.Write(source, piece, PickStyle(random, piece), "        ");
                    spans.AddRange(chars);
                }

                text.Append(piece);
            }

            if (interpolated)
            {
                source.Append('"');
            }

            source.Append(isNamespace ? ", \"app\", 1);\n" : ", new DeleteImageSyncRepoRequest(\"r\", \"ok\"));\n");
            var constant = text.ToString();
            if (constant.Length == 0)
            {
                continue;
            }

            if (PartialOracle(constant, holes, repository: !isNamespace) is { } index)
            {
                expected.Add((isNamespace ? "SWR001" : "SWR002", spans[index]));
            }

            if (!isNamespace && constant.IndexOf('/') is var slash and >= 0)
            {
                expected.Add(("SWR003", spans[slash]));
            }
        }

        source.Append("    }\n}\n");
        const string Path = "/0/Test0.cs";
        var sourceText = SourceText.From(source.ToString());
        var test = new SwrAnalyzerTest { TestState = { MarkupHandling = MarkupMode.None } };
        test.TestState.Sources.Add((Path, sourceText));
        foreach (var (id, span) in expected)
        {
            test.ExpectedDiagnostics.Add(Warning(id).WithSpan(Path, sourceText, span));
        }

        await test.RunAsync();
        Assert.True(expected.Count > 100, "too few diagnostics: " + expected.Count);
    }

    /// <summary>
    /// The contract for partly constant values, read independently of SwrNames: the index in the constant text of the
    /// first certain violation, or null. Stretches are runs of constant text with no run-time part inside.
    /// </summary>
    private static int? PartialOracle(string text, List<int> holes, bool repository)
    {
        static bool Lower(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
        bool Separator(char c) => c is '.' or '_' or '-' || (repository && c is '$' or '/');
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= 'A' and <= 'Z' || (!Lower(text[i]) && !Separator(text[i])))
            {
                return i;
            }
        }

        if (!holes.Contains(0) && !(repository ? Lower(text[0]) : text[0] is >= 'a' and <= 'z'))
        {
            return 0;
        }

        var stretchStart = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (holes.Contains(i))
            {
                stretchStart = i;
                continue;
            }

            if (Separator(text[i]) && Separator(text[i - 1]) && (text[i] != '_' || text[i - 1] != '_' || (i - 2 >= stretchStart && text[i - 2] == '_')))
            {
                return i;
            }
        }

        return !holes.Contains(text.Length) && !Lower(text[^1]) ? text.Length - 1 : null;
    }

    [Fact]
    public async Task Mutated_and_truncated_programs_never_make_the_analyzer_throw()
    {
        const int Programs = 3000;
        var random = new Random(20240611);
        var stopwatch = Stopwatch.StartNew();
        var sources = new List<string>(Programs);
        for (var i = 0; i < Programs; i++)
        {
            sources.Add(Mutate(random, Seeds[random.Next(Seeds.Length)]));
        }

        var exceptions = new List<string>();
        var reported = 0;
        await Parallel.ForEachAsync(sources.Select((s, i) => (s, i)), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (item, _) =>
        {
            var compilation = await SwrTestSetup.CreateCompilationAsync([SwrTestSetup.Parse(item.s, $"/0/Fuzz{item.i}.cs")]);
            var (diagnostics, thrown) = await RunAsync(compilation);
            Interlocked.Add(ref reported, diagnostics.Length);
            if (thrown.Count > 0)
            {
                lock (exceptions)
                {
                    exceptions.Add($"program {item.i}:\n{item.s}\n---\n{string.Join("\n", thrown)}");
                }
            }
        });

        output.WriteLine($"{Programs} programs, {reported} diagnostics, {stopwatch.Elapsed.TotalSeconds:F1} s");
        Assert.True(exceptions.Count == 0, $"{exceptions.Count} programs made the analyzer throw; first:\n{exceptions.FirstOrDefault()}");
        Assert.True(reported > Programs / 2, "the mutated programs should still produce diagnostics: " + reported);
    }

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [new SwrNameAnalyzer()];

    /// <summary>The analyzer's diagnostics and every exception it threw (reported to the callback, or as AD0001).</summary>
    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<string> Exceptions)> RunAsync(Compilation compilation)
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, diagnostic) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception.ToString());
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        return ([.. diagnostics.Where(d => d.Id != "AD0001")], exceptions);
    }

    private static string RandomValue(Random random)
    {
        var length = random.Next(10) == 0 ? random.Next(60, 140) : random.Next(0, 14);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            // Mostly valid characters, so later rules (structure, slashes) are reached too.
            builder.Append(random.Next(3) == 0 ? Alphabet[random.Next(Alphabet.Length)] : "abcxyz019"[random.Next(9)]);
        }

        return builder.ToString();
    }

    private static List<string> SplitRandomly(Random random, string value)
    {
        var count = random.Next(1, 4);
        var cuts = Enumerable.Range(0, count - 1).Select(_ => random.Next(value.Length + 1)).OrderBy(c => c).ToList();
        var pieces = new List<string>();
        var previous = 0;
        foreach (var cut in cuts)
        {
            pieces.Add(value[previous..cut]);
            previous = cut;
        }

        pieces.Add(value[previous..]);
        return pieces;
    }

    private static LiteralStyle PickStyle(Random random, string value)
    {
        var styles = Enum.GetValues<LiteralStyle>().Where(s => LiteralWriter.CanWrite(value, s)).ToList();
        return styles[random.Next(styles.Count)];
    }

    private static readonly string[] Snippets =
    [
        "\"", "\"\"\"", "@\"", "$\"", "$@\"", "$$\"\"\"", "{", "}", "{{", "}}", "\\", "\\u", "\\u00", "\\x", "\\U0001", "\\U0011FFFF", "/", "$",
        "+", "(", ")", ",", ";", "\n", "\r\n", "    ", "namespace:", "repository:", "@namespace: ", "retentionId: ", "const string Z = \"a/b\";",
        "Names.", "nameof(", "default", "null", "!", "é", "\uD800", "\u2028", "RemoteNamespace = ", "SwrNames.EscapeRepository(",
        "client.DeleteRetentionAsync(", "swr.DeleteImageSyncRepoAsync(", "\"Bad/Name\"", "$\"{Names.Repo}/x\"", "\"\"\"\n  a/b\n  \"\"\"",
        "u8", "(string)", "?", "=>", "#if X\n", "#endif\n", "/*", "*/", "//", "<auto-generated/>", "class", "static", "'", "\0",
        "dynamicName + ", " + maybeNull", "{dynamicName}", "{maybeNull,3}", "{x:D3}", "var repo = ", "repo", " = ", "+=", "ref ", "out ",
        "$\"{dynamicName}/", "\"/\" + ", "\uD83D\uDE00", "😀", "() => ", "(a, b) = ", "++", "\"A\" + ",
    ];

    private static string Mutate(Random random, string seed)
    {
        var text = new StringBuilder(seed);
        var mutations = random.Next(1, 5);
        for (var m = 0; m < mutations; m++)
        {
            var position = random.Next(text.Length + 1);
            switch (random.Next(6))
            {
                case 0:
                    text.Length = position;
                    break;
                case 1:
                    text.Remove(position, Math.Min(random.Next(1, 12), text.Length - position));
                    break;
                case 2:
                case 3:
                    text.Insert(position, Snippets[random.Next(Snippets.Length)]);
                    break;
                case 4:
                    var from = random.Next(text.Length + 1);
                    var length = Math.Min(random.Next(1, 40), text.Length - from);
                    text.Insert(position, text.ToString(from, length));
                    break;
                default:
                    // Replace one character of the program with a random one.
                    if (position < text.Length)
                    {
                        text[position] = "\"\\/${}()+,;@aZ0\n é"[random.Next(18)];
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static readonly string[] Seeds =
    [
        AnalyzerShapeTests.Code("""
                    await swr.DeleteRetentionAsync("My-Org", "group/app", 42);
                    await client.DeleteImageSyncRepoAsync(repository: @"x/""y", @namespace: "org", body: new DeleteImageSyncRepoRequest("r", "ok") { RemoteNamespace = "Team" });
            """),
        AnalyzerShapeTests.Code(""""
                    await client.DeleteRetentionAsync($"{Names.Org}-", $"{Names.Repo}/app", 1);
                    await client.DeleteRetentionAsync("org", $$"""{{Names.Repo}}/a""", 1);
                    await client.DeleteRetentionAsync("org", $"""
                        {Names.Repo}/{"X"}
                        """, 1);
            """", """
                static class Names { public const string Org = "org"; public const string Repo = "group"; }
            """),
        AnalyzerShapeTests.Code(""""
                    const string local = "a\u002Fb\x41\U0001F600";
                    await client.DeleteRetentionAsync(Org + "_" + nameof(Org), local + """
                        x/y
                        """, 1);
                    var wire = SwrNames.EscapeRepository("Group//app");
                    var body = new DeleteImageSyncRepoRequest("r", "ok");
                    body.RemoteNamespace = ("a" + "..b");
            """", """
                const string Org = "Bad Org";
            """),
        AnalyzerShapeTests.Code(""""
                    await client.DeleteRetentionAsync($"{dynamicName}-Dev", $"{dynamicName}/{maybeNull}$App", 1);
                    await client.DeleteRetentionAsync("org", dynamicName + "/" + maybeNull + @"x//y" + $"{dynamicName,5}_", 1);
                    await client.DeleteRetentionAsync("org", $@"{dynamicName}/""{maybeNull:x}""😀", 1);
                    await client.DeleteRetentionAsync("org", $$"""{{dynamicName}}/{{Names.Repo}}a__{{"_"}}""" + (dynamicName + "-"), 1);
                    await client.DeleteRetentionAsync("org", $"""
                        -{dynamicName}/{1}{'x'}{null}
                        """, 1);
                    var body = new DeleteImageSyncRepoRequest("r", "ok") { RemoteNamespace = dynamicName + "_" + $"{maybeNull}Team" };
                    var wire = SwrNames.EscapeRepository($"{dynamicName}/A" + "");
            """", """
                static class Names { public const string Org = "org"; public const string Repo = "group"; }
            """),
        AnalyzerShapeTests.Code("""
                    var repo = $"{dynamicName}/app";
                    var org = "My-Org";
                    string written = "a/b";
                    written += dynamicName;
                    var (x, y) = ("a/b", "c");
                    System.Func<string> read = () => repo + org;
                    System.Action write = () => written = "c/d";
                    await client.DeleteRetentionAsync(org, repo, 1);
                    await client.DeleteRetentionAsync(org, written, 1);
                    await client.DeleteRetentionAsync(x, y, 1);
                    foreach (var item in new[] { "a/b" }) { await client.DeleteRetentionAsync("org", item, 1); }
                    for (var i = "a/b"; i.Length > 0; i = "") { await client.DeleteRetentionAsync("org", i, 1); }
                    using var disposable = (System.IDisposable?)null;
                    var chained = repo;
                    await client.DeleteRetentionAsync("org", chained + "/" + repo, 1);
            """),
    ];
}
