using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SwrKit.Analyzers.Tests.Verification;

/// <summary>Records what an analyzer registers in <see cref="DiagnosticAnalyzer.Initialize"/>.</summary>
public sealed class RegistrationProbe : AnalysisContext
{
    public Action<CompilationStartAnalysisContext>? CompilationStart { get; private set; }

    public bool Concurrent { get; private set; }

    public GeneratedCodeAnalysisFlags? GeneratedCode { get; private set; }

    public int OtherRegistrations { get; private set; }

    public override void EnableConcurrentExecution() => Concurrent = true;

    public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;

    public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStart = action;

    public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => OtherRegistrations++;

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => OtherRegistrations++;

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => OtherRegistrations++;

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => OtherRegistrations++;

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => OtherRegistrations++;

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => OtherRegistrations++;

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => OtherRegistrations++;

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => OtherRegistrations++;
}

/// <summary>Counts what an analyzer registers at compilation start.</summary>
public sealed class CompilationStartProbe(Compilation compilation)
    : CompilationStartAnalysisContext(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)
{
    public int Registrations { get; private set; }

    public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => Registrations++;

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Registrations++;

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Registrations++;

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Registrations++;

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Registrations++;

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Registrations++;

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Registrations++;

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Registrations++;

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Registrations++;

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Registrations++;

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Registrations++;
}
