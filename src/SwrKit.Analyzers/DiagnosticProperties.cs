namespace SwrKit.Analyzers;

/// <summary>Keys and values of the diagnostic properties the analyzer sets for the code fix (compiled into both assemblies).</summary>
internal static class DiagnosticProperties
{
    /// <summary>Set on SWR003 when the "Replace '/' with '$'" fix is safe: where the literal to rewrite is.</summary>
    public const string Fix = "SwrKit.Fix";

    /// <summary><see cref="Fix"/> value: the literal is the argument itself (at the diagnostic location).</summary>
    public const string FixInArgument = "Argument";

    /// <summary><see cref="Fix"/> value: the literal initializes a const declared in source (at the first additional location).</summary>
    public const string FixInDeclaration = "Declaration";
}
