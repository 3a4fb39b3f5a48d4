using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SwrKit.Analyzers;

namespace SwrKit.CodeFixes;

/// <summary>
/// SWR001/SWR002 fix for the Uppercase rule: "Convert to lowercase" rewrites every uppercase letter of the value's
/// constant text where its own literals write it. The analyzer offers it only when that leaves no certain violation
/// (and when no uppercase letter comes from elsewhere); an escape such as <c>\u0041</c> stays an escape (<c>\u0061</c>).
/// </summary>
// [Shared]: see ReplaceSlashCodeFixProvider.
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConvertToLowercaseCodeFixProvider)), Shared]
public sealed class ConvertToLowercaseCodeFixProvider : CodeFixProvider
{
    /// <summary>The code action's equivalence key (stable: Fix All groups by it).</summary>
    public const string EquivalenceKey = "SwrKit.ConvertToLowercase";

    /// <summary>The code action's title.</summary>
    public const string Title = "Convert to lowercase";

    // Fix All keeps this provider's key when the host passes none (KeyedFixAllProvider).
    private static readonly FixAllProvider FixAll = new KeyedFixAllProvider(EquivalenceKey);

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.InvalidOrganizationName, RuleIdentifiers.InvalidRepositoryName);

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

            var changes = await CharacterEdits.GetChangesAsync(document, diagnostic, c => c >= 'A' && c <= 'Z' ? (char)(c + 32) : null, keepEscapes: true, context.CancellationToken).ConfigureAwait(false);
            if (changes is null)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(Title, ct => CharacterEdits.ApplyAsync(document, changes, ct), EquivalenceKey), diagnostic);
        }
    }
}
