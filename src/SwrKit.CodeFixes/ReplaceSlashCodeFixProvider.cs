using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SwrKit.Analyzers;

namespace SwrKit.CodeFixes;

/// <summary>
/// SWR003 fix: "Replace '/' with '$'" rewrites every <c>/</c> the value's own literals write: a literal argument, the
/// literal operands of a concatenation, the text segments of an interpolated string, the literal of a const declared in
/// source, or a single-assignment local's initializer. The literal's kind (regular, verbatim, raw) and every other
/// character stay as written; a <c>/</c> written as an escape (<c>\u002F</c>) becomes <c>$</c>.
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
            if (CharacterEdits.GetDocument(context.Document, diagnostic) is not { } document)
            {
                continue;
            }

            // '$' needs no escaping in any kind of string literal or interpolated text.
            var changes = await CharacterEdits.GetChangesAsync(document, diagnostic, c => c == '/' ? '$' : null, keepEscapes: false, context.CancellationToken).ConfigureAwait(false);
            if (changes is null)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(Title, ct => CharacterEdits.ApplyAsync(document, changes, ct), EquivalenceKey), diagnostic);
        }
    }
}
