using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SwrKit.Analyzers.Tests.Verification;

/// <summary>How a test writes a string value as a C# literal.</summary>
public enum LiteralStyle
{
    /// <summary><c>"..."</c>, printable ASCII as is, <c>\"</c>, <c>\\</c>, everything else <c>\uXXXX</c>.</summary>
    Regular,

    /// <summary><c>"..."</c>, every character as <c>\uXXXX</c>.</summary>
    AllEscaped,

    /// <summary><c>"..."</c> with assorted escapes: <c>\x</c>, <c>\U</c>, <c>\t</c>...</summary>
    MixedEscapes,

    /// <summary><c>@"..."</c>, <c>""</c> for a quote (control characters written raw).</summary>
    Verbatim,

    /// <summary><c>"""..."""</c> (values without quotes at the edges and without newlines).</summary>
    RawSingleLine,

    /// <summary>A multi-line raw literal, indented (values without newlines).</summary>
    RawMultiLine,
}

/// <summary>Writes a value as a C# literal and records, for every character, the span of source that writes it (the test's own oracle).</summary>
public static class LiteralWriter
{
    public static bool CanWrite(string value, LiteralStyle style) => style switch
    {
        LiteralStyle.Verbatim => !value.Any(c => (char.IsControl(c) && c != '\t') || c is '\u2028' or '\u2029'),
        LiteralStyle.RawSingleLine => value.Length > 0 && !value.Contains("\"\"\"") && value[0] != '"' && value[^1] != '"' && !value.Any(IsNewLineOrControl),
        LiteralStyle.RawMultiLine => value.Length > 0 && !value.Contains("\"\"\"") && !value.Any(IsNewLineOrControl) && !char.IsWhiteSpace(value[0]) && !string.IsNullOrWhiteSpace(value),
        _ => true,
    };

    /// <summary>Appends the literal at the end of <paramref name="output"/>; returns the span of each character and of the whole literal.</summary>
    public static (TextSpan[] Chars, TextSpan Whole) Write(StringBuilder output, string value, LiteralStyle style, string indentation = "")
    {
        var start = output.Length;
        var spans = new TextSpan[value.Length];
        switch (style)
        {
            case LiteralStyle.Verbatim:
                output.Append("@\"");
                for (var i = 0; i < value.Length; i++)
                {
                    var piece = value[i] == '"' ? "\"\"" : value[i].ToString();
                    spans[i] = new TextSpan(output.Length, piece.Length);
                    output.Append(piece);
                }

                output.Append('"');
                break;
            case LiteralStyle.RawSingleLine:
                output.Append("\"\"\"");
                for (var i = 0; i < value.Length; i++)
                {
                    spans[i] = new TextSpan(output.Length, 1);
                    output.Append(value[i]);
                }

                output.Append("\"\"\"");
                break;
            case LiteralStyle.RawMultiLine:
                output.Append("\"\"\"\n").Append(indentation).Append("    ");
                for (var i = 0; i < value.Length; i++)
                {
                    spans[i] = new TextSpan(output.Length, 1);
                    output.Append(value[i]);
                }

                output.Append('\n').Append(indentation).Append("    \"\"\"");
                break;
            default:
                output.Append('"');
                for (var i = 0; i < value.Length; i++)
                {
                    var c = value[i];
                    string piece;
                    var pairLength = 1;
                    if (style == LiteralStyle.AllEscaped)
                    {
                        piece = $"\\u{(int)c:X4}";
                    }
                    else if (style == LiteralStyle.MixedEscapes && char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        piece = $"\\U{char.ConvertToUtf32(c, value[i + 1]):X8}";
                        pairLength = 2;
                    }
                    else if (style == LiteralStyle.MixedEscapes && (i % 3 == 1) && !IsHexDigit(i + 1 < value.Length ? value[i + 1] : ' '))
                    {
                        piece = $"\\x{(int)c:x}";
                    }
                    else if (style == LiteralStyle.MixedEscapes && c == '\t')
                    {
                        piece = "\\t";
                    }
                    else if (c == '"' || c == '\\')
                    {
                        piece = "\\" + c;
                    }
                    else if (c >= ' ' && c <= '~')
                    {
                        piece = c.ToString();
                    }
                    else
                    {
                        piece = $"\\u{(int)c:x4}";
                    }

                    for (var k = 0; k < pairLength; k++)
                    {
                        spans[i + k] = new TextSpan(output.Length, piece.Length);
                    }

                    output.Append(piece);
                    i += pairLength - 1;
                }

                output.Append('"');
                break;
        }

        return (spans, TextSpan.FromBounds(start, output.Length));
    }

    private static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static bool IsNewLineOrControl(char c) => char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029';
}
