using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SwrKit.Analyzers;

/// <summary>
/// Keys and values of the diagnostic properties the analyzer sets for the code fixes (compiled into both assemblies).
/// The analyzer has the semantic model and the decoded literals, so it says exactly which source characters a fix
/// rewrites; the fixes only apply that.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>Which document the spans of <see cref="Edits"/> and <see cref="Wrap"/> are in.</summary>
    public const string Fix = "SwrKit.Fix";

    /// <summary><see cref="Fix"/> value: the document of the diagnostic location (the argument).</summary>
    public const string FixInArgument = "Argument";

    /// <summary><see cref="Fix"/> value: the document of the first additional location (a declaration or a local's initializer).</summary>
    public const string FixInDeclaration = "Declaration";

    /// <summary>
    /// The source spans of the characters a fix rewrites, as <c>start:length</c> separated by <c>;</c>: every <c>/</c>
    /// (SWR003, "Replace '/' with '$'") or every uppercase letter (SWR001/SWR002, "Convert to lowercase"). Each span is
    /// one character or one escape sequence.
    /// </summary>
    public const string Edits = "SwrKit.Edits";

    /// <summary>SWR003: the span of the expression "Wrap in SwrNames.EscapeRepository(…)" wraps, as <c>start:length</c>.</summary>
    public const string Wrap = "SwrKit.Wrap";

    /// <summary>Writes spans as <c>start:length;start:length</c>.</summary>
    public static string Encode(IReadOnlyList<TextSpan> spans)
    {
        var builder = new StringBuilder();
        foreach (var span in spans)
        {
            if (builder.Length > 0)
            {
                builder.Append(';');
            }

            builder.Append(span.Start.ToString(CultureInfo.InvariantCulture)).Append(':').Append(span.Length.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>Reads what <see cref="Encode"/> wrote; empty for anything malformed.</summary>
    public static List<TextSpan> Decode(string? value)
    {
        var spans = new List<TextSpan>();
        if (string.IsNullOrEmpty(value))
        {
            return spans;
        }

        foreach (var item in value!.Split(';'))
        {
            var colon = item.IndexOf(':');
            if (colon <= 0
                || !int.TryParse(item.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(item.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return new List<TextSpan>();
            }

            spans.Add(new TextSpan(start, length));
        }

        return spans;
    }
}
