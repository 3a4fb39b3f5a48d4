using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SwrKit.Analyzers;

/// <summary>
/// A local that stands for its initializer: declared with one, and never written again (no assignment, compound
/// assignment, increment, <c>ref</c>/<c>out</c>/address-of use or deconstruction, in its scope or in a lambda there).
/// </summary>
internal static class SingleAssignmentLocal
{
    /// <summary>The initializer of the local that <paramref name="value"/> reads, when the local is never written again; otherwise null.</summary>
    public static IOperation? GetInitializer(IOperation value, CancellationToken cancellationToken)
    {
        if (ConstantLocator.Unwrap(value) is not ILocalReferenceOperation { Local: { IsConst: false, IsRef: false } local }
            || local.DeclaringSyntaxReferences.Length != 1
            || value.SemanticModel is not { } model)
        {
            return null;
        }

        var declarator = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
        if (declarator is not { Initializer.Value: { } initializer, Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax statement } }
            || declarator.SyntaxTree != value.Syntax.SyntaxTree)
        {
            return null;
        }

        // The whole member that declares it (its scope is smaller, but switch sections and labels make the exact block
        // subtle); the top-level statements of a file share one scope.
        SyntaxNode? scope = statement;
        while (scope is not null and not CompilationUnitSyntax && (scope is not MemberDeclarationSyntax || scope is GlobalStatementSyntax))
        {
            scope = scope.Parent;
        }

        // The initializer's shape first (bound already), the scan for writes only for a value worth judging.
        var operation = model.GetOperation(initializer, cancellationToken);
        if (operation is null
            || !(operation.ConstantValue is { HasValue: true, Value: string } || PartialValue.IsFlattened(ConstantLocator.Unwrap(operation)))
            || scope is null
            || IsWrittenIn(scope, local, model, cancellationToken))
        {
            return null;
        }

        return operation;
    }

    private static bool IsWrittenIn(SyntaxNode scope, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        var name = local.Name;
        foreach (var token in scope.DescendantTokens())
        {
            // By name first: binding only the few identifiers spelled like the local.
            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name || token.Parent is not IdentifierNameSyntax identifier
                || !IsWritePosition(identifier))
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWritePosition(ExpressionSyntax expression)
    {
        // Up through parentheses and deconstruction tuples: (a, (b, x)) = ...
        SyntaxNode node = expression;
        while (true)
        {
            var parent = node.Parent;
            switch (parent)
            {
                case ParenthesizedExpressionSyntax:
                    node = parent;
                    continue;
                case ArgumentSyntax { Parent: TupleExpressionSyntax tuple }:
                    node = tuple;
                    continue;
                case ArgumentSyntax argument:
                    return !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword);
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left == node;
                case PrefixUnaryExpressionSyntax prefix:
                    return prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression);
                case PostfixUnaryExpressionSyntax postfix:
                    return postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression);
                case RefExpressionSyntax:
                    return true;
                default:
                    return false;
            }
        }
    }
}
