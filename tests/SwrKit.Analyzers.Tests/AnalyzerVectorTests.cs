using System.Text;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SwrKit.Analyzers.Tests.Verification;
using static SwrKit.Analyzers.Tests.Verification.ExpectedDiagnostics;

namespace SwrKit.Analyzers.Tests;

/// <summary>
/// Every row of <c>names.tsv</c> through the analyzer: the value written as the literal argument of a client call
/// (in six literal styles) must give exactly the expected IDs, at the exact source span of the offending character
/// (the whole literal for Length), with the run-time message. All the rows of a style go into one compilation.
/// </summary>
public class AnalyzerVectorTests
{
    private const string Path = "/0/Test0.cs";

    [Theory]
    [InlineData(LiteralStyle.Regular)]
    [InlineData(LiteralStyle.AllEscaped)]
    [InlineData(LiteralStyle.MixedEscapes)]
    [InlineData(LiteralStyle.Verbatim)]
    [InlineData(LiteralStyle.RawSingleLine)]
    [InlineData(LiteralStyle.RawMultiLine)]
    public async Task Every_vector_as_a_literal_argument(LiteralStyle style)
    {
        var source = new StringBuilder("using SwrKit;\nusing System.Threading.Tasks;\n\nclass C\n{\n    async Task M(ISwrClient client, SwrClient concrete)\n    {\n");
        var expected = new List<(string Id, TextSpan Span, string Message)>();
        var written = 0;
        foreach (var vector in NameVectors.All)
        {
            if (!LiteralWriter.CanWrite(vector.Input, style))
            {
                continue;
            }

            written++;
            // Alternate the interface and the class, positional and named arguments.
            var receiver = vector.Line % 2 == 0 ? "client" : "concrete";
            source.Append("        await ").Append(receiver);
            (TextSpan[] Chars, TextSpan Whole) literal;
            if (vector.IsNamespace)
            {
                source.Append(".DeleteRetentionAsync(");
                if (vector.Line % 3 == 0)
                {
                    source.Append("repository: \"app\", retentionId: 1, @namespace: ");
                    literal = LiteralWriter.Write(source, vector.Input, style, "        ");
                    source.Append(");\n");
                }
                else
                {
                    literal = LiteralWriter.Write(source, vector.Input, style, "        ");
                    source.Append(", \"app\", 1);\n");
                }
            }
            else
            {
                source.Append(".DeleteImageSyncRepoAsync(\"org\", ");
                literal = LiteralWriter.Write(source, vector.Input, style, "        ");
                source.Append(", new DeleteImageSyncRepoRequest(\"r\", \"ok\"));\n");
            }

            if (vector.Verdict != "ok")
            {
                var span = vector.Verdict == "Length" ? literal.Whole : literal.Chars[vector.Index!.Value];
                var runtime = vector.IsNamespace ? SwrNames.CheckNamespace(vector.Input) : SwrNames.CheckRepository(vector.Input);
                expected.Add((vector.IsNamespace ? "SWR001" : "SWR002", span, runtime.Message!));
            }

            if (vector.Slashes.Length > 0)
            {
                expected.Add(("SWR003", literal.Chars[vector.Slashes[0]], SlashMessage(vector.Input)));
            }
        }

        source.Append("    }\n}\n");
        Assert.True(written > 300, $"only {written} vectors could be written as {style}");
        Assert.True(expected.Count > 200, $"only {expected.Count} diagnostics expected for {style}");

        var text = SourceText.From(source.ToString());
        var test = new SwrAnalyzerTest { TestState = { MarkupHandling = MarkupMode.None } };
        test.TestState.Sources.Add((Path, text));
        test.ExpectedDiagnostics.AddRange(expected.Select(e => Warning(e.Id).WithSpan(Path, text, e.Span).WithMessage(e.Message)));
        await test.RunAsync();
    }
}
