using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SwrKit.Analyzers;

namespace SwrKit.CodeFixes;

/// <summary>
/// The document and the source spans a fix rewrites, as the analyzer recorded them in the diagnostic's properties
/// (<see cref="DiagnosticProperties"/>). Every span is checked against the current text before it is used.
/// </summary>
internal static class CharacterEdits
{
    /// <summary>The document the fix edits: the argument's, or the declaration's (first additional location).</summary>
    public static Document? GetDocument(Document current, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var where))
        {
            return null;
        }

        var location = where switch
        {
            DiagnosticProperties.FixInArgument => diagnostic.Location,
            DiagnosticProperties.FixInDeclaration when diagnostic.AdditionalLocations.Count > 0 => diagnostic.AdditionalLocations[0],
            _ => null,
        };
        return location is { IsInSource: true, SourceTree: { } tree } ? current.Project.Solution.GetDocument(tree) : null;
    }

    /// <summary>
    /// One change per span of <see cref="DiagnosticProperties.Edits"/>: the character (or escape sequence) written there,
    /// rewritten by <paramref name="rewrite"/> (as the same kind of escape with <paramref name="keepEscapes"/>, else as the plain character); null when any span no longer holds what the analyzer saw.
    /// </summary>
    public static async Task<List<TextChange>?> GetChangesAsync(Document document, Diagnostic diagnostic, System.Func<char, char?> rewrite, bool keepEscapes, CancellationToken cancellationToken)
    {
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Edits, out var encoded);
        var spans = DiagnosticProperties.Decode(encoded);
        if (spans.Count == 0)
        {
            return null;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<TextChange>(spans.Count);
        foreach (var span in spans)
        {
            if (span.End > text.Length || !TryRead(text.ToString(span), out var c, out var escape) || rewrite(c) is not { } replacement)
            {
                return null;
            }

            changes.Add(new TextChange(span, keepEscapes ? Write(replacement, escape) : replacement.ToString()));
        }

        return changes;
    }

    /// <summary>Applies text changes to one document.</summary>
    public static async Task<Solution> ApplyAsync(Document document, IEnumerable<TextChange> changes, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.Project.Solution.WithDocumentText(document.Id, text.WithChanges(changes));
    }

    // One character as written: itself, or an escape sequence \uXXXX, \UXXXXXXXX or \xH..HHHH (escape = its prefix and digit count).
    private static bool TryRead(string source, out char c, out (char Kind, int Digits)? escape)
    {
        c = '\0';
        escape = null;
        if (source.Length == 1)
        {
            c = source[0];
            return true;
        }

        if (source.Length < 3 || source[0] != '\\' || (source[1] != 'u' && source[1] != 'U' && source[1] != 'x')
            || !int.TryParse(source.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) || code > 0xFFFF)
        {
            return false;
        }

        c = (char)code;
        escape = (source[1], source.Length - 2);
        return true;
    }

    // The replacement in the form the original was written: an escape stays an escape of the same kind and width.
    private static string Write(char c, (char Kind, int Digits)? escape) =>
        escape is { } e ? "\\" + e.Kind + ((int)c).ToString("X" + e.Digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : c.ToString();
}
