using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SwrKit.Analyzers;

namespace SwrKit.CodeFixes;

/// <summary>
/// SWR003 fix: "Replace '/' with '$'" rewrites every <c>/</c> of the literal that wrote the repository name (in the
/// argument, or in the const declaration in source), keeping the literal's kind (regular, verbatim, raw) and every other
/// character as written. Offered only when the analyzer marked the diagnostic as fixable (the value is that one literal).
/// </summary>
// [Shared] is the MEF part policy IDE hosts expect of a stateless fixer. Hosts that load package fixers read the export
// attribute from metadata and create the type directly, so the attribute's assembly (System.Composition 8.0, newer than
// the 7.0 of Visual Studio 17.8) is never resolved there; tests/SwrKit.Package.Tests pins what the fix may reference.
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceSlashCodeFixProvider)), Shared]
public sealed class ReplaceSlashCodeFixProvider : CodeFixProvider
{
    /// <summary>The code action's equivalence key (stable: Fix All groups by it).</summary>
    public const string EquivalenceKey = "SwrKit.ReplaceSlashWithDollar";

    /// <summary>The code action's title.</summary>
    public const string Title = "Replace '/' with '$'";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnescapedSlashInRepository);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var where))
            {
                continue;
            }

            var location = where switch
            {
                DiagnosticProperties.FixInArgument => diagnostic.Location,
                DiagnosticProperties.FixInDeclaration when diagnostic.AdditionalLocations.Count > 0 => diagnostic.AdditionalLocations[0],
                _ => null,
            };
            if (location is null || !location.IsInSource || location.SourceTree is null)
            {
                continue;
            }

            var document = context.Document.Project.Solution.GetDocument(location.SourceTree);
            if (document is null)
            {
                continue;
            }

            var changes = await GetChangesAsync(document, location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (changes is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => ApplyAsync(document, changes, ct), EquivalenceKey),
                diagnostic);
        }
    }

    // One TextChange per '/' of the literal at `span`: the source characters that wrote it ('/' or an escape such as \u002F)
    // become '$', which needs no escaping in any kind of string literal.
    private static async Task<List<TextChange>?> GetChangesAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || span.Start >= root.FullSpan.End)
        {
            return null;
        }

        var token = root.FindToken(span.Start);
        if (token.Parent is not LiteralExpressionSyntax || !token.Span.Contains(span))
        {
            return null;
        }

        var decoded = StringLiteralDecoder.Decode(token);
        if (decoded is null)
        {
            return null;
        }

        var changes = new List<TextChange>();
        for (var i = 0; i < decoded.Length; i++)
        {
            if (decoded[i] == '/')
            {
                changes.Add(new TextChange(decoded.GetSpan(i), "$"));
            }
        }

        return changes.Count == 0 ? null : changes;
    }

    private static async Task<Solution> ApplyAsync(Document document, List<TextChange> changes, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.Project.Solution.WithDocumentText(document.Id, text.WithChanges(changes));
    }
}
