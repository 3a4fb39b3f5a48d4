using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SwrKit.CodeFixes;

/// <summary>
/// The batch fixer, with the provider's own equivalence key when the host passes none. A host may take the key from
/// the actions registered for the first diagnostic it meets (<c>dotnet format</c> does); when that diagnostic has no
/// fix, the key is null, the batch fixer matches no action, and every other diagnostic of the ID would be left as is.
/// </summary>
internal sealed class KeyedFixAllProvider : FixAllProvider
{
    private readonly string equivalenceKey;

    public KeyedFixAllProvider(string equivalenceKey) => this.equivalenceKey = equivalenceKey;

    /// <inheritdoc/>
    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

    /// <inheritdoc/>
    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var context = fixAllContext;
        if (context.CodeActionEquivalenceKey is null
            && context.Scope is FixAllScope.Document or FixAllScope.Project or FixAllScope.Solution)
        {
            var diagnostics = new ForwardingDiagnosticProvider(fixAllContext);
            context = context.Document is { } document
                ? new FixAllContext(document, context.CodeFixProvider, context.Scope, equivalenceKey, context.DiagnosticIds, diagnostics, context.CancellationToken)
                : new FixAllContext(context.Project, context.CodeFixProvider, context.Scope, equivalenceKey, context.DiagnosticIds, diagnostics, context.CancellationToken);
        }

        return WellKnownFixAllProviders.BatchFixer.GetFixAsync(context);
    }

    // The host's diagnostics, unchanged: only the key differs.
    private sealed class ForwardingDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext original;

        public ForwardingDiagnosticProvider(FixAllContext original) => this.original = original;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Wrap(original.WithCancellationToken(cancellationToken).GetDocumentDiagnosticsAsync(document));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Wrap(original.WithCancellationToken(cancellationToken).GetProjectDiagnosticsAsync(project));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Wrap(original.WithCancellationToken(cancellationToken).GetAllDiagnosticsAsync(project));

        private static async Task<IEnumerable<Diagnostic>> Wrap(Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> diagnostics) =>
            await diagnostics.ConfigureAwait(false);
    }
}
