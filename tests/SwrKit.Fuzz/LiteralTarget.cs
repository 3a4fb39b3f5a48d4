using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace SwrKit.Fuzz;

/// <summary>
/// The analyzer's string literal decoder on any C# literal text, compared with the compiler: for every string literal
/// token Roslyn reads without an error, the decoder must give Roslyn's own value (its <c>ConstantValue</c>), and the
/// source span of every decoded character must lie inside the token, in order, and spell that character. On any other
/// text it must not throw.
/// </summary>
internal static class LiteralTarget
{
    // The first input byte picks how the rest is wrapped, so that the fuzzer reaches each literal kind quickly.
    private static readonly Func<string, string>[] Wrappers =
    [
        text => text,
        text => "\"" + text + "\"",
        text => "@\"" + text + "\"",
        text => "\"\"\"" + text + "\"\"\"",
        text => "\"\"\"\n" + text + "\n\"\"\"",
        text => "$\"" + text + "\"",
    ];

    private static readonly Type Decoder = Type.GetType("SwrKit.Analyzers.StringLiteralDecoder, SwrKit.Analyzers", throwOnError: true)!;
    private static readonly MethodInfo Decode = Decoder.GetMethod("Decode", BindingFlags.Public | BindingFlags.Static)!;
    private static readonly Type Decoded = Decode.ReturnType;
    private static readonly PropertyInfo Length = Decoded.GetProperty("Length")!;
    private static readonly PropertyInfo Item = Decoded.GetProperty("Item")!;
    private static readonly MethodInfo GetSpan = Decoded.GetMethod("GetSpan")!;

    public static void Run(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            return;
        }

        var text = Wrappers[data[0] % Wrappers.Length](Encoding.UTF8.GetString(data[1..]));
        var source = "class C { object F = " + text + "; }";
        var tree = CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12));
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            var result = Decode.Invoke(null, [token]);
            if (!IsString(token) || token.ContainsDiagnostics || token.IsMissing || token.Parent?.ContainsDiagnostics == true)
            {
                continue;
            }

            var expected = token.Value as string;
            FuzzAssertionException.Check(expected is not null, $"no constant for {token}");
            FuzzAssertionException.Check(result is not null, $"the decoder gave up on a valid literal: {token.Text}");
            var length = (int)Length.GetValue(result)!;
            FuzzAssertionException.Check(length == expected!.Length, $"decoded length {length}, compiler {expected.Length}: {token.Text}");
            var previousEnd = token.SpanStart;
            for (var i = 0; i < length; i++)
            {
                var c = (char)Item.GetValue(result, [i])!;
                var span = (TextSpan)GetSpan.Invoke(result, [i])!;
                FuzzAssertionException.Check(c == expected[i], $"character {i}: decoded U+{(int)c:X4}, compiler U+{(int)expected[i]:X4}: {token.Text}");
                FuzzAssertionException.Check(span.Start >= previousEnd && span.End <= token.Span.End && span.Length > 0, $"span {span} of character {i} out of order or outside {token.Span}: {token.Text}");
                FuzzAssertionException.Check(Spells(source.Substring(span.Start, span.Length), expected, i), $"span {span} ('{source.Substring(span.Start, span.Length)}') does not write character {i}: {token.Text}");
                previousEnd = span.Start;
            }
        }
    }

    private static bool IsString(SyntaxToken token) => token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken;

    /// <summary>
    /// Whether <paramref name="written"/> is a way to write the value's character <paramref name="index"/>: the character
    /// itself, an escape the compiler reads as it (or as the surrogate pair it belongs to), a doubled quote, or a line break.
    /// </summary>
    private static bool Spells(string written, string value, int index)
    {
        var c = value[index];
        if (written.Length == 1 || written == "\"\"" || written == "\r\n")
        {
            return written[0] == c || (written == "\"\"" && c == '"') || (written == "\r\n" && (c == '\r' || c == '\n'));
        }

        if (written[0] != '\\')
        {
            return false;
        }

        var literal = SyntaxFactory.ParseToken("\"" + written + "\"");
        return literal.Value is string decoded && (decoded == c.ToString() || (decoded.Length == 2 && decoded.Contains(c)));
    }
}
