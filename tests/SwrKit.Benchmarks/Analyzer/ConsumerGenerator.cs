using System.Globalization;
using System.Text;

namespace SwrKit.Benchmarks.Analyzer;

/// <summary>What one generated consumer contains.</summary>
public sealed record ConsumerStats(int Files, int Lines, int ClientCalls, int LiteralCalls, int InvalidLiteralCalls, int ConstantCalls, int NonConstantCalls, int PartlyConstantCalls, int LocalCalls, int NameArguments);

/// <summary>
/// Writes a synthetic consumer of SwrKit: by default 200 files, ~100k lines, 5,000 client calls over the five
/// operations (half with literal names, some of them invalid, the rest constants, run-time values, partly constant
/// values and locals assigned once), embedded in ordinary code (loops, LINQ, dictionaries, string formatting, switch,
/// exceptions) so that the compiler has realistic work besides the calls. Deterministic for a given seed.
/// </summary>
/// <remarks>
/// <see cref="ReferenceSwrKit"/> = false writes the same code against look-alike clients in another namespace
/// (<c>Acme.Registry</c>): the compilation then does not reference SwrKit at all, which is what the "cost on a project
/// that does not use SwrKit" budget compares.
/// </remarks>
public sealed class ConsumerGenerator
{
    public const int DefaultSeed = 20251122;
    public const int DefaultFiles = 200;
    public const int DefaultCalls = 5000;
    public const int DefaultLinesPerFile = 500;

    private static readonly string[] ValidOrganizations = ["my-org", "team-a", "platform.tools", "ml__ops", "build-farm-01", "edge", "data.science", "ci-cd"];
    private static readonly string[] ValidRepositories = ["group$app", "nginx", "base-images$python", "ml$train.gpu", "tools$kubectl-1.30", "web__frontend", "api$v2$gateway", "redis"];

    // Each breaks one rule (SWR001/SWR002) or has an unescaped slash (SWR003).
    private static readonly string[] InvalidOrganizations = ["My-Org", "team--a", "9lives", "org.", "a___b", "org name", ""];
    private static readonly string[] InvalidRepositories = ["group/app", "Group$app", "app..x", "-app", "app_", "x___y", "ns/grp/app"];

    public ConsumerGenerator(int seed = DefaultSeed, int files = DefaultFiles, int calls = DefaultCalls, int linesPerFile = DefaultLinesPerFile, bool referenceSwrKit = true)
    {
        Seed = seed;
        Files = files;
        Calls = calls;
        LinesPerFile = linesPerFile;
        ReferenceSwrKit = referenceSwrKit;
    }

    public int Seed { get; }

    public int Files { get; }

    public int Calls { get; }

    public int LinesPerFile { get; }

    public bool ReferenceSwrKit { get; }

    /// <summary>The namespace the client types come from.</summary>
    public string ClientNamespace => ReferenceSwrKit ? "SwrKit" : "Acme.Registry";

    /// <summary>Generates the source files (relative path, text) and the statistics.</summary>
    public (IReadOnlyList<(string Path, string Text)> Sources, ConsumerStats Stats) Generate()
    {
        var random = new Random(Seed);
        var sources = new List<(string, string)>(Files + 2);
        var counters = new Counters();
        var totalLines = 0;

        for (var file = 0; file < Files; file++)
        {
            // Spread the calls evenly; the first files take the remainder.
            var callsInFile = (Calls / Files) + (file < Calls % Files ? 1 : 0);
            var text = GenerateFile(file, callsInFile, random, counters);
            totalLines += CountLines(text);
            sources.Add(($"Module{file:000}/Service{file:000}.cs", text));
        }

        if (!ReferenceSwrKit)
        {
            var lookAlike = LookAlikeClients();
            totalLines += CountLines(lookAlike);
            sources.Add(("LookAlike/Clients.cs", lookAlike));
        }

        var stats = new ConsumerStats(sources.Count, totalLines, counters.Calls, counters.Literal, counters.InvalidLiteral, counters.Constant, counters.NonConstant, counters.PartlyConstant, counters.Local, counters.NameArguments);
        return (sources, stats);
    }

    /// <summary>Writes the sources under <paramref name="directory"/> and returns the statistics.</summary>
    public ConsumerStats WriteTo(string directory)
    {
        var (sources, stats) = Generate();
        foreach (var (path, text) in sources)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return stats;
    }

    private static int CountLines(string text)
    {
        var lines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return lines;
    }

    private string GenerateFile(int file, int calls, Random random, Counters counters)
    {
        var w = new Writer();
        w.Line("using System;");
        w.Line("using System.Collections.Generic;");
        w.Line("using System.Globalization;");
        w.Line("using System.Linq;");
        w.Line("using System.Text;");
        w.Line("using System.Threading;");
        w.Line("using System.Threading.Tasks;");
        w.Line($"using {ClientNamespace};");
        w.Line();
        w.Line($"namespace Consumer.Module{file:000};");
        w.Line();
        w.Line($"public sealed class Service{file:000}");
        w.Open();
        w.Line($"private const string DefaultOrganization = \"{ValidOrganizations[file % ValidOrganizations.Length]}\";");
        w.Line($"private const string DefaultRepository = \"{ValidRepositories[file % ValidRepositories.Length]}\";");
        w.Line($"private const string LegacyRepository = \"{(file % 10 == 0 ? "legacy/app" : "legacy$app")}\";");
        w.Line("private readonly ISwrClient _swr;");
        w.Line("private readonly ICodeArtsRepoClient _repo;");
        w.Line("private readonly IModelArtsClient _modelArts;");
        w.Line("private readonly IHssClient _hss;");
        w.Line("private readonly Dictionary<string, int> _counts = new Dictionary<string, int>(StringComparer.Ordinal);");
        w.Line("private readonly List<string> _log = new List<string>();");
        w.Line();
        w.Line($"public Service{file:000}(ISwrClient swr, ICodeArtsRepoClient repo, IModelArtsClient modelArts, IHssClient hss)");
        w.Open();
        w.Line("_swr = swr ?? throw new ArgumentNullException(nameof(swr));");
        w.Line("_repo = repo ?? throw new ArgumentNullException(nameof(repo));");
        w.Line("_modelArts = modelArts ?? throw new ArgumentNullException(nameof(modelArts));");
        w.Line("_hss = hss ?? throw new ArgumentNullException(nameof(hss));");
        w.Close();

        // Interleave call methods (3 calls each) and filler methods until both the calls and the lines are used up.
        var method = 0;
        var remaining = calls;
        while (remaining > 0 || w.Lines < LinesPerFile - 4)
        {
            w.Line();
            if (remaining > 0 && (method % 2 == 0 || w.Lines >= LinesPerFile - 40))
            {
                var n = Math.Min(3, remaining);
                CallMethod(w, file, method, n, random, counters);
                remaining -= n;
            }
            else
            {
                FillerMethod(w, file, method, random);
            }

            method++;
        }

        w.Close();
        return w.ToString();
    }

    private void CallMethod(Writer w, int file, int method, int calls, Random random, Counters counters)
    {
        w.Line($"public async Task<int> Synchronize{method}Async(string organization, string repository, int retentionId, CancellationToken cancellationToken)");
        w.Open();
        w.Line("var done = 0;");
        w.Line($"var suffix = retentionId.ToString(CultureInfo.InvariantCulture);");
        for (var i = 0; i < calls; i++)
        {
            // The operation first: only the two SWR operations take organization/repository names; the other three
            // take project/image IDs, written with the same mix of literals, constants and run-time values.
            var operation = random.Next(100);
            var named = operation < 60;
            var kind = random.Next(100);
            string org;
            string repo;
            if (kind < 50)
            {
                // Literal names: ~12% of the SWR ones invalid (one broken name per call).
                counters.Literal++;
                if (named && random.Next(100) < 12)
                {
                    counters.InvalidLiteral++;
                    var invalidRepo = random.Next(2) == 0;
                    org = Literal(invalidRepo ? Pick(random, ValidOrganizations) : Pick(random, InvalidOrganizations));
                    repo = Literal(invalidRepo ? Pick(random, InvalidRepositories) : Pick(random, ValidRepositories));
                }
                else
                {
                    org = Literal(Pick(random, ValidOrganizations));
                    repo = Literal(Pick(random, ValidRepositories));
                }
            }
            else if (kind < 70)
            {
                counters.Constant++;
                org = "DefaultOrganization";
                repo = random.Next(4) == 0 ? "LegacyRepository" : "DefaultRepository";
            }
            else
            {
                // Run-time values, and the shapes built around them: interpolations and concatenations with constant
                // text (now and then a certain '/'), and locals assigned once.
                counters.NonConstant++;
                switch (random.Next(6))
                {
                    case 0:
                        org = "organization";
                        repo = "repository";
                        break;
                    case 1:
                        org = "organization.ToLowerInvariant()";
                        repo = "repository + \"-\" + suffix";
                        break;
                    case 2:
                        counters.PartlyConstant++;
                        org = "$\"{organization}-dev\"";
                        repo = "$\"{repository}$app{suffix}\"";
                        break;
                    case 3:
                        counters.PartlyConstant++;
                        org = "organization + \"_\" + suffix";
                        repo = random.Next(8) == 0 ? "$\"{repository}/{suffix}\"" : "repository + \"$v\" + suffix";
                        break;
                    case 4:
                        counters.Local++;
                        w.Line($"var repo{i} = $\"{{repository}}$build{{suffix}}\";");
                        org = "organization";
                        repo = $"repo{i}";
                        break;
                    default:
                        counters.Local++;
                        w.Line($"var org{i} = \"{Pick(random, ValidOrganizations)}\";");
                        org = $"org{i}";
                        repo = "repository";
                        break;
                }
            }

            counters.Calls++;
            if (operation < 40)
            {
                counters.NameArguments += 2;
                w.Line($"await _swr.DeleteRetentionAsync({org}, {repo}, retentionId + {i}, cancellationToken).ConfigureAwait(false);");
            }
            else if (operation < 60)
            {
                counters.NameArguments += 3;
                var remote = kind < 50 ? Literal(Pick(random, ValidOrganizations)) : org;
                w.Line($"await _swr.DeleteImageSyncRepoAsync({org}, {repo}, new DeleteImageSyncRepoRequest {{ RemoteRegionId = \"cn-north-4\", RemoteNamespace = {remote} }}, cancellationToken).ConfigureAwait(false);");
            }
            else if (operation < 75)
            {
                w.Line($"var image{i} = await _modelArts.DeleteImageAsync({org}, {repo}, force: {(i % 2 == 0 ? "true" : "null")}, cancellationToken: cancellationToken).ConfigureAwait(false);");
                w.Line($"if (image{i} != null && image{i}.Status == \"DELETED\") {{ done++; }}");
            }
            else if (operation < 90)
            {
                w.Line($"var mirror{i} = await _repo.StartRemoteMirrorSynchronizationAsync(retentionId + {i + 1}, new StartRemoteMirrorRequest {{ EndpointUuid = \"{file:x4}-{method:x4}\", ForceFetch = {(i % 2 == 0 ? "true" : "false")} }}, cancellationToken).ConfigureAwait(false);");
                w.Line($"_log.Add(mirror{i}.Jid ?? string.Empty);");
            }
            else
            {
                w.Line($"var sync{i} = await _hss.RunImageSynchronizeAsync({org}, new RunImageSynchronizeRequest {{ ImageType = ImageType.PrivateImage }}, enterpriseProjectId: \"0\", cancellationToken: cancellationToken).ConfigureAwait(false);");
                w.Line($"if (sync{i}.ErrorCode != 0) {{ throw new InvalidOperationException(sync{i}.ErrorDescription); }}");
            }

            w.Line("done++;");
        }

        if (method % 5 == 0)
        {
            w.Line($"_log.Add(SwrNames.EscapeRepository(\"{(method % 10 == 0 ? "group/app" : "team/tools/cli")}\"));");
        }

        w.Line("return done;");
        w.Close();
    }

    private static void FillerMethod(Writer w, int file, int method, Random random)
    {
        var k = random.Next(2, 97);
        switch (method % 6)
        {
            case 0:
                w.Line($"public int Aggregate{method}(IReadOnlyList<int> values)");
                w.Open();
                w.Line("var total = 0;");
                w.Line("for (var i = 0; i < values.Count; i++)");
                w.Open();
                w.Line($"if (values[i] % {k} == 0)");
                w.Open();
                w.Line("total += values[i] * 2;");
                w.Close();
                w.Line("else if (values[i] < 0)");
                w.Open();
                w.Line($"total -= Math.Abs(values[i]) / {k};");
                w.Close();
                w.Line("else");
                w.Open();
                w.Line("total += values[i];");
                w.Close();
                w.Close();
                w.Line();
                w.Line($"_counts[\"aggregate-{method}\"] = total;");
                w.Line("return total;");
                w.Close();
                break;
            case 1:
                w.Line($"public string Describe{method}(IEnumerable<string> names, int limit)");
                w.Open();
                w.Line("var selected = names");
                w.Line("    .Where(n => !string.IsNullOrWhiteSpace(n))");
                w.Line($"    .Select(n => n.Trim().ToLowerInvariant())");
                w.Line("    .Distinct(StringComparer.Ordinal)");
                w.Line("    .OrderBy(n => n.Length)");
                w.Line("    .ThenBy(n => n, StringComparer.Ordinal)");
                w.Line("    .Take(limit)");
                w.Line("    .ToList();");
                w.Line("var builder = new StringBuilder();");
                w.Line("foreach (var name in selected)");
                w.Open();
                w.Line("if (builder.Length > 0)");
                w.Open();
                w.Line("builder.Append(\", \");");
                w.Close();
                w.Line("builder.Append(name);");
                w.Close();
                w.Line();
                w.Line($"return string.Format(CultureInfo.InvariantCulture, \"{{0}} item(s) [{method}]: {{1}}\", selected.Count, builder);");
                w.Close();
                break;
            case 2:
                w.Line($"public double Score{method}(double[] samples, double weight)");
                w.Open();
                w.Line("if (samples == null || samples.Length == 0)");
                w.Open();
                w.Line("return 0;");
                w.Close();
                w.Line();
                w.Line("var mean = samples.Average();");
                w.Line("var variance = samples.Sum(s => (s - mean) * (s - mean)) / samples.Length;");
                w.Line($"var scaled = Math.Sqrt(variance) * weight + {k}.5;");
                w.Line("switch (samples.Length)");
                w.Open();
                w.Line("case 1:");
                w.Line("    return scaled;");
                w.Line("case 2:");
                w.Line("    return scaled / 2;");
                w.Line("default:");
                w.Line($"    return Math.Round(scaled / Math.Log(samples.Length + {k}), 3);");
                w.Close();
                w.Close();
                break;
            case 3:
                w.Line($"public bool TryParse{method}(string text, out int value)");
                w.Open();
                w.Line("value = 0;");
                w.Line("try");
                w.Open();
                w.Line("if (string.IsNullOrEmpty(text))");
                w.Open();
                w.Line("return false;");
                w.Close();
                w.Line();
                w.Line($"var parts = text.Split(new[] {{ ';', ',' }}, StringSplitOptions.RemoveEmptyEntries);");
                w.Line("foreach (var part in parts)");
                w.Open();
                w.Line($"value += int.Parse(part, NumberStyles.Integer, CultureInfo.InvariantCulture) % {k};");
                w.Close();
                w.Line();
                w.Line("return true;");
                w.Close();
                w.Line("catch (FormatException exception)");
                w.Open();
                w.Line($"_log.Add(\"parse-{method}: \" + exception.Message);");
                w.Line("return false;");
                w.Close();
                w.Close();
                break;
            case 4:
                w.Line($"public IReadOnlyDictionary<string, List<int>> Group{method}(IEnumerable<KeyValuePair<string, int>> items)");
                w.Open();
                w.Line("var groups = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);");
                w.Line("foreach (var item in items)");
                w.Open();
                w.Line("if (!groups.TryGetValue(item.Key, out var list))");
                w.Open();
                w.Line("list = new List<int>();");
                w.Line("groups.Add(item.Key, list);");
                w.Close();
                w.Line();
                w.Line($"list.Add(item.Value + {k});");
                w.Close();
                w.Line();
                w.Line("foreach (var list in groups.Values)");
                w.Open();
                w.Line("list.Sort();");
                w.Close();
                w.Line();
                w.Line("return groups;");
                w.Close();
                break;
            default:
                w.Line($"public async Task<string> Poll{method}Async(Func<int, Task<bool>> probe, CancellationToken cancellationToken)");
                w.Open();
                w.Line($"for (var attempt = 1; attempt <= {k % 7 + 3}; attempt++)");
                w.Open();
                w.Line("cancellationToken.ThrowIfCancellationRequested();");
                w.Line("if (await probe(attempt).ConfigureAwait(false))");
                w.Open();
                w.Line($"return $\"ready after {{attempt}} attempt(s) in {file}/{method}\";");
                w.Close();
                w.Line();
                w.Line("await Task.Delay(TimeSpan.FromMilliseconds(attempt * 10), cancellationToken).ConfigureAwait(false);");
                w.Close();
                w.Line();
                w.Line($"throw new TimeoutException(\"not ready: {method}\");");
                w.Close();
                break;
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Literal(string value) => "\"" + value + "\"";

    /// <summary>Same shapes as the SwrKit clients, in a namespace the analyzer does not know.</summary>
    private static string LookAlikeClients() => """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Acme.Registry;

        public interface ISwrClient
        {
            Task DeleteImageSyncRepoAsync(string @namespace, string repository, DeleteImageSyncRepoRequest body, CancellationToken cancellationToken = default);
            Task DeleteRetentionAsync(string @namespace, string repository, int retentionId, CancellationToken cancellationToken = default);
        }

        public interface ICodeArtsRepoClient
        {
            Task<StartRemoteMirrorResponse> StartRemoteMirrorSynchronizationAsync(int repositoryId, StartRemoteMirrorRequest body, CancellationToken cancellationToken = default);
        }

        public interface IModelArtsClient
        {
            Task<ModelArtsImage> DeleteImageAsync(string projectId, string id, bool? force = null, CancellationToken cancellationToken = default);
        }

        public interface IHssClient
        {
            Task<RunImageSynchronizeResponse> RunImageSynchronizeAsync(string projectId, RunImageSynchronizeRequest body, string enterpriseProjectId = null, string region = null, CancellationToken cancellationToken = default);
        }

        public sealed class DeleteImageSyncRepoRequest
        {
            public string RemoteRegionId { get; set; }
            public string RemoteNamespace { get; set; }
        }

        public sealed class StartRemoteMirrorRequest
        {
            public string EndpointUuid { get; set; }
            public bool? ForceFetch { get; set; }
        }

        public sealed class StartRemoteMirrorResponse
        {
            public string Jid { get; set; }
        }

        public sealed class ModelArtsImage
        {
            public string Status { get; set; }
        }

        public enum ImageType
        {
            PrivateImage,
            SharedImage,
        }

        public sealed class RunImageSynchronizeRequest
        {
            public ImageType ImageType { get; set; }
        }

        public sealed class RunImageSynchronizeResponse
        {
            public int? ErrorCode { get; set; }
            public string ErrorDescription { get; set; }
        }

        public static class SwrNames
        {
            public static string EscapeRepository(string name) => name.Replace('/', '$');
        }

        """;

    private sealed class Counters
    {
        public int Calls;
        public int Literal;
        public int InvalidLiteral;
        public int Constant;
        public int NonConstant;
        public int PartlyConstant;
        public int Local;
        public int NameArguments;
    }

    private sealed class Writer
    {
        private readonly StringBuilder _builder = new(32 * 1024);
        private int _indent;

        public int Lines { get; private set; }

        public void Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(text);
            }

            _builder.Append('\n');
            Lines++;
        }

        public void Open()
        {
            Line("{");
            _indent++;
        }

        public void Close()
        {
            _indent--;
            Line("}");
        }

        public override string ToString() => _builder.ToString();
    }
}
