using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SwrKit.Analyzers.Tests.Verifiers;

namespace SwrKit.Analyzers.Tests;

/// <summary>
/// Every row of <c>names.tsv</c> through the analyzer: the value written as the literal argument of a client call
/// (in several literal styles) must give exactly the expected IDs, at the exact source span of the offending character
/// (the whole literal for Length), with the run-time message.
/// </summary>
public class AnalyzerVectorTests
{
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
                source.Append(", new DeleteImageSyncRepoRequest());\n");
            }

            if (vector.Verdict != "ok")
            {
                var index = vector.Index!.Value;
                var span = vector.Verdict == "Length" ? literal.Whole : literal.Chars[index];
                var runtime = vector.IsNamespace ? SwrNames.CheckNamespace(vector.Input) : SwrNames.CheckRepository(vector.Input);
                expected.Add((vector.IsNamespace ? "SWR001" : "SWR002", span, runtime.Message!));
            }

            if (vector.Slashes.Length > 0)
            {
                // A valid name with a slash: the run-time message exactly. Otherwise the run time reports the rule first,
                // and SWR003 keeps its own slash message.
                var runtime = SwrNames.CheckRepository(vector.Input);
                expected.Add(("SWR003", literal.Chars[vector.Slashes[0]], runtime.IsValid ? runtime.Message! : $"unescaped '/' at index {vector.Slashes[0]}"));
            }
        }

        source.Append("    }\n}\n");
        Assert.True(written > 300, $"only {written} vectors could be written as {style}");

        var tree = TestCompilation.Parse(source.ToString());
        var diagnostics = await TestCompilation.AnalyzeAsync(TestCompilation.Create([tree]));

        var actual = diagnostics.Select(d => (d.Id, d.Location.SourceSpan, d.GetMessage())).OrderBy(d => d.SourceSpan.Start).ThenBy(d => d.Id).ToList();
        var wanted = expected.OrderBy(e => e.Span.Start).ThenBy(e => e.Id).ToList();
        var text = tree.GetText();
        for (var i = 0; i < Math.Min(actual.Count, wanted.Count); i++)
        {
            var sameMessage = actual[i].Item3 == wanted[i].Message || (wanted[i].Message.StartsWith("unescaped", StringComparison.Ordinal) && actual[i].Item3.Contains(wanted[i].Message, StringComparison.Ordinal));
            if (actual[i].Id != wanted[i].Id || actual[i].SourceSpan != wanted[i].Span || !sameMessage)
            {
                Assert.Fail($"#{i} on line {text.Lines.GetLineFromPosition(wanted[i].Span.Start).LineNumber + 1}:\nexpected {wanted[i].Id} {wanted[i].Span} \u00bb{text.ToString(wanted[i].Span)}\u00ab {wanted[i].Message}\nactual   {actual[i].Id} {actual[i].SourceSpan} \u00bb{text.ToString(actual[i].SourceSpan)}\u00ab {actual[i].Item3}\nline: {text.Lines.GetLineFromPosition(wanted[i].Span.Start)}");
            }
        }

        Assert.Equal(wanted.Count, actual.Count);
    }
}
