using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SwrKit.Analyzers;

/// <summary>The source spans the code fixes rewrite: characters of the constant text written in the value's own literals.</summary>
internal static class ConstantTextEdits
{
    /// <summary>
    /// The spans of every character of the constant text of <paramref name="value"/> that <paramref name="match"/> accepts,
    /// written in a literal or an interpolated-text segment of that expression (not in a constant declared elsewhere,
    /// and never inside a run-time part).
    /// </summary>
    public static List<TextSpan> Collect(IOperation value, Func<char, bool> match)
    {
        var spans = new List<TextSpan>();
        var stack = new Stack<IOperation>();
        stack.Push(value);
        while (stack.Count > 0)
        {
            var current = ConstantLocator.Unwrap(stack.Pop());
            switch (current)
            {
                case ILiteralOperation { Syntax: LiteralExpressionSyntax literal }:
                    if (StringLiteralDecoder.Decode(literal.Token) is { } decoded)
                    {
                        Add(decoded);
                    }

                    break;

                case IBinaryOperation binary when PartialValue.IsFlattened(binary):
                    stack.Push(binary.RightOperand);
                    stack.Push(binary.LeftOperand);
                    break;

                case IInterpolatedStringOperation interpolated when PartialValue.IsFlattened(interpolated):
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation { Syntax: InterpolatedStringTextSyntax syntax } text
                            && text.Text.ConstantValue.HasValue
                            && StringLiteralDecoder.DecodeInterpolatedText(syntax, text.Text.ConstantValue.Value as string) is { } decodedText)
                        {
                            Add(decodedText);
                        }
                        else if (part is IInterpolationOperation { Alignment: null, FormatString: null } hole && hole.Expression.ConstantValue.HasValue)
                        {
                            stack.Push(hole.Expression);
                        }
                    }

                    break;
            }
        }

        return spans;

        void Add(DecodedString decoded)
        {
            for (var i = 0; i < decoded.Length; i++)
            {
                if (match(decoded[i]))
                {
                    spans.Add(decoded.GetSpan(i));
                }
            }
        }
    }
}
