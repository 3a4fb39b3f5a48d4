using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace SwrKit.Analyzers.Tests.Verification;

/// <summary>Expected diagnostics built from the spans a test wrote itself (sources too large or too arbitrary for markup).</summary>
public static class ExpectedDiagnostics
{
    public static DiagnosticResult Warning(string id) => new(id, DiagnosticSeverity.Warning);

    /// <summary>Appends a location of <paramref name="text"/>: the first one is the primary location, the next ones are additional.</summary>
    public static DiagnosticResult WithSpan(this DiagnosticResult result, string path, SourceText text, TextSpan span) =>
        result.WithSpan(new FileLinePositionSpan(path, text.Lines.GetLinePositionSpan(span)));

    /// <summary>
    /// The SWR003 message for a repository value: the run-time message when the name is otherwise valid, else the slash
    /// message on its own (the run time reports the broken rule first, the analyzer reports both).
    /// </summary>
    public static string SlashMessage(string repository)
    {
        var result = SwrNames.CheckRepository(repository);
        if (!result.IsValid)
        {
            // The verdict "valid, with a slash" for this value, through the one place that words it.
            result = (NameCheckResult)Activator.CreateInstance(
                typeof(NameCheckResult), BindingFlags.Instance | BindingFlags.NonPublic, binder: null, [repository, NameKind.Repository, NameRule.None, -1], culture: null)!;
        }

        return result.Message ?? throw new ArgumentException($"'{repository}' has no slash", nameof(repository));
    }
}
