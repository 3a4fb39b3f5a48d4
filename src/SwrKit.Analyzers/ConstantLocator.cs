using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SwrKit.Analyzers;

/// <summary>Where a diagnostic about one character of a constant string goes.</summary>
internal readonly struct ConstantLocation
{
    public ConstantLocation(Location primary, Location? declaration)
    {
        Primary = primary;
        Declaration = declaration;
    }

    /// <summary>The offending character inside the literal, or the operand/argument that holds it.</summary>
    public Location Primary { get; }

    /// <summary>For a constant declared elsewhere: its declaration (the offending character inside its literal when possible).</summary>
    public Location? Declaration { get; }
}

/// <summary>
/// Maps an index of a constant string value back to source: walks the operation tree (conversions, constant
/// concatenations, constant interpolated strings) to the literal that holds the character, then decodes that literal's
/// token. Iterative and total: anything it cannot map precisely falls back to the enclosing operand.
/// </summary>
internal static class ConstantLocator
{
    /// <summary>
    /// Locates character <paramref name="index"/> of the constant <paramref name="value"/>; with <paramref name="whole"/>,
    /// the whole value instead; with <paramref name="pair"/>, that character and the next one (a surrogate pair).
    /// </summary>
    public static ConstantLocation Locate(IOperation value, int index, bool whole, CancellationToken cancellationToken, bool pair = false)
    {
        if (whole)
        {
            var unwrapped = Unwrap(value);
            return new ConstantLocation(value.Syntax.GetLocation(), GetConstSymbol(unwrapped) is { } symbol ? LocateDeclaration(symbol, index, true, cancellationToken) : null);
        }

        var current = value;
        var i = index;
        while (true)
        {
            current = Unwrap(current);
            switch (current)
            {
                case ILiteralOperation { Syntax: LiteralExpressionSyntax literal }:
                    var decoded = StringLiteralDecoder.Decode(literal.Token);
                    return new ConstantLocation(
                        decoded is not null && i >= 0 && i < decoded.Length ? Location.Create(literal.SyntaxTree, SpanOf(decoded, i, pair)) : literal.GetLocation(),
                        null);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    var leftLength = ConstantLength(binary.LeftOperand);
                    if (leftLength < 0 || ConstantLength(binary.RightOperand) < 0)
                    {
                        return new ConstantLocation(binary.Syntax.GetLocation(), null);
                    }

                    if (i < leftLength)
                    {
                        current = binary.LeftOperand;
                    }
                    else
                    {
                        i -= leftLength;
                        current = binary.RightOperand;
                    }

                    continue;

                case IInterpolatedStringOperation interpolated:
                    var next = FindInterpolatedPart(interpolated, ref i, pair, out var found);
                    if (next is not null)
                    {
                        current = next;
                        continue;
                    }

                    return new ConstantLocation(found ?? interpolated.Syntax.GetLocation(), null);

                default:
                    var constant = GetConstSymbol(current);
                    return new ConstantLocation(current.Syntax.GetLocation(), constant is null ? null : LocateDeclaration(constant, i, false, cancellationToken, pair));
            }
        }
    }

    /// <summary>Strips conversions and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation) => Unwrap(operation, out _);

    /// <summary>
    /// Strips conversions and parentheses; <paramref name="keepsValue"/>: none of them is a user-defined conversion, which
    /// could return another string than its operand.
    /// </summary>
    public static IOperation Unwrap(IOperation operation, out bool keepsValue)
    {
        keepsValue = true;
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { Operand: { } operand } conversion:
                    keepsValue &= !conversion.Conversion.IsUserDefined;
                    operation = operand;
                    continue;
                case IParenthesizedOperation { Operand: { } operand }:
                    operation = operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    // Returns the interpolation expression holding index i (adjusted), or null with the exact location in a text part.
    private static IOperation? FindInterpolatedPart(IInterpolatedStringOperation interpolated, ref int i, bool pair, out Location? location)
    {
        location = null;
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text:
                    var textValue = text.Text.ConstantValue.HasValue ? text.Text.ConstantValue.Value as string : null;
                    if (textValue is null)
                    {
                        return null;
                    }

                    if (i < textValue.Length)
                    {
                        location = LocateInText(text, i, pair);
                        return null;
                    }

                    i -= textValue.Length;
                    break;

                case IInterpolationOperation interpolation:
                    var length = interpolation.Alignment is null && interpolation.FormatString is null ? ConstantLength(interpolation.Expression) : -1;
                    if (length < 0)
                    {
                        return null;
                    }

                    if (i < length)
                    {
                        return interpolation.Expression;
                    }

                    i -= length;
                    break;

                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Character <paramref name="i"/> of an interpolated-text segment (with the next one for a surrogate pair).</summary>
    public static Location LocateInText(IInterpolatedStringTextOperation text, int i, bool pair)
    {
        var textValue = text.Text.ConstantValue.HasValue ? text.Text.ConstantValue.Value as string : null;
        var decoded = text.Syntax is InterpolatedStringTextSyntax syntax ? StringLiteralDecoder.DecodeInterpolatedText(syntax, textValue) : null;
        return decoded is not null && i >= 0 && i < decoded.Length ? Location.Create(text.Syntax.SyntaxTree, SpanOf(decoded, i, pair)) : text.Syntax.GetLocation();
    }

    // One code unit, or a surrogate pair (its two units may come from one escape such as \U0001F600, or two characters).
    private static TextSpan SpanOf(DecodedString decoded, int i, bool pair) =>
        pair && i + 1 < decoded.Length ? TextSpan.FromBounds(decoded.GetSpan(i).Start, decoded.GetSpan(i + 1).End) : decoded.GetSpan(i);

    /// <summary>
    /// For a reference to a const declared in source (not generated) and initialized with one string literal: that
    /// literal, which the code fixes rewrite in place. Otherwise <see langword="null"/>.
    /// </summary>
    public static LiteralExpressionSyntax? SourceConstLiteral(IOperation value, AnalyzerOptions options, CancellationToken cancellationToken) =>
        GetConstSymbol(Unwrap(value)) is { } symbol
            && GetDeclarationLiteral(symbol, cancellationToken) is { } declaration
            && !IsGenerated(declaration.SyntaxTree, options, cancellationToken)
            && !HasGeneratedCodeAttribute(symbol)
                ? declaration
                : null;

    // Generated code is regenerated, not edited: a const declared there is not fixed in place. The conventions the
    // compiler uses: generated_code in .editorconfig first (true or false wins over the rest), then the file name and
    // the <auto-generated> header comment.
    private static bool IsGenerated(SyntaxTree tree, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue("generated_code", out var configured)
            && bool.TryParse(configured.Trim(), out var generated))
        {
            return generated;
        }

        var path = tree.FilePath ?? string.Empty;
        var name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
        if (name.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".g.i.cs", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var trivia in tree.GetRoot(cancellationToken).GetLeadingTrivia())
        {
            var text = trivia.ToString();
            if (text.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // [GeneratedCode] on the const or on a type that contains it: the member belongs to a tool, whatever its file.
    private static bool HasGeneratedCodeAttribute(ISymbol symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" } type
                    && type.ContainingNamespace?.ToDisplayString() == "System.CodeDom.Compiler")
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Only a const of the compilation being analyzed: a diagnostic may point into no other one, so a const of a referenced
    // project is treated like one from metadata (reported on the argument, not fixed at its declaration).
    private static ISymbol? GetConstSymbol(IOperation operation) => operation switch
    {
        IFieldReferenceOperation { Field: { IsConst: true } field } when IsOfThisCompilation(field, operation) => field,
        ILocalReferenceOperation { Local: { IsConst: true } local } => local,
        _ => null,
    };

    private static bool IsOfThisCompilation(ISymbol symbol, IOperation operation) =>
        operation.SemanticModel is { } model && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, model.Compilation.Assembly);

    private static Location? LocateDeclaration(ISymbol symbol, int index, bool whole, CancellationToken cancellationToken, bool pair = false)
    {
        var references = symbol.DeclaringSyntaxReferences;
        if (references.Length == 0)
        {
            return null;
        }

        var declaration = references[0].GetSyntax(cancellationToken);
        if (declaration is not VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            return declaration.GetLocation();
        }

        var literal = GetDeclarationLiteral(symbol, cancellationToken);
        if (literal is null || whole)
        {
            return (literal ?? initializer).GetLocation();
        }

        var decoded = StringLiteralDecoder.Decode(literal.Token);
        return decoded is not null && index >= 0 && index < decoded.Length ? Location.Create(literal.SyntaxTree, SpanOf(decoded, index, pair)) : literal.GetLocation();
    }

    /// <summary>The string literal initializing a const declared in source, or null.</summary>
    private static LiteralExpressionSyntax? GetDeclarationLiteral(ISymbol symbol, CancellationToken cancellationToken)
    {
        var references = symbol.DeclaringSyntaxReferences;
        if (references.Length != 1 || references[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            return null;
        }

        while (initializer is ParenthesizedExpressionSyntax parenthesized)
        {
            initializer = parenthesized.Expression;
        }

        return initializer is LiteralExpressionSyntax literal && StringLiteralDecoder.IsStringLiteral(literal.Token) ? literal : null;
    }

    private static int ConstantLength(IOperation? operation)
    {
        if (operation is null || !operation.ConstantValue.HasValue)
        {
            return -1;
        }

        return operation.ConstantValue.Value switch
        {
            string text => text.Length,
            null => 0,
            _ => -1,
        };
    }
}
