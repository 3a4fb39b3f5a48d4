using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SwrKit.Analyzers;

/// <summary>What the code fixes may rewrite for one diagnostic: an expression of the document, or a const's literal.</summary>
internal readonly struct FixSite
{
    public FixSite(string where, IOperation? expression, LiteralExpressionSyntax? declarationLiteral)
    {
        Where = where;
        Expression = expression;
        DeclarationLiteral = declarationLiteral;
    }

    /// <summary><see cref="DiagnosticProperties.FixInArgument"/> or <see cref="DiagnosticProperties.FixInDeclaration"/>.</summary>
    public string Where { get; }

    /// <summary>The value (or a local's initializer) whose literals and interpolated text are rewritten.</summary>
    public IOperation? Expression { get; }

    /// <summary>The literal of a const declared in source, rewritten in place.</summary>
    public LiteralExpressionSyntax? DeclarationLiteral { get; }

    /// <summary>The site of an argument: a const declared in source is fixed at its declaration, anything else where it is written.</summary>
    public static FixSite Of(IOperation value, AnalyzerOptions options, CancellationToken cancellationToken) =>
        ConstantLocator.SourceConstLiteral(value, options, cancellationToken) is { } literal
            ? new FixSite(DiagnosticProperties.FixInDeclaration, null, literal)
            : new FixSite(DiagnosticProperties.FixInArgument, value, null);

    public List<TextSpan> Edits(Func<char, bool> match, CancellationToken cancellationToken)
    {
        if (Expression is not null)
        {
            return ConstantTextEdits.Collect(Expression, match);
        }

        var spans = new List<TextSpan>();
        if (DeclarationLiteral is not null && StringLiteralDecoder.Decode(DeclarationLiteral.Token) is { } decoded)
        {
            for (var i = 0; i < decoded.Length; i++)
            {
                if (match(decoded[i]))
                {
                    spans.Add(decoded.GetSpan(i));
                }
            }
        }

        return spans;
    }
}
