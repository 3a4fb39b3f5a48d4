using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SwrKit.Analyzers;

/// <summary>
/// A value built from constant text and run-time parts (an interpolated string with non-constant holes, a <c>+</c>
/// concatenation of constant and non-constant operands), flattened into one sequence: its constant text, where the
/// run-time parts stand in it, and the value as shown in messages (<c>{team}/{app}</c>).
/// </summary>
internal sealed class PartialValue
{
    // Longest hole expression shown as is in a message; longer ones are cut.
    private const int MaxShownExpression = 40;

    private readonly List<ConstantPart> parts;

    private PartialValue(string text, int[] holes, int holeCount, string shown, int[] shownIndexes, List<ConstantPart> parts)
    {
        Text = text;
        Holes = holes;
        HoleCount = holeCount;
        Shown = shown;
        ShownIndexes = shownIndexes;
        this.parts = parts;
    }

    /// <summary>The constant text, in order.</summary>
    public string Text { get; }

    /// <summary>Sorted positions in <see cref="Text"/> where a run-time part stands (the first <see cref="HoleCount"/>).</summary>
    public int[] Holes { get; }

    /// <summary>How many run-time parts the value has.</summary>
    public int HoleCount { get; }

    /// <summary>The value with each run-time part shown as <c>{expression}</c> and each brace of the constant text doubled (<c>{{</c>, <c>}}</c>).</summary>
    public string Shown { get; }

    /// <summary>For each character of <see cref="Text"/>, its index in <see cref="Shown"/>.</summary>
    public int[] ShownIndexes { get; }

    /// <summary>
    /// Flattens <paramref name="value"/>; <see langword="null"/> unless it is an interpolated string or a string
    /// concatenation with at least one run-time part and some constant text. With <paramref name="leadingPart"/> (the
    /// target of <c>x += value</c>), that run-time part comes first and <paramref name="value"/> may be any string.
    /// </summary>
    public static PartialValue? TryCreate(IOperation value, IOperation? leadingPart = null)
    {
        var root = ConstantLocator.Unwrap(value);
        if (leadingPart is null && (root is not (IInterpolatedStringOperation or IBinaryOperation) || !IsFlattened(root)))
        {
            return null;
        }

        var text = new StringBuilder();
        var shown = new StringBuilder();
        var shownIndexes = new List<int>();
        var holes = new List<int>();
        var parts = new List<ConstantPart>();

        // Depth first, left to right, with an explicit stack: a concatenation of thousands of operands is one deep tree.
        if (leadingPart is not null)
        {
            AddHole(leadingPart);
        }

        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = ConstantLocator.Unwrap(stack.Pop());
            // A null constant is empty text; other constants (char, int) are formatted at run time, so they are run-time parts.
            if (current.ConstantValue.HasValue && current.ConstantValue.Value is string or null)
            {
                AddConstant(current, current.ConstantValue.Value as string ?? string.Empty);
                continue;
            }

            switch (current)
            {
                case IBinaryOperation binary when IsFlattened(binary):
                    stack.Push(binary.RightOperand);
                    stack.Push(binary.LeftOperand);
                    break;

                case IInterpolatedStringOperation interpolated:
                    for (var p = interpolated.Parts.Length - 1; p >= 0; p--)
                    {
                        stack.Push(interpolated.Parts[p]);
                    }

                    break;

                case IInterpolatedStringTextOperation textPart:
                    if (textPart.Text.ConstantValue.HasValue && textPart.Text.ConstantValue.Value is string partText)
                    {
                        AddConstant(textPart, partText);
                    }
                    else
                    {
                        AddHole(textPart);
                    }

                    break;

                case IInterpolationOperation interpolation:
                    // A hole with an alignment or a format is a run-time part even when its expression is constant.
                    if (interpolation.Alignment is null && interpolation.FormatString is null)
                    {
                        stack.Push(interpolation.Expression);
                    }
                    else
                    {
                        AddHole(interpolation);
                    }

                    break;

                default:
                    AddHole(current);
                    break;
            }
        }

        if (holes.Count == 0 || text.Length == 0)
        {
            return null;
        }

        return new PartialValue(text.ToString(), holes.ToArray(), holes.Count, shown.ToString(), shownIndexes.ToArray(), parts);

        void AddConstant(IOperation operation, string value)
        {
            if (value.Length == 0)
            {
                return;
            }

            parts.Add(new ConstantPart(operation, text.Length, value.Length));
            foreach (var c in value)
            {
                // A brace of the constant text is doubled, as in an interpolated string, so that only a run-time part
                // reads as {expression}.
                shownIndexes.Add(shown.Length);
                shown.Append(c);
                if (c is '{' or '}')
                {
                    shown.Append(c);
                }
            }

            text.Append(value);
        }

        void AddHole(IOperation operation)
        {
            holes.Add(text.Length);
            shown.Append('{').Append(Describe(operation.Syntax)).Append('}');
        }
    }

    /// <summary>
    /// Locates character <paramref name="index"/> of <see cref="Text"/>: inside its literal or interpolated-text segment,
    /// or at the constant that holds it (with that constant's declaration). <paramref name="pair"/>: the character and the
    /// next one are a surrogate pair, located together.
    /// </summary>
    public ConstantLocation Locate(int index, bool pair, CancellationToken cancellationToken)
    {
        foreach (var part in parts)
        {
            if (index < part.Start || index >= part.Start + part.Length)
            {
                continue;
            }

            var i = index - part.Start;
            var withNext = pair && i + 1 < part.Length;
            if (part.Operation is IInterpolatedStringTextOperation textPart)
            {
                return new ConstantLocation(ConstantLocator.LocateInText(textPart, i, withNext), null);
            }

            return ConstantLocator.Locate(part.Operation, i, whole: false, cancellationToken, withNext);
        }

        return new ConstantLocation(parts.Count > 0 ? parts[0].Operation.Syntax.GetLocation() : Location.None, null);
    }

    /// <summary>Whether the characters of <see cref="Text"/> at <paramref name="index"/> and after form a surrogate pair (no run-time part between them).</summary>
    public bool IsPair(int index) =>
        index + 1 < Text.Length && char.IsHighSurrogate(Text[index]) && char.IsLowSurrogate(Text[index + 1]) && ShownIndexes[index + 1] == ShownIndexes[index] + 1;

    /// <summary>A string <c>+</c> the analyzer reads through (built in, not a user-defined operator).</summary>
    internal static bool IsFlattened(IOperation operation) => operation switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null } binary => binary.Type?.SpecialType == SpecialType.System_String,
        IInterpolatedStringOperation interpolated => interpolated.Type?.SpecialType == SpecialType.System_String,
        _ => false,
    };

    private static string Describe(SyntaxNode syntax)
    {
        var node = syntax is InterpolationSyntax interpolation ? interpolation.Expression : syntax;
        var builder = new StringBuilder();
        var space = false;
        foreach (var c in node.ToString())
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        if (syntax is InterpolationSyntax { AlignmentClause: { } alignment })
        {
            builder.Append(alignment.ToString());
        }

        if (syntax is InterpolationSyntax { FormatClause: { } format })
        {
            builder.Append(format.ToString());
        }

        return builder.Length <= MaxShownExpression ? builder.ToString() : builder.ToString(0, MaxShownExpression - 3) + "...";
    }

    private readonly struct ConstantPart
    {
        public ConstantPart(IOperation operation, int start, int length)
        {
            Operation = operation;
            Start = start;
            Length = length;
        }

        /// <summary>A constant operand or hole expression, or an interpolated-text segment.</summary>
        public IOperation Operation { get; }

        public int Start { get; }

        public int Length { get; }
    }
}
