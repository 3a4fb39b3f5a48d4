#!/usr/bin/env python3
"""The analyzer change proposed in docs/performance.md (budget 1), applied to a COPY of SwrNameAnalyzer.cs.

1. Generated code: GeneratedCodeAnalysisFlags.None makes Roslyn decide, for every reported diagnostic, whether its
   location is generated code; the first time per syntax tree that computes every declared symbol of the tree
   (AnalyzerDriver.GetOrComputeGeneratedCodeSymbolsInTree), inside ReportDiagnostic, billed to the analyzer.
   Analyze|ReportDiagnostics + an early `context.IsGeneratedCode` return keeps the behaviour (no analysis of
   generated code) without that cost.
2. Name pre-filter: FindClientMethod walks overrides and AllInterfaces for every invocation of the compilation;
   a set of the client method names (built once per compilation) rejects almost all of them with one lookup.
3. Projects without SwrKit: the compilation-start action asks GetTypeByMetadataName, which on a cold compilation
   reads the type tables of every referenced assembly; the referenced assembly names answer "no SwrKit" for free.

Usage: apply-fix.py SwrNameAnalyzer.cs   (rewrites the file in place; exits 1 if an anchor is missing)
"""
import sys

path = sys.argv[1]
s = open(path, encoding="utf-8").read()

def replace(old, new):
    global s
    if old not in s:
        sys.exit(f"anchor not found: {old[:60]!r}")
    s = s.replace(old, new, 1)

replace("context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);",
        "context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);")
replace("""        var invocation = (IInvocationOperation)context.Operation;""",
        """        if (context.IsGeneratedCode)
        {
            return;
        }

        var invocation = (IInvocationOperation)context.Operation;""")
replace("""        var assignment = (ISimpleAssignmentOperation)context.Operation;""",
        """        if (context.IsGeneratedCode)
        {
            return;
        }

        var assignment = (ISimpleAssignmentOperation)context.Operation;""")
replace("""        var clientMethod = symbols.FindClientMethod(method);""",
        """        var clientMethod = symbols.IsClientMethodName(method.Name) ? symbols.FindClientMethod(method) : null;""")
replace("""        public INamedTypeSymbol? SwrNames { get; }
""", """        public INamedTypeSymbol? SwrNames { get; }

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
""")
replace("""        public static SwrKitSymbols? TryCreate(Compilation compilation)
        {
""", """        public static SwrKitSymbols? TryCreate(Compilation compilation)
        {
            if (!ReferencesSwrKit(compilation))
            {
                return null;
            }

""")
replace("""        public bool IsSyncRequest(INamedTypeSymbol? type)""", """        // Assembly identities only: no type table of any referenced assembly is read for a project without SwrKit.
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

        public bool IsSyncRequest(INamedTypeSymbol? type)""")
open(path, "w", encoding="utf-8").write(s)
