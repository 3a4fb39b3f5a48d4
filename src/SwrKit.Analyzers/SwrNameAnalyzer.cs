using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SwrKit.Analyzers;

/// <summary>
/// SWR001-SWR003: constant organization and repository names that the service would reject, wherever SwrKit marks a
/// parameter or property as an SWR name (<c>[SwrName]</c>, generated from the spec's <c>x-swrkit-name</c>), and in
/// <c>SwrNames.EscapeRepository</c>. The verdict and the message come from <see cref="SwrNames"/>, the same code the
/// client runs before sending.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SwrNameAnalyzer : DiagnosticAnalyzer
{
    private const string EscapeRepositoryMethod = "EscapeRepository";

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
        context.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
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

        var names = symbols.IsNameMethodName(method.Name) ? symbols.NameParameters(method) : default;
        if (names.IsDefaultOrEmpty)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { } parameter
                && parameter.Ordinal < names.Length && names[parameter.Ordinal] is { } kind)
            {
                Check(context, argument.Value, kind == NameKind.Organization ? NameTarget.Organization : NameTarget.RepositoryWire);
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
        if (assignment.Target is IPropertyReferenceOperation { Property: { } property }
            && symbols.IsNamePropertyName(property.Name)
            && symbols.NameProperty(property) is { } kind
            && assignment.Value is { } value)
        {
            Check(context, value, kind == NameKind.Organization ? NameTarget.Organization : NameTarget.RepositoryWire);
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

    /// <summary>
    /// The SWR-name metadata of one compilation: <c>[SwrName]</c> on parameters and properties (generated from the spec's
    /// <c>x-swrkit-name</c>), found once per member and cached.
    /// </summary>
    private sealed class SwrKitSymbols
    {
        private static readonly ImmutableArray<NameKind?> NoNames = ImmutableArray<NameKind?>.Empty;

        private readonly INamedTypeSymbol nameAttribute;
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<NameKind?>> methods = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IPropertySymbol, NameKind?> properties = new(SymbolEqualityComparer.Default);
        private HashSet<string>? methodNames;
        private HashSet<string>? propertyNames;

        private SwrKitSymbols(INamedTypeSymbol nameAttribute, INamedTypeSymbol? swrNames)
        {
            this.nameAttribute = nameAttribute;
            SwrNames = swrNames;
        }

        public INamedTypeSymbol? SwrNames { get; }

        public static SwrKitSymbols? TryCreate(Compilation compilation)
        {
            if (!ReferencesSwrKit(compilation) || compilation.GetTypeByMetadataName("SwrKit.SwrNameAttribute") is not { } attribute)
            {
                return null;
            }

            return new SwrKitSymbols(attribute, compilation.GetTypeByMetadataName("SwrKit.SwrNames"));
        }

        /// <summary>Whether SwrKit declares a method of that name with an SWR-name parameter (overrides and implementations share it).</summary>
        public bool IsNameMethodName(string name) => (methodNames ??= CollectNames(isMethod: true)).Contains(name);

        /// <summary>Whether SwrKit declares a property of that name that is an SWR name.</summary>
        public bool IsNamePropertyName(string name) => (propertyNames ??= CollectNames(isMethod: false)).Contains(name);

        /// <summary>Per parameter ordinal, the kind of SWR name it takes; empty when none does.</summary>
        public ImmutableArray<NameKind?> NameParameters(IMethodSymbol method) =>
            method.MethodKind == MethodKind.Ordinary ? methods.GetOrAdd(method.OriginalDefinition, FindNameParameters) : NoNames;

        /// <summary>The kind of SWR name a property holds, or null.</summary>
        public NameKind? NameProperty(IPropertySymbol property) => properties.GetOrAdd(property.OriginalDefinition, FindNameProperty);

        private ImmutableArray<NameKind?> FindNameParameters(IMethodSymbol method)
        {
            // The member itself, what it overrides, or the interface member it implements carries the metadata.
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (Read(current) is { IsEmpty: false } found)
                {
                    return found;
                }
            }

            if (method.ContainingType is { TypeKind: not TypeKind.Interface } type)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    foreach (var member in implemented.GetMembers(method.Name))
                    {
                        if (member is IMethodSymbol interfaceMethod
                            && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod), method)
                            && Read(interfaceMethod) is { IsEmpty: false } found)
                        {
                            return found;
                        }
                    }
                }
            }

            return NoNames;
        }

        private ImmutableArray<NameKind?> Read(IMethodSymbol method)
        {
            ImmutableArray<NameKind?>.Builder? kinds = null;
            foreach (var parameter in method.Parameters)
            {
                if (KindOf(parameter) is { } kind)
                {
                    kinds ??= ImmutableArray.CreateBuilder<NameKind?>(method.Parameters.Length);
                    while (kinds.Count < parameter.Ordinal)
                    {
                        kinds.Add(null);
                    }

                    kinds.Add(kind);
                }
            }

            return kinds?.ToImmutable() ?? NoNames;
        }

        private NameKind? FindNameProperty(IPropertySymbol property)
        {
            for (var current = property; current is not null; current = current.OverriddenProperty)
            {
                if (KindOf(current) is { } kind)
                {
                    return kind;
                }
            }

            return null;
        }

        private NameKind? KindOf(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, nameAttribute)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is int kind)
                {
                    return (NameKind)kind;
                }
            }

            return null;
        }

        // One pass over the SwrKit assembly's types, so most invocations are dismissed by their name alone.
        private HashSet<string> CollectNames(bool isMethod)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(nameAttribute.ContainingAssembly.GlobalNamespace);
            while (stack.Count > 0)
            {
                foreach (var member in stack.Pop().GetMembers())
                {
                    switch (member)
                    {
                        case INamespaceOrTypeSymbol container:
                            stack.Push(container);
                            break;
                        case IMethodSymbol { MethodKind: MethodKind.Ordinary } method when isMethod && !Read(method).IsEmpty:
                            names.Add(method.Name);
                            break;
                        case IPropertySymbol property when !isMethod && KindOf(property) is not null:
                            names.Add(property.Name);
                            break;
                    }
                }
            }

            return names;
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
    }
}
