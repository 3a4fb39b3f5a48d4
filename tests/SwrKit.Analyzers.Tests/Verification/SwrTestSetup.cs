using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace SwrKit.Analyzers.Tests.Verification;

/// <summary>
/// What every test source compiles against: the .NET 8 reference assemblies, the real SwrKit.dll, the latest C# and
/// nullable annotations on. The Microsoft.CodeAnalysis.Testing tests get it from <see cref="SwrAnalyzerTest"/> and
/// <see cref="SwrCodeFixTest"/>; the tests that need bare compilations (thousands of fuzzed programs, the registration
/// probes) from <see cref="CreateCompilationAsync"/>, so both see the same references.
/// </summary>
public static class SwrTestSetup
{
    // SwrKit's options constructors take an ILoggerFactory, so a consumer references Logging.Abstractions too (the
    // package brings it); the net8.0 build of the version SwrKit was built with.
    public static ReferenceAssemblies ReferenceAssemblies { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("Microsoft.Extensions.Logging.Abstractions", LoggingVersion())));

    public static MetadataReference SwrKitReference { get; } = MetadataReference.CreateFromFile(typeof(SwrClient).Assembly.Location);

    private static string LoggingVersion() =>
        typeof(Microsoft.Extensions.Logging.ILoggerFactory).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion.Split('+')[0];

    public static CSharpParseOptions ParseOptions(ParseOptions options) => ((CSharpParseOptions)options).WithLanguageVersion(LanguageVersion.Latest);

    public static CompilationOptions CompilationOptions(CompilationOptions options) =>
        ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable);

    private static readonly CSharpParseOptions BareParseOptions = ParseOptions(CSharpParseOptions.Default);

    // One empty compilation per reference set: adding trees to it reuses its bound references, which makes each new
    // compilation cheap.
    private static readonly Lazy<Task<CSharpCompilation>> EmptyWithSwrKit = new(() => CreateEmptyAsync(withSwrKit: true));
    private static readonly Lazy<Task<CSharpCompilation>> EmptyWithoutSwrKit = new(() => CreateEmptyAsync(withSwrKit: false));

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, BareParseOptions, path, System.Text.Encoding.UTF8);

    public static async Task<CSharpCompilation> CreateCompilationAsync(IEnumerable<SyntaxTree> trees, bool withSwrKit = true) =>
        (await (withSwrKit ? EmptyWithSwrKit : EmptyWithoutSwrKit).Value).AddSyntaxTrees(trees);

    private static async Task<CSharpCompilation> CreateEmptyAsync(bool withSwrKit)
    {
        var references = await ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        if (withSwrKit)
        {
            references = references.Add(SwrKitReference);
        }

        var options = (CSharpCompilationOptions)CompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return CSharpCompilation.Create("Test", references: references, options: options);
    }
}
