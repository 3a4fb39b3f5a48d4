using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SwrKit.Analyzers;

/// <summary>
/// A local that stands for its initializer: declared with one, and never written again (no assignment, compound
/// assignment, increment, <c>ref</c>/<c>out</c>/address-of use or deconstruction, in its scope or in a lambda there).
/// The locals written in a scope are collected in one walk of that scope, the first time one of its locals is judged,
/// and kept with its syntax tree: a method (or a file of top-level statements) with thousands of calls through locals
/// is walked once, not once per call.
/// </summary>
internal static class SingleAssignmentLocal
{
    // Per syntax tree: the declarators of the locals written in each scope walked so far. Keyed by syntax, not by symbol,
    // so compilations that share a tree share the walk (a local's identity is its declarator; what an identifier in a
    // write position binds to inside its member does not depend on the rest of the compilation).
    private static readonly ConditionalWeakTable<SyntaxTree, WrittenLocals> Cache = new();

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
            || IsWritten(scope, declarator, model, cancellationToken))
        {
            return null;
        }

        return operation;
    }

    /// <summary>How many scopes of <paramref name="tree"/> have been walked for written locals (each at most once).</summary>
    internal static int ScopesWalked(SyntaxTree tree) => Cache.TryGetValue(tree, out var written) ? written.Walks : 0;

    private static bool IsWritten(SyntaxNode scope, VariableDeclaratorSyntax declarator, SemanticModel model, CancellationToken cancellationToken) =>
        Cache.GetValue(scope.SyntaxTree, _ => new WrittenLocals()).In(scope, model, cancellationToken).Contains(declarator);

    // Every identifier in a write position in the scope, bound once: the declarators of the locals it writes.
    private static HashSet<SyntaxNode> CollectWritten(SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        var written = new HashSet<SyntaxNode>();
        foreach (var node in scope.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier && IsWritePosition(identifier)
                && model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol { DeclaringSyntaxReferences: { Length: 1 } references })
            {
                written.Add(references[0].GetSyntax(cancellationToken));
            }
        }

        return written;
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

    private sealed class WrittenLocals
    {
        private readonly ConcurrentDictionary<SyntaxNode, Lazy<HashSet<SyntaxNode>>> scopes = new();
        private int walks;

        public int Walks => Volatile.Read(ref walks);

        public HashSet<SyntaxNode> In(SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
        {
            var lazy = scopes.GetOrAdd(scope, s => new Lazy<HashSet<SyntaxNode>>(() =>
            {
                Interlocked.Increment(ref walks);
                return CollectWritten(s, model, cancellationToken);
            }, LazyThreadSafetyMode.ExecutionAndPublication));
            try
            {
                return lazy.Value;
            }
            catch (OperationCanceledException)
            {
                // A cancelled walk is not a result: the next caller walks again.
                scopes.TryRemove(scope, out _);
                throw;
            }
        }
    }
}
