using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace SwrKit.Benchmarks.Names;

/// <summary>
/// Budget 4: <see cref="SwrNames.CheckRepository"/> on a valid 128-character name, ≤ 100 ns and 0 bytes, at least 3×
/// faster than a compiled <see cref="Regex"/> that encodes the same rules (the spec's pattern plus the '/' separator
/// and the length limit).
/// </summary>
[Config(typeof(MicroConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class NameBenchmarks
{
    // Spec pattern (RepositoryWireName) + '/', which SwrNames reads as a separator too, + the 1..128 length.
    public const string RepositoryPattern = @"^(?=[\s\S]{1,128}$)[a-z0-9](?:[a-z0-9]|[._$/-][a-z0-9]|__[a-z0-9])*$";
    public const string OrganizationPattern = @"^(?=[\s\S]{1,64}$)[a-z](?:[a-z0-9]|[._-][a-z0-9]|__[a-z0-9])*$";

    private static readonly Regex CompiledRepository = new(RepositoryPattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);
    private static readonly Regex CompiledOrganization = new(OrganizationPattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>A valid repository wire name of exactly 128 characters, using every separator.</summary>
    public static readonly string Repository128 = BuildRepositoryName(128);

    /// <summary>A valid organization name of exactly 64 characters.</summary>
    public static readonly string Organization64 = BuildOrganizationName(64);

    [GlobalSetup]
    public void Check()
    {
        if (Repository128.Length != 128 || !SwrNames.CheckRepository(Repository128).IsValid || !CompiledRepository.IsMatch(Repository128) || !GeneratedRepository().IsMatch(Repository128))
        {
            throw new InvalidOperationException("The 128-character name must be valid for every implementation: " + Repository128);
        }

        if (Organization64.Length != 64 || !SwrNames.CheckNamespace(Organization64).IsValid || !CompiledOrganization.IsMatch(Organization64))
        {
            throw new InvalidOperationException("The 64-character name must be valid: " + Organization64);
        }
    }

    [Benchmark(Description = "SwrNames.CheckRepository (128 chars)")]
    [BenchmarkCategory("Repository")]
    public bool CheckRepository() => SwrNames.CheckRepository(Repository128).IsValid;

    [Benchmark(Baseline = true, Description = "compiled Regex (128 chars)")]
    [BenchmarkCategory("Repository")]
    public bool CompiledRegexRepository() => CompiledRepository.IsMatch(Repository128);

    [Benchmark(Description = "[GeneratedRegex] (128 chars)")]
    [BenchmarkCategory("Repository")]
    public bool GeneratedRegexRepository() => GeneratedRepository().IsMatch(Repository128);

    [Benchmark(Description = "SwrNames.CheckNamespace (64 chars)")]
    [BenchmarkCategory("Organization")]
    public bool CheckNamespace() => SwrNames.CheckNamespace(Organization64).IsValid;

    [Benchmark(Baseline = true, Description = "compiled Regex (64 chars)")]
    [BenchmarkCategory("Organization")]
    public bool CompiledRegexOrganization() => CompiledOrganization.IsMatch(Organization64);

    [GeneratedRegex(RepositoryPattern, RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedRepository();

    public static string BuildRepositoryName(int length)
    {
        // "group$app-name_v2__x.y" segments: letters, digits and every separator, never two together (except "__").
        var builder = Repeat(length, "group", "$", "app", "-", "name", "_", "v2", "__", "x", ".", "y9");
        while (!char.IsAsciiLetterOrDigit(builder[^1]) || !char.IsAsciiLetterOrDigit(builder[^2]))
        {
            // Never end on a separator: replace the tail with letters.
            builder[^1] = 'z';
            if (!char.IsAsciiLetterOrDigit(builder[^2]))
            {
                builder[^2] = 'z';
            }
        }

        return builder.ToString();
    }

    // The parts repeated in order, cut to exactly length characters.
    private static System.Text.StringBuilder Repeat(int length, params string[] parts)
    {
        var builder = new System.Text.StringBuilder(length);
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append(parts[i % parts.Length]);
        }

        builder.Length = length;
        return builder;
    }

    public static string BuildOrganizationName(int length)
    {
        var builder = Repeat(length, "platform", "-", "team", ".", "ml", "__", "ops", "_", "x1");
        builder[^1] = 'z';
        if (!char.IsAsciiLetterOrDigit(builder[^2]))
        {
            builder[^2] = 'z';
        }

        return builder.ToString();
    }
}
