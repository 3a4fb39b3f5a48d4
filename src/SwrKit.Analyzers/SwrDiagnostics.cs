using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SwrKit.Analyzers;

/// <summary>All SwrKit diagnostic descriptors. The message is the <see cref="NameCheckResult.Message"/> text, so the warning reads exactly like the run-time <see cref="System.ArgumentException"/>.</summary>
internal static class SwrDiagnostics
{
    /// <summary>
    /// The category of every SwrKit rule: SwrKit's own, so that settings for a shared category
    /// (<c>dotnet_analyzer_diagnostic.category-Naming.severity</c>, meant for the CA naming rules) leave these alone.
    /// </summary>
    public const string Category = "SwrKit";

    /// <summary>SWR001: organization name breaks the naming rules.</summary>
    public static readonly DiagnosticDescriptor InvalidOrganizationName = new(
        id: RuleIdentifiers.InvalidOrganizationName,
        title: "SWR organization name breaks the naming rules",
        messageFormat: "{0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An SWR organization name is 1 to 64 characters: lowercase letters, digits, '.', '_' and '-', starting with a letter and ending with a letter or digit, with no two separators together except '__'. The service rejects any other name, and the client throws ArgumentException before sending it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.InvalidOrganizationName));

    /// <summary>SWR002: repository name breaks the naming rules.</summary>
    public static readonly DiagnosticDescriptor InvalidRepositoryName = new(
        id: RuleIdentifiers.InvalidRepositoryName,
        title: "SWR repository name breaks the naming rules",
        messageFormat: "{0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An SWR repository name is 1 to 128 characters: lowercase letters, digits, '.', '/', '_' and '-' ('/' sent as '$'), starting and ending with a letter or digit, with no two separators together except '__'. The service rejects any other name, and the client throws ArgumentException before sending it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.InvalidRepositoryName));

    /// <summary>SWR003: repository name contains an unescaped '/'.</summary>
    public static readonly DiagnosticDescriptor UnescapedSlashInRepository = new(
        id: RuleIdentifiers.UnescapedSlashInRepository,
        title: "SWR repository name contains an unescaped '/'",
        messageFormat: "{0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "SWR expects every '/' of a repository name as '$' in the request path ('group/app' is sent as 'group$app'). Write the wire form, or pass the logical name through SwrNames.EscapeRepository.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnescapedSlashInRepository));

    /// <summary>Every descriptor, for <c>SupportedDiagnostics</c>.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(InvalidOrganizationName, InvalidRepositoryName, UnescapedSlashInRepository);
}
