using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SwrKit.Analyzers;

namespace SwrKit.CodeFixes;

/// <summary>
/// SWR003 fix for a value built at run time around a certain <c>/</c> (<c>$"{team}/{app}"</c>): "Wrap in
/// SwrNames.EscapeRepository(…)" keeps the logical name as written and escapes the whole value, run-time parts
/// included. Only the two ends of the expression change; it is written <c>SwrNames</c> where that name binds to SwrKit's
/// type there, <c>global::SwrKit.SwrNames</c> otherwise.
/// </summary>
// [Shared]: see ReplaceSlashCodeFixProvider.
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapInEscapeRepositoryCodeFixProvider)), Shared]
public sealed class WrapInEscapeRepositoryCodeFixProvider : CodeFixProvider
{
    /// <summary>The code action's equivalence key (stable: Fix All groups by it).</summary>
    public const string EquivalenceKey = "SwrKit.WrapInEscapeRepository";

    /// <summary>The code action's title.</summary>
    public const string Title = "Wrap in SwrNames.EscapeRepository(…)";

    private const string SwrNamesMetadataName = "SwrKit.SwrNames";

    // Fix All keeps this provider's key when the host passes none (KeyedFixAllProvider).
    private static readonly FixAllProvider FixAll = new KeyedFixAllProvider(EquivalenceKey);

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnescapedSlashInRepository);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAll;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Wrap, out var encoded)
                || DiagnosticProperties.Decode(encoded) is not { Count: 1 } spans
                || CharacterEdits.GetDocument(context.Document, diagnostic) is not { } document)
            {
                continue;
            }

            var changes = await GetChangesAsync(document, spans[0], context.CancellationToken).ConfigureAwait(false);
            if (changes is null)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(Title, ct => CharacterEdits.ApplyAsync(document, changes, ct), EquivalenceKey), diagnostic);
        }
    }

    private static async Task<TextChange[]?> GetChangesAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || span.End > root.FullSpan.End
            || root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax expression || expression.Span != span
            || model.Compilation.GetTypeByMetadataName(SwrNamesMetadataName) is not { } swrNames)
        {
            return null;
        }

        var simple = SyntaxFactory.ParseExpression("SwrNames");
        var bound = model.GetSpeculativeSymbolInfo(span.Start, simple, SpeculativeBindingOption.BindAsExpression).Symbol;
        var name = SymbolEqualityComparer.Default.Equals(bound, swrNames) ? "SwrNames" : "global::SwrKit.SwrNames";
        return new[]
        {
            new TextChange(new TextSpan(span.Start, 0), name + ".EscapeRepository("),
            new TextChange(new TextSpan(span.End, 0), ")"),
        };
    }
}
