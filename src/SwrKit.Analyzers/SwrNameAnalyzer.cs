using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SwrKit.Analyzers;

/// <summary>
/// SWR001-SWR003: constant organization and repository names passed to the SwrKit clients that the service would reject.
/// The verdict and the message come from <see cref="SwrNames"/>, the same code the client runs before sending.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SwrNameAnalyzer : DiagnosticAnalyzer
{
    private const string NamespaceParameter = "namespace";
    private const string RepositoryParameter = "repository";
    private const string RemoteNamespaceProperty = "RemoteNamespace";
    private const string EscapeRepositoryMethod = "EscapeRepository";

    private static readonly string[] ClientTypeNames =
    {
        "SwrKit.SwrClient", "SwrKit.CodeArtsRepoClient", "SwrKit.ModelArtsClient", "SwrKit.HssClient",
        "SwrKit.ISwrClient", "SwrKit.ICodeArtsRepoClient", "SwrKit.IModelArtsClient", "SwrKit.IHssClient",
    };

    private static readonly ImmutableDictionary<string, string?> FixInArgument = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Fix, DiagnosticProperties.FixInArgument);
    private static readonly ImmutableDictionary<string, string?> FixInDeclaration = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Fix, DiagnosticProperties.FixInDeclaration);

    private enum NameTarget
    {
        Organization,
        RepositoryWire,
        RepositoryLogical,
    }

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => SwrDiagnostics.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is skipped below (IsGeneratedCode) rather than with None: with None, Roslyn checks every reported
        // location for generated code and bills that to this analyzer (1-4 ms per warning; docs/performance.md).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = SwrKitSymbols.TryCreate(context.Compilation);
        if (symbols is null)
        {
            return;
        }

        context.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
        if (symbols.SyncRequest is not null)
        {
            context.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SwrKitSymbols symbols)
    {
        if (context.IsGeneratedCode)
        {
            return;
        }

        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method is null)
        {
            return;
        }

        if (symbols.SwrNames is not null
            && method.Name == EscapeRepositoryMethod
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.SwrNames))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { Ordinal: 0 })
                {
                    Check(context, argument.Value, NameTarget.RepositoryLogical);
                }
            }

            return;
        }

        var clientMethod = symbols.IsClientMethodName(method.Name) ? symbols.FindClientMethod(method) : null;
        if (clientMethod is null)
        {
            return;
        }

        var parameters = clientMethod.Parameters;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter || parameter.Ordinal >= parameters.Length)
            {
                continue;
            }

            switch (parameters[parameter.Ordinal].Name)
            {
                case NamespaceParameter:
                    Check(context, argument.Value, NameTarget.Organization);
                    break;
                case RepositoryParameter:
                    Check(context, argument.Value, NameTarget.RepositoryWire);
                    break;
            }
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, SwrKitSymbols symbols)
    {
        if (context.IsGeneratedCode)
        {
            return;
        }

        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property: { Name: RemoteNamespaceProperty } property }
            && symbols.IsSyncRequest(property.ContainingType)
            && assignment.Value is { } value)
        {
            Check(context, value, NameTarget.Organization);
        }
    }

    private static void Check(OperationAnalysisContext context, IOperation value, NameTarget target)
    {
        // Only constants: a value the compiler cannot see is checked by the client at run time.
        var constant = value.ConstantValue;
        if (!constant.HasValue || constant.Value is not string text)
        {
            return;
        }

        var result = target == NameTarget.Organization ? SwrNames.CheckNamespace(text) : SwrNames.CheckRepository(text);
        if (!result.IsValid)
        {
            var location = ConstantLocator.Locate(value, result.Index, whole: result.Rule == NameRule.Length, context.CancellationToken);
            var descriptor = target == NameTarget.Organization ? SwrDiagnostics.InvalidOrganizationName : SwrDiagnostics.InvalidRepositoryName;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location.Primary, AdditionalLocations(location), properties: null, result.Message ?? string.Empty));
        }

        if (target != NameTarget.RepositoryWire)
        {
            return;
        }

        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            return;
        }

        // The slash message on its own (a rule violation, if any, was reported above with its own message).
        var slashMessage = new NameCheckResult(text, NameKind.Repository, NameRule.None, -1).Message ?? string.Empty;
        var slashLocation = ConstantLocator.Locate(value, slash, whole: false, context.CancellationToken);
        var properties = slashLocation.Fix switch
        {
            FixTarget.Argument => FixInArgument,
            FixTarget.Declaration when slashLocation.Declaration is not null => FixInDeclaration,
            _ => null,
        };
        context.ReportDiagnostic(Diagnostic.Create(SwrDiagnostics.UnescapedSlashInRepository, slashLocation.Primary, AdditionalLocations(slashLocation), properties, slashMessage));
    }

    private static IEnumerable<Location>? AdditionalLocations(ConstantLocation location) => location.Declaration is null ? null : new[] { location.Declaration };

    /// <summary>The SwrKit types of one compilation, resolved once.</summary>
    private sealed class SwrKitSymbols
    {
        private readonly ImmutableArray<INamedTypeSymbol> clientTypes;
        private readonly ImmutableArray<INamedTypeSymbol> clientInterfaces;
        private readonly INamedTypeSymbol? syncRequest;

        private SwrKitSymbols(ImmutableArray<INamedTypeSymbol> clientTypes, INamedTypeSymbol? swrNames, INamedTypeSymbol? syncRequest)
        {
            this.clientTypes = clientTypes;
            clientInterfaces = clientTypes.RemoveAll(t => t.TypeKind != TypeKind.Interface);
            SwrNames = swrNames;
            this.syncRequest = syncRequest;
        }

        public INamedTypeSymbol? SwrNames { get; }

        private HashSet<string>? clientMethodNames;

        /// <summary>Whether a client type declares an ordinary method of that name (overrides and implementations share it).</summary>
        public bool IsClientMethodName(string name)
        {
            var names = clientMethodNames;
            if (names is null)
            {
                names = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var type in clientTypes)
                {
                    foreach (var member in type.GetMembers())
                    {
                        if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                        {
                            names.Add(method.Name);
                        }
                    }
                }

                clientMethodNames = names; // benign race: every thread computes the same set
            }

            return names.Contains(name);
        }

        public INamedTypeSymbol? SyncRequest => syncRequest;

        public static SwrKitSymbols? TryCreate(Compilation compilation)
        {
            if (!ReferencesSwrKit(compilation))
            {
                return null;
            }

            if (compilation.GetTypeByMetadataName("SwrKit.ServiceClientBase") is null && compilation.GetTypeByMetadataName("SwrKit.SwrClient") is null)
            {
                return null;
            }

            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>(ClientTypeNames.Length);
            foreach (var name in ClientTypeNames)
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    builder.Add(type);
                }
            }

            return new SwrKitSymbols(
                builder.ToImmutable(),
                compilation.GetTypeByMetadataName("SwrKit.SwrNames"),
                compilation.GetTypeByMetadataName("SwrKit.DeleteImageSyncRepoRequest"));
        }

        // Assembly identities only: no type table of any referenced assembly is read for a project without SwrKit.
        private static bool ReferencesSwrKit(Compilation compilation)
        {
            if (compilation.AssemblyName == "SwrKit")
            {
                return true;
            }

            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (identity.Name == "SwrKit")
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsSyncRequest(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, syncRequest))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The SwrKit client method that <paramref name="method"/> is, overrides or implements; null for any other method.</summary>
        public IMethodSymbol? FindClientMethod(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary)
            {
                return null;
            }

            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (IsClientType(current.ContainingType))
                {
                    return current;
                }
            }

            // A user type implementing a client interface (a fake, a decorator), called through its own type.
            var type = method.ContainingType;
            if (type is null || type.TypeKind == TypeKind.Interface || clientInterfaces.IsEmpty || type.AllInterfaces.IsEmpty)
            {
                return null;
            }

            foreach (var clientInterface in clientInterfaces)
            {
                if (!Implements(type, clientInterface))
                {
                    continue;
                }

                foreach (var member in clientInterface.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol interfaceMethod
                        && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod), method))
                    {
                        return interfaceMethod;
                    }
                }
            }

            return null;
        }

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol clientInterface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, clientInterface))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsClientType(INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            foreach (var clientType in clientTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(type, clientType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
