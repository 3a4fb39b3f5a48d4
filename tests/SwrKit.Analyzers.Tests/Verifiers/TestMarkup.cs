using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SwrKit.Analyzers.Tests.Verifiers;

/// <summary>An expected diagnostic: its ID and its exact span in the markup-free source.</summary>
public sealed record ExpectedSpan(string Id, TextSpan Span);

/// <summary>
/// Parses test markup: <c>{|SWR003:/|}</c> expects diagnostic SWR003 exactly on the text between <c>:</c> and <c>|}</c>;
/// <c>[|...|]</c> expects the default ID on that text. Markup does not nest.
/// </summary>
public static class TestMarkup
{
    public static (string Source, List<ExpectedSpan> Spans) Parse(string markup, string? defaultId = null)
    {
        var output = new StringBuilder(markup.Length);
        var spans = new List<ExpectedSpan>();
        var i = 0;
        while (i < markup.Length)
        {
            if (Starts(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                var end = markup.IndexOf("|}", colon + 1, StringComparison.Ordinal);
                if (colon < 0 || end < 0)
                {
                    throw new FormatException("Unclosed {|ID:...|} at " + i);
                }

                var id = markup.Substring(i + 2, colon - i - 2);
                var inner = markup.Substring(colon + 1, end - colon - 1);
                spans.Add(new ExpectedSpan(id, new TextSpan(output.Length, inner.Length)));
                output.Append(inner);
                i = end + 2;
            }
            else if (Starts(markup, i, "[|"))
            {
                var end = markup.IndexOf("|]", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new FormatException("Unclosed [|...|] at " + i);
                }

                var inner = markup.Substring(i + 2, end - i - 2);
                spans.Add(new ExpectedSpan(defaultId ?? throw new FormatException("[|...|] needs a default ID"), new TextSpan(output.Length, inner.Length)));
                output.Append(inner);
                i = end + 2;
            }
            else
            {
                output.Append(markup[i]);
                i++;
            }
        }

        return (output.ToString(), spans);
    }

    private static bool Starts(string text, int index, string value) => string.CompareOrdinal(text, index, value, 0, value.Length) == 0;
}
