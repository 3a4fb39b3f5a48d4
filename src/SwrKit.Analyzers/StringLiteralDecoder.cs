using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SwrKit.Analyzers;

/// <summary>
/// Decodes C# string literal tokens (regular, verbatim, raw single- and multi-line, and the text parts of interpolated
/// strings) character by character, so a position in the value maps back to the exact source characters that wrote it
/// (<c>\u002F</c> maps to its six characters). Total: malformed tokens (while typing) give <see langword="null"/>, never an
/// exception; every result is checked against the compiler's own value, so a mismatch also gives <see langword="null"/>.
/// </summary>
internal static class StringLiteralDecoder
{
    /// <summary>Whether <paramref name="token"/> is a (non-UTF-8, non-interpolated) string literal token.</summary>
    public static bool IsStringLiteral(SyntaxToken token)
    {
        var kind = token.Kind();
        return kind == SyntaxKind.StringLiteralToken
            || kind == SyntaxKind.SingleLineRawStringLiteralToken
            || kind == SyntaxKind.MultiLineRawStringLiteralToken;
    }

    /// <summary>Decodes a string literal token; <see langword="null"/> when it is not one or cannot be decoded exactly.</summary>
    public static DecodedString? Decode(SyntaxToken token)
    {
        if (!IsStringLiteral(token) || token.IsMissing)
        {
            return null;
        }

        var text = token.Text;
        var offset = token.SpanStart;
        var result = new DecodedString();
        bool ok;
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken:
                if (text.Length >= 2 && text[0] == '@')
                {
                    var end = text.Length >= 3 && text[text.Length - 1] == '"' ? text.Length - 1 : text.Length;
                    ok = DecodeVerbatim(text, 2, end, offset, braces: false, result);
                }
                else
                {
                    var end = text.Length >= 2 && text[text.Length - 1] == '"' ? text.Length - 1 : text.Length;
                    ok = DecodeRegular(text, 1, end, offset, braces: false, result);
                }

                break;
            case SyntaxKind.SingleLineRawStringLiteralToken:
                ok = DecodeSingleLineRaw(text, offset, result);
                break;
            default:
                ok = DecodeMultiLineRaw(text, offset, result);
                break;
        }

        return ok && result.ValueEquals(token.ValueText) ? result : null;
    }

    /// <summary>
    /// Decodes the text token of one <see cref="InterpolatedStringTextSyntax"/>; <paramref name="expected"/> is the
    /// compiler's value of that part (the token's ValueText keeps <c>{{</c> doubled, so it cannot be used).
    /// </summary>
    public static DecodedString? DecodeInterpolatedText(InterpolatedStringTextSyntax part, string? expected)
    {
        if (expected is null || part.Parent is not InterpolatedStringExpressionSyntax expression)
        {
            return null;
        }

        var token = part.TextToken;
        if (token.IsMissing)
        {
            return null;
        }

        var text = token.Text;
        var offset = token.SpanStart;
        var result = new DecodedString();
        bool ok;
        switch (expression.StringStartToken.Kind())
        {
            case SyntaxKind.InterpolatedStringStartToken:
                ok = DecodeRegular(text, 0, text.Length, offset, braces: true, result);
                break;
            case SyntaxKind.InterpolatedVerbatimStringStartToken:
                ok = DecodeVerbatim(text, 0, text.Length, offset, braces: true, result);
                break;
            case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                for (var i = 0; i < text.Length; i++)
                {
                    result.Add(text[i], offset + i, 1);
                }

                ok = true;
                break;
            case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                var endText = expression.StringEndToken.Text;
                var quotes = endText.Length;
                while (quotes > 0 && endText[quotes - 1] == '"')
                {
                    quotes--;
                }

                var indentStart = quotes;
                while (indentStart > 0 && IsIndentWhitespace(endText[indentStart - 1]))
                {
                    indentStart--;
                }

                var indentation = endText.Substring(indentStart, quotes - indentStart);
                var lineStart = token.SpanStart == expression.StringStartToken.Span.End;
                var endIsLineEnd = token.Span.End == expression.StringEndToken.SpanStart;
                ok = DecodeRawLines(text, 0, text.Length, offset, indentation, lineStart, endIsLineEnd, result);
                break;
            default:
                ok = false;
                break;
        }

        return ok && result.ValueEquals(expected) ? result : null;
    }

    private static bool DecodeRegular(string text, int from, int to, int offset, bool braces, DecodedString result)
    {
        var i = from;
        while (i < to)
        {
            var c = text[i];
            if (braces && (c == '{' || c == '}') && i + 1 < to && text[i + 1] == c)
            {
                result.Add(c, offset + i, 2);
                i += 2;
                continue;
            }

            if (c != '\\')
            {
                result.Add(c, offset + i, 1);
                i++;
                continue;
            }

            if (i + 1 >= to)
            {
                return false;
            }

            var e = text[i + 1];
            char simple;
            switch (e)
            {
                case '\'': simple = '\''; break;
                case '"': simple = '"'; break;
                case '\\': simple = '\\'; break;
                case '0': simple = '\0'; break;
                case 'a': simple = '\a'; break;
                case 'b': simple = '\b'; break;
                case 'e': simple = '\u001b'; break;
                case 'f': simple = '\f'; break;
                case 'n': simple = '\n'; break;
                case 'r': simple = '\r'; break;
                case 't': simple = '\t'; break;
                case 'v': simple = '\v'; break;
                case 'u':
                    if (!TryHex(text, i + 2, 4, to, out var u))
                    {
                        return false;
                    }

                    result.Add((char)u, offset + i, 6);
                    i += 6;
                    continue;
                case 'U':
                    if (!TryHex(text, i + 2, 8, to, out var scalar) || scalar > 0x10FFFF)
                    {
                        return false;
                    }

                    if (scalar < 0x10000)
                    {
                        result.Add((char)scalar, offset + i, 10);
                    }
                    else
                    {
                        var v = scalar - 0x10000;
                        result.Add((char)(0xD800 + (v >> 10)), offset + i, 10);
                        result.Add((char)(0xDC00 + (v & 0x3FF)), offset + i, 10);
                    }

                    i += 10;
                    continue;
                case 'x':
                    var digits = 0;
                    var x = 0;
                    while (digits < 4 && i + 2 + digits < to && TryHexDigit(text[i + 2 + digits], out var d))
                    {
                        x = (x << 4) | d;
                        digits++;
                    }

                    if (digits == 0)
                    {
                        return false;
                    }

                    result.Add((char)x, offset + i, 2 + digits);
                    i += 2 + digits;
                    continue;
                default:
                    return false;
            }

            result.Add(simple, offset + i, 2);
            i += 2;
        }

        return true;
    }

    private static bool DecodeVerbatim(string text, int from, int to, int offset, bool braces, DecodedString result)
    {
        var i = from;
        while (i < to)
        {
            var c = text[i];
            if ((c == '"' || (braces && (c == '{' || c == '}'))) && i + 1 < to && text[i + 1] == c)
            {
                result.Add(c, offset + i, 2);
                i += 2;
                continue;
            }

            result.Add(c, offset + i, 1);
            i++;
        }

        return true;
    }

    private static bool DecodeSingleLineRaw(string text, int offset, DecodedString result)
    {
        var quotes = CountLeadingQuotes(text);
        if (quotes < 3 || text.Length < 2 * quotes || !EndsWithQuotes(text, quotes))
        {
            return false;
        }

        for (var i = quotes; i < text.Length - quotes; i++)
        {
            result.Add(text[i], offset + i, 1);
        }

        return true;
    }

    private static bool DecodeMultiLineRaw(string text, int offset, DecodedString result)
    {
        var quotes = CountLeadingQuotes(text);
        if (quotes < 3 || text.Length < 2 * quotes || !EndsWithQuotes(text, quotes))
        {
            return false;
        }

        // The closing line: indentation whitespace, then the quotes. Its newline is not part of the value.
        var close = text.Length - quotes;
        var indentStart = close;
        while (indentStart > quotes && IsIndentWhitespace(text[indentStart - 1]))
        {
            indentStart--;
        }

        if (indentStart <= quotes || !IsNewLine(text[indentStart - 1]))
        {
            return false;
        }

        var contentEnd = indentStart - 1;
        if (text[contentEnd] == '\n' && contentEnd > quotes && text[contentEnd - 1] == '\r')
        {
            contentEnd--;
        }

        // The opening line: only whitespace after the quotes, then its newline (not part of the value either).
        var p = quotes;
        while (p < text.Length && !IsNewLine(text[p]))
        {
            if (!IsIndentWhitespace(text[p]))
            {
                return false;
            }

            p++;
        }

        p += p + 1 < text.Length && text[p] == '\r' && text[p + 1] == '\n' ? 2 : 1;
        if (p > contentEnd)
        {
            return false;
        }

        return DecodeRawLines(text, p, contentEnd, offset, text.Substring(indentStart, close - indentStart), lineStart: true, endIsLineEnd: true, result);
    }

    // Content lines of a multi-line raw string: the closing line's indentation is removed from every line start;
    // whitespace-only lines keep what follows the indentation (empty when shorter); newlines are kept as written.
    private static bool DecodeRawLines(string text, int from, int to, int offset, string indentation, bool lineStart, bool endIsLineEnd, DecodedString result)
    {
        var i = from;
        while (i < to)
        {
            if (lineStart)
            {
                lineStart = false;
                var j = i;
                while (j < to && IsIndentWhitespace(text[j]))
                {
                    j++;
                }

                if ((j == to && endIsLineEnd) || (j < to && IsNewLine(text[j])))
                {
                    // A whitespace-only line loses the indentation like any other and keeps the rest (as the compiler
                    // does); one no longer than the indentation becomes empty.
                    i = j - i > indentation.Length && string.CompareOrdinal(text, i, indentation, 0, indentation.Length) == 0 ? i + indentation.Length : j;
                    continue;
                }

                if (to - i < indentation.Length || string.CompareOrdinal(text, i, indentation, 0, indentation.Length) != 0)
                {
                    return false;
                }

                i += indentation.Length;
                continue;
            }

            var c = text[i];
            result.Add(c, offset + i, 1);
            i++;
            if (c == '\r' && i < to && text[i] == '\n')
            {
                result.Add('\n', offset + i, 1);
                i++;
            }

            lineStart = IsNewLine(c);
        }

        return true;
    }

    private static int CountLeadingQuotes(string text)
    {
        var n = 0;
        while (n < text.Length && text[n] == '"')
        {
            n++;
        }

        return n;
    }

    private static bool EndsWithQuotes(string text, int quotes)
    {
        for (var k = 1; k <= quotes; k++)
        {
            if (text[text.Length - k] != '"')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNewLine(char c) => c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';

    // The compiler's whitespace (SyntaxFacts.IsWhitespace), which includes U+001A and U+FEFF.
    private static bool IsIndentWhitespace(char c) => !IsNewLine(c) && (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\u001A' || c == '\uFEFF' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator);

    private static bool TryHex(string text, int start, int count, int to, out int value)
    {
        value = 0;
        if (start + count > to)
        {
            return false;
        }

        long accumulated = 0;
        for (var k = 0; k < count; k++)
        {
            if (!TryHexDigit(text[start + k], out var d))
            {
                return false;
            }

            accumulated = (accumulated << 4) | (uint)d;
        }

        // 8 digits can exceed int; anything above 0x10FFFF is rejected by the caller, so saturate.
        value = accumulated > int.MaxValue ? int.MaxValue : (int)accumulated;
        return true;
    }

    private static bool TryHexDigit(char c, out int digit)
    {
        if (c >= '0' && c <= '9')
        {
            digit = c - '0';
            return true;
        }

        if (c >= 'a' && c <= 'f')
        {
            digit = c - 'a' + 10;
            return true;
        }

        if (c >= 'A' && c <= 'F')
        {
            digit = c - 'A' + 10;
            return true;
        }

        digit = 0;
        return false;
    }
}
