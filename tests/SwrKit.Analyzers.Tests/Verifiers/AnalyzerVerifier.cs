using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SwrKit.Analyzers.Tests.Verifiers;

/// <summary>Checks that <see cref="SwrNameAnalyzer"/> reports exactly the diagnostics marked in the sources (ID and span), and nothing else.</summary>
public static class AnalyzerVerifier
{
    /// <summary>Source files are named <c>/src/Test0.cs</c>, <c>/src/Test1.cs</c>, ...</summary>
    public static Task<ImmutableArray<Diagnostic>> VerifyAsync(params string[] markupSources) => VerifyAsync(markupSources, withSwrKit: true);

    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(IReadOnlyList<string> markupSources, bool withSwrKit, IReadOnlyList<string>? paths = null)
    {
        var trees = new List<SyntaxTree>();
        var expected = new List<(string Path, ExpectedSpan Span)>();
        for (var i = 0; i < markupSources.Count; i++)
        {
            var path = paths?[i] ?? $"/src/Test{i}.cs";
            var (source, spans) = TestMarkup.Parse(markupSources[i]);
            trees.Add(TestCompilation.Parse(source, path));
            expected.AddRange(spans.Select(s => (path, s)));
        }

        var compilation = TestCompilation.Create(trees, withSwrKit);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        AssertSame(expected, diagnostics);
        return diagnostics;
    }

    public static void AssertSame(IEnumerable<(string Path, ExpectedSpan Span)> expected, IEnumerable<Diagnostic> actual)
    {
        var expectedKeys = expected.Select(e => Describe(e.Path, e.Span.Id, e.Span.Span, null)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var actualKeys = actual.Select(d => Describe(d.Location.SourceTree?.FilePath ?? "?", d.Id, d.Location.SourceSpan, d.Location.SourceTree)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var strip = actualKeys.Select(StripText).ToList();
        if (!expectedKeys.SequenceEqual(strip))
        {
            Assert.Fail("Diagnostics differ.\nExpected:\n  " + string.Join("\n  ", expectedKeys) + "\nActual:\n  " + string.Join("\n  ", actualKeys)
                + "\nMessages:\n  " + string.Join("\n  ", actual.Select(d => d.ToString())));
        }
    }

    private static string Describe(string path, string id, TextSpan span, SyntaxTree? tree) =>
        $"{path} {id} [{span.Start}..{span.End})" + (tree is null ? string.Empty : " \u00bb" + tree.GetText().ToString(span) + "\u00ab");

    private static string StripText(string key)
    {
        var index = key.IndexOf(" \u00bb", StringComparison.Ordinal);
        return index < 0 ? key : key.Substring(0, index);
    }
}
