namespace SwrKit.Package.Tests.Infrastructure;

/// <summary>The consumers' sources. Expected diagnostic positions are computed from these texts.</summary>
public static class ConsumerSources
{
    /// <summary>The SWR001 snippet: an organization name with an uppercase letter (reported at the 'M').</summary>
    public const string OrganizationCall = "DeleteRetentionAsync(\"My-Org\", \"group/app\", 42)";

    /// <summary>The SWR002 snippet: a repository name with an uppercase letter (reported at the 'G').</summary>
    public const string EscapeCall = "SwrNames.EscapeRepository(\"Group/app\")";

    /// <summary>App -> SwrKit: a real call with valid names (run against a loopback server) and flagged constants.</summary>
    public const string Program = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using SwrKit;

        namespace PackageConsumer;

        public static class Program
        {
            // Run by the package tests against a loopback server: valid names, so the runtime guard lets the call through.
            public static async Task<int> Main(string[] args)
            {
                var baseAddress = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("SWRKIT_BASE_ADDRESS");
                using var http = new HttpClient { BaseAddress = new Uri(baseAddress ?? "http://127.0.0.1:1/") };
                var client = new SwrClient(http);
                await client.DeleteRetentionAsync("my-org", "group$app", 42);
                Console.WriteLine("SWRKIT-CALL-OK");
                return 0;
            }

            // Never run: constants the analyzer must flag at compile time (at run time the guard would throw).
            public static async Task FlaggedAsync(SwrClient client)
            {
                await client.DeleteRetentionAsync("My-Org", "group/app", 42);
                _ = SwrNames.EscapeRepository("Group/app");
            }
        }

        """;

    /// <summary>One file per .editorconfig section: the same flagged call, different configured severities.</summary>
    public static string SeverityFile(string className) => $$"""
        using System.Threading.Tasks;
        using SwrKit;

        namespace PackageConsumer;

        public static class {{className}}
        {
            public static async Task FlaggedAsync(SwrClient client)
            {
                await client.DeleteRetentionAsync("My-Org", "group/app", 42);
            }
        }

        """;

    public const string EditorConfig = """
        root = true

        [ErrorSeverity.cs]
        dotnet_diagnostic.SWR003.severity = error

        [NoneSeverity.cs]
        dotnet_diagnostic.SWR003.severity = none

        """;

    public const string EditorConfigProgram = """
        namespace PackageConsumer;

        public static class Program
        {
            public static int Main() => 0;
        }

        """;

    /// <summary>App -> Lib -> SwrKit: Lib wraps the client; App calls the SwrKit API it sees through Lib.</summary>
    public const string LibSource = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using SwrKit;

        namespace PackageLib;

        public static class Retention
        {
            public static SwrClient CreateClient(HttpClient http) => new SwrClient(http);

            public static Task DeleteAsync(SwrClient client, string repository) => client.DeleteRetentionAsync("my-org", repository, 42);
        }

        """;

    public const string TransitiveProgram = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using PackageLib;
        using SwrKit;

        namespace PackageApp;

        public static class Program
        {
            public static int Main() => 0;

            public static async Task FlaggedAsync(HttpClient http)
            {
                SwrClient client = Retention.CreateClient(http);
                await client.DeleteRetentionAsync("My-Org", "group/app", 42);
                _ = SwrNames.EscapeRepository("Group/app");
            }
        }

        """;

    public static string ConsoleProject(string packageVersion, string extra = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="SwrKit" Version="{packageVersion}" />
          </ItemGroup>
        {extra}</Project>

        """;

    public static string LibProject(string packageVersion) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="SwrKit" Version="{packageVersion}" />
          </ItemGroup>
        </Project>

        """;

    public const string TransitiveAppProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../Lib/PackageLib.csproj" />
          </ItemGroup>
          <!--
            Test hook: behave like NuGet with analyzer filtering (RestoreEnableAnalyzerAssets, NuGet/Home#14455), where
            Lib's default PrivateAssets keeps SwrKit's analyzers from flowing to App; the package's buildTransitive
            targets must then add them.
          -->
          <Target Name="SimulateNuGetAnalyzerFiltering" AfterTargets="ResolveLockFileAnalyzers" Condition="'$(SimulateNuGetAnalyzerFiltering)' == 'true'">
            <ItemGroup>
              <_SdkSwrKitAnalyzer Include="@(Analyzer)" Condition="'%(Analyzer.NuGetPackageId)' == 'SwrKit'" />
              <Analyzer Remove="@(_SdkSwrKitAnalyzer)" />
            </ItemGroup>
            <Message Importance="high" Text="SimulateNuGetAnalyzerFiltering: removed @(_SdkSwrKitAnalyzer->Count()) SwrKit analyzer(s) resolved by the SDK" />
          </Target>
        </Project>

        """;
}
