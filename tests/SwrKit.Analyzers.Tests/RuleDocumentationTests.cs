using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SwrKit.Analyzers.Tests;

/// <summary>
/// The README's rule table and its <c>.editorconfig</c> snippets are built from the analyzers' SupportedDiagnostics and
/// the code fixes' titles, so a rule, a title, a severity or a fix cannot be added or changed without the README
/// following. Every help link names its own rule. On a mismatch the message holds the text the README should have.
/// </summary>
public class RuleDocumentationTests
{
    private static readonly string ReadmePath = RepositoryPaths.Combine("README.md");

    public static TheoryData<string> RuleIds => [.. Descriptors().Select(d => d.Id)];

    [Fact]
    public void The_readme_rule_table_is_built_from_the_descriptors_and_the_fixes() =>
        AssertSection("rules", RuleTable());

    [Fact]
    public void The_readme_editorconfig_snippets_are_built_from_the_descriptors()
    {
        AssertSection("editorconfig-defaults", EditorConfig(d => d.DefaultSeverity.ToString().ToLowerInvariant()));
        AssertSection("editorconfig-none", EditorConfig(_ => "none"));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_help_link_names_its_rule_and_its_page_exists(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        Assert.Equal(RuleIdentifiers.GetHelpUri(id), descriptor.HelpLinkUri);
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryPaths.Combine("docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
        Assert.StartsWith($"# {id}: {descriptor.Title}", File.ReadAllText(RepositoryPaths.Combine("docs", "rules", id + ".md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_link_to_a_rule_page_in_the_readme_is_labelled_with_that_rule()
    {
        var links = Regex.Matches(File.ReadAllText(ReadmePath), @"\[(?<label>[^\]]*)\]\((?<target>[^)]*docs/rules/(?<page>[^)/]*)\.md)\)");
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.Equal(link.Groups["page"].Value, link.Groups["label"].Value));
    }

    [Fact]
    public void The_release_files_list_every_rule_as_unshipped_with_its_category_and_severity()
    {
        // Never released: nothing is shipped yet.
        var shipped = File.ReadAllLines(RepositoryPaths.Combine("src", "SwrKit.Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.DoesNotContain(shipped, line => line.StartsWith("SWR", StringComparison.Ordinal) || line.StartsWith("## Release", StringComparison.Ordinal));
        var unshipped = File.ReadAllLines(RepositoryPaths.Combine("src", "SwrKit.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in Descriptors())
        {
            Assert.Contains(unshipped, line => line.StartsWith($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", StringComparison.Ordinal));
        }
    }

    private static string RuleTable()
    {
        var fixes = FixTitles();
        var text = new StringBuilder();
        text.Append("| ID | Category | Severity | Title | Code fixes |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var descriptor in Descriptors())
        {
            var titles = fixes.TryGetValue(descriptor.Id, out var found) ? string.Join("; ", found.Select(t => "**" + t + "**")) : "—";
            text.Append(FormattableString.Invariant($"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {descriptor.Category} | {descriptor.DefaultSeverity} | {Escape(descriptor.Title.ToString())} | {Escape(titles)} |\n"));
        }

        return text.ToString();
    }

    private static string EditorConfig(Func<DiagnosticDescriptor, string> severity)
    {
        var text = new StringBuilder();
        text.Append("```ini\n[*.cs]\n");
        foreach (var descriptor in Descriptors())
        {
            text.Append(FormattableString.Invariant($"# {descriptor.Id}: {descriptor.Title}\n"));
            text.Append(FormattableString.Invariant($"dotnet_diagnostic.{descriptor.Id}.severity = {severity(descriptor)}\n"));
        }

        return text.Append("```\n").ToString();
    }

    private static void AssertSection(string name, string expected)
    {
        var readme = File.ReadAllText(ReadmePath).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = $"<!-- {name}: generated from the analyzers and the code fixes (RuleDocumentationTests) -->\n";
        var end = $"<!-- /{name} -->";
        var from = readme.IndexOf(start, StringComparison.Ordinal);
        var to = from < 0 ? -1 : readme.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"README.md has no section between '{start.TrimEnd()}' and '{end}'. It should be:\n{start}{expected}{end}");
        Assert.Equal(expected, readme[(from + start.Length)..to]);
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(SwrNameAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .DistinctBy(d => d.Id)
            .OrderBy(d => d.Id, StringComparer.Ordinal);

    // Rule ID -> the titles of the fixes offered for it, from every exported code fix provider.
    private static Dictionary<string, List<string>> FixTitles()
    {
        var titles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in typeof(CodeFixes.ReplaceSlashCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null))
        {
            var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
            var title = (string)type.GetField("Title", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            foreach (var id in provider.FixableDiagnosticIds)
            {
                (titles.TryGetValue(id, out var list) ? list : titles[id] = []).Add(title);
            }
        }

        foreach (var list in titles.Values)
        {
            list.Sort(StringComparer.Ordinal);
        }

        return titles;
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
