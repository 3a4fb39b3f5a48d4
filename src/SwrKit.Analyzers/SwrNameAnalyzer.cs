using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SwrKit.Analyzers;

/// <summary>
/// SWR001-SWR003: organization and repository names that the service would reject, wherever SwrKit marks a parameter or
/// property as an SWR name (<c>[SwrName]</c>, generated from the spec's <c>x-swrkit-name</c>), and in
/// <c>SwrNames.EscapeRepository</c>: constants, the certain part of partly constant values (<see cref="PartialValue"/>),
/// and locals that stand for such a value (<see cref="SingleAssignmentLocal"/>). The verdict and the message come from
/// <see cref="SwrNames"/>, the same code the client runs before sending.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SwrNameAnalyzer : DiagnosticAnalyzer
{
    private const string EscapeRepositoryMethod = "EscapeRepository";

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
        context.RegisterOperationAction(
            c => AnalyzeAssignment(c, symbols),
            OperationKind.SimpleAssignment,
            OperationKind.CoalesceAssignment,
            OperationKind.CompoundAssignment,
            OperationKind.DeconstructionAssignment);
        context.RegisterOperationAction(c => AnalyzeObjectCreation(c, symbols), OperationKind.ObjectCreation);
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

        CheckArguments(context, symbols.NameParameters(method), invocation.Arguments);
    }

    private static void AnalyzeObjectCreation(OperationAnalysisContext context, SwrKitSymbols symbols)
    {
        if (context.IsGeneratedCode)
        {
            return;
        }

        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is { } constructor)
        {
            CheckArguments(context, symbols.NameParameters(constructor), creation.Arguments);
        }
    }

    private static void CheckArguments(OperationAnalysisContext context, ImmutableArray<NameKind?> names, ImmutableArray<IArgumentOperation> arguments)
    {
        if (names.IsDefaultOrEmpty)
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { } parameter
                && parameter.Ordinal < names.Length && names[parameter.Ordinal] is { } kind)
            {
                Check(context, argument.Value, TargetOf(kind));
            }
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, SwrKitSymbols symbols)
    {
        if (context.IsGeneratedCode)
        {
            return;
        }

        switch (context.Operation)
        {
            // x = value, x ??= value: the value is what x holds afterwards (for ??=, whenever it assigns).
            case IAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property }, Value: { } value } assignment
                when assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation && symbols.NameProperty(property) is { } kind:
                Check(context, value, TargetOf(kind));
                break;

            // x += value: x's current value (a run-time part) followed by the value.
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null, Target: IPropertyReferenceOperation { Property: { } property } target, Value: { } value } compound
                when compound.Type?.SpecialType == SpecialType.System_String && symbols.NameProperty(property) is { } kind:
                if (PartialValue.TryCreate(value, leadingPart: target) is { } appended)
                {
                    CheckPartial(context, value, appended, TargetOf(kind), reportAt: null, canWrap: false);
                }

                break;

            // (x, y) = (value, other): element by element, when the value is written as a tuple.
            case IDeconstructionAssignmentOperation deconstruction:
                CheckDeconstruction(context, symbols, deconstruction.Target, deconstruction.Value);
                break;
        }
    }

    private static void CheckDeconstruction(OperationAnalysisContext context, SwrKitSymbols symbols, IOperation target, IOperation value)
    {
        if (ConstantLocator.Unwrap(target) is not ITupleOperation targets || ConstantLocator.Unwrap(value) is not ITupleOperation values
            || targets.Elements.Length != values.Elements.Length)
        {
            return;
        }

        for (var i = 0; i < targets.Elements.Length; i++)
        {
            if (targets.Elements[i] is IPropertyReferenceOperation { Property: { } property } && symbols.NameProperty(property) is { } kind)
            {
                Check(context, values.Elements[i], TargetOf(kind));
            }
            else
            {
                CheckDeconstruction(context, symbols, targets.Elements[i], values.Elements[i]);
            }
        }
    }

    private static NameTarget TargetOf(NameKind kind) => kind == NameKind.Organization ? NameTarget.Organization : NameTarget.RepositoryWire;

    private static void Check(OperationAnalysisContext context, IOperation value, NameTarget target)
    {
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            CheckConstant(context, value, text, target, reportAt: null);
            return;
        }

        var unwrapped = ConstantLocator.Unwrap(value, out var keepsValue);
        if (!keepsValue)
        {
            return;
        }

        switch (unwrapped)
        {
            // (string)(object)"a/b": conversions that keep the reference keep the constant.
            case { ConstantValue: { HasValue: true, Value: string kept } }:
                CheckConstant(context, unwrapped, kept, target, reportAt: null);
                return;

            // Each branch is a possible value: one that is certainly wrong is reported at its own literal.
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                Check(context, conditional.WhenTrue, target);
                Check(context, whenFalse, target);
                return;

            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Check(context, arm.Value, target);
                }

                return;

            case ICoalesceOperation coalesce:
                Check(context, coalesce.Value, target);
                Check(context, coalesce.WhenNull, target);
                return;
        }

        // A value the compiler cannot see at all is checked by the client at run time; what is certain is judged here.
        if (ConstantLocator.Unwrap(value) is ILocalReferenceOperation)
        {
            if (SingleAssignmentLocal.GetInitializer(value, context.CancellationToken) is not { } initializer)
            {
                return;
            }

            // Reported at the argument; the initializer's character is the additional location, and the fixes edit it.
            if (initializer.ConstantValue is { HasValue: true, Value: string initial })
            {
                CheckConstant(context, initializer, initial, target, value.Syntax.GetLocation());
            }
            else if (PartialValue.TryCreate(initializer) is { } partialInitializer)
            {
                CheckPartial(context, initializer, partialInitializer, target, value.Syntax.GetLocation());
            }

            return;
        }

        if (PartialValue.TryCreate(value) is { } partial)
        {
            CheckPartial(context, value, partial, target, reportAt: null);
        }
    }

    private static void CheckConstant(OperationAnalysisContext context, IOperation value, string text, NameTarget target, Location? reportAt)
    {
        var result = target == NameTarget.Organization ? SwrNames.CheckNamespace(text) : SwrNames.CheckRepository(text);
        if (!result.IsValid)
        {
            var whole = result.Rule == NameRule.Length;
            var location = ConstantLocator.Locate(value, result.Index, whole, context.CancellationToken, pair: !whole && IsPair(text, result.Index));
            var properties = result.Rule == NameRule.Uppercase && IsValid(LowerAscii(text), null, 0, target)
                ? LowercaseProperties(SiteOf(context, value, reportAt), CountUppercase(text), context.CancellationToken)
                : null;
            Report(context, NameDescriptor(target), location, reportAt, properties, result.Message ?? string.Empty);
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
        Report(context, SwrDiagnostics.UnescapedSlashInRepository, slashLocation, reportAt, SlashProperties(SiteOf(context, value, reportAt), wrap: false, context.CancellationToken), slashMessage);
    }

    private static void CheckPartial(OperationAnalysisContext context, IOperation expression, PartialValue value, NameTarget target, Location? reportAt, bool canWrap = true)
    {
        var result = SwrNames.CheckPartial(value.Text, value.Holes, value.HoleCount, target == NameTarget.Organization ? NameKind.Organization : NameKind.Repository);
        if (!result.IsValid)
        {
            var location = value.Locate(result.Index, value.IsPair(result.Index), context.CancellationToken);
            var properties = result.Rule == NameRule.Uppercase && IsValid(LowerAscii(value.Text), value.Holes, value.HoleCount, target)
                ? LowercaseProperties(PartialSite(expression, reportAt), CountUppercase(value.Text), context.CancellationToken)
                : null;
            Report(context, NameDescriptor(target), location, reportAt, properties, SwrNames.Describe(result, value.Shown, value.ShownIndexes) ?? string.Empty);
        }

        if (target != NameTarget.RepositoryWire)
        {
            return;
        }

        var slash = value.Text.IndexOf('/');
        if (slash < 0)
        {
            return;
        }

        var slashMessage = SwrNames.Describe(new NameCheckResult(value.Text, NameKind.Repository, NameRule.None, -1), value.Shown, value.ShownIndexes) ?? string.Empty;
        Report(context, SwrDiagnostics.UnescapedSlashInRepository, value.Locate(slash, pair: false, context.CancellationToken), reportAt, SlashProperties(PartialSite(expression, reportAt), wrap: canWrap, context.CancellationToken), slashMessage);
    }

    // Only once there is something to report: most values are fine, and finding a const's declaration is not free.
    private static FixSite SiteOf(OperationAnalysisContext context, IOperation value, Location? reportAt) =>
        reportAt is null ? FixSite.Of(value, context.Options, context.CancellationToken) : new FixSite(DiagnosticProperties.FixInDeclaration, value, null);

    private static FixSite PartialSite(IOperation expression, Location? reportAt) =>
        new(reportAt is null ? DiagnosticProperties.FixInArgument : DiagnosticProperties.FixInDeclaration, expression, null);

    private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, ConstantLocation location, Location? reportAt, ImmutableDictionary<string, string?>? properties, string message)
    {
        // Reported elsewhere (a local's use): the character itself becomes the additional location.
        var primary = reportAt ?? location.Primary;
        var additional = reportAt is not null ? new[] { location.Primary } : location.Declaration is null ? null : new[] { location.Declaration };
        context.ReportDiagnostic(Diagnostic.Create(descriptor, primary, additional, properties, message));
    }

    private static DiagnosticDescriptor NameDescriptor(NameTarget target) =>
        target == NameTarget.Organization ? SwrDiagnostics.InvalidOrganizationName : SwrDiagnostics.InvalidRepositoryName;

    // "Replace '/' with '$'" wherever the value's own literals write a '/'; "Wrap in SwrNames.EscapeRepository(…)" for a
    // partly constant value, whose run-time parts may hold more of them.
    private static ImmutableDictionary<string, string?>? SlashProperties(FixSite site, bool wrap, CancellationToken cancellationToken)
    {
        var edits = site.Edits(c => c == '/', cancellationToken);
        var canWrap = wrap && site.Expression is not null;
        if (edits.Count == 0 && !canWrap)
        {
            return null;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Fix, site.Where);
        if (edits.Count > 0)
        {
            properties.Add(DiagnosticProperties.Edits, DiagnosticProperties.Encode(edits));
        }

        if (canWrap)
        {
            properties.Add(DiagnosticProperties.Wrap, DiagnosticProperties.Encode(new[] { site.Expression!.Syntax.Span }));
        }

        return properties.ToImmutable();
    }

    // "Convert to lowercase" only when the value's own literals write every uppercase letter of the constant text.
    private static ImmutableDictionary<string, string?>? LowercaseProperties(FixSite site, int uppercase, CancellationToken cancellationToken)
    {
        var edits = site.Edits(c => c >= 'A' && c <= 'Z', cancellationToken);
        if (edits.Count == 0 || edits.Count != uppercase)
        {
            return null;
        }

        return ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Fix, site.Where)
            .Add(DiagnosticProperties.Edits, DiagnosticProperties.Encode(edits));
    }

    private static bool IsValid(string text, int[]? holes, int holeCount, NameTarget target)
    {
        var kind = target == NameTarget.Organization ? NameKind.Organization : NameKind.Repository;
        var result = holes is null
            ? (kind == NameKind.Organization ? SwrNames.CheckNamespace(text) : SwrNames.CheckRepository(text))
            : SwrNames.CheckPartial(text, holes, holeCount, kind);
        return result.IsValid;
    }

    private static bool IsPair(string text, int index) =>
        index >= 0 && index + 1 < text.Length && char.IsHighSurrogate(text[index]) && char.IsLowSurrogate(text[index + 1]);

    private static int CountUppercase(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c >= 'A' && c <= 'Z')
            {
                count++;
            }
        }

        return count;
    }

    private static string LowerAscii(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] >= 'A' && chars[i] <= 'Z')
            {
                chars[i] = (char)(chars[i] + 32);
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// The SWR-name metadata of one compilation: <c>[SwrName]</c> on parameters and properties, wherever it is declared
    /// (generated from the spec's <c>x-swrkit-name</c> in SwrKit, or written on an application's own wrapper methods and
    /// properties), found once per member and cached. Members of assemblies that do not reference SwrKit cannot carry
    /// the attribute and are dismissed by their assembly, also cached.
    /// </summary>
    private sealed class SwrKitSymbols
    {
        private static readonly ImmutableArray<NameKind?> NoNames = ImmutableArray<NameKind?>.Empty;

        private readonly INamedTypeSymbol nameAttribute;
        private readonly IAssemblySymbol compilationAssembly;
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<NameKind?>> methods = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IPropertySymbol, NameKind?> properties = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IAssemblySymbol, bool> assemblies = new(SymbolEqualityComparer.Default);

        private SwrKitSymbols(INamedTypeSymbol nameAttribute, INamedTypeSymbol? swrNames, IAssemblySymbol compilationAssembly)
        {
            this.nameAttribute = nameAttribute;
            this.compilationAssembly = compilationAssembly;
            SwrNames = swrNames;
        }

        public INamedTypeSymbol? SwrNames { get; }

        public static SwrKitSymbols? TryCreate(Compilation compilation)
        {
            if (!ReferencesSwrKit(compilation) || compilation.GetTypeByMetadataName("SwrKit.SwrNameAttribute") is not { } attribute)
            {
                return null;
            }

            return new SwrKitSymbols(attribute, compilation.GetTypeByMetadataName("SwrKit.SwrNames"), compilation.Assembly);
        }

        /// <summary>Per parameter ordinal, the kind of SWR name it takes; empty when none does.</summary>
        public ImmutableArray<NameKind?> NameParameters(IMethodSymbol method) =>
            method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction && MayCarryNames(method)
                ? methods.GetOrAdd(method.OriginalDefinition, FindNameParameters)
                : NoNames;

        /// <summary>The kind of SWR name a property holds, or null.</summary>
        public NameKind? NameProperty(IPropertySymbol property) =>
            MayCarryNames(property) ? properties.GetOrAdd(property.OriginalDefinition, FindNameProperty) : null;

        // Only an assembly that sees SwrNameAttribute can declare a member that carries it; an interface SwrKit declares
        // reaches a member of such an assembly through its implementations.
        private bool MayCarryNames(ISymbol member) =>
            member.ContainingAssembly is { } assembly && assemblies.GetOrAdd(assembly, CanReferenceAttribute);

        private bool CanReferenceAttribute(IAssemblySymbol assembly)
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, compilationAssembly)
                || SymbolEqualityComparer.Default.Equals(assembly, nameAttribute.ContainingAssembly))
            {
                return true;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var identity in module.ReferencedAssemblies)
                {
                    if (identity.Name == nameAttribute.ContainingAssembly.Name)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

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

            if (method.MethodKind == MethodKind.Ordinary && method.ContainingType is { TypeKind: not TypeKind.Interface } type)
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

            if (property.ContainingType is { TypeKind: not TypeKind.Interface } type)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    foreach (var member in implemented.GetMembers(property.Name))
                    {
                        if (member is IPropertySymbol interfaceProperty
                            && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceProperty), property)
                            && KindOf(interfaceProperty) is { } kind)
                        {
                            return kind;
                        }
                    }
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
