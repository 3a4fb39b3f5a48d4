using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SwrKit.DependencyInjection;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.DependencyInjection;

/// <summary>
/// The region catalogue: the endpoints the services publish (from the spec's x-swrkit-regions, taken from the official
/// SDKs), a clear failure for a region a service lacks or a typo, and HUAWEICLOUD_SDK_REGION as the default region.
/// </summary>
public sealed partial class RegionCatalogueTests
{
    [GeneratedRegex(@"^  - name: (\w+)$|^      - ([a-z0-9-]+) (https://\S+)$", RegexOptions.Multiline)]
    private static partial Regex SpecLine();

    /// <summary>Every (service, region, endpoint) the spec lists, read from the YAML text independently of the generator.</summary>
    public static TheoryData<string, string, string> Catalogue()
    {
        var data = new TheoryData<string, string, string>();
        string? service = null;
        foreach (Match match in SpecLine().Matches(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "swrkit.yaml")).Replace("\r\n", "\n")))
        {
            if (match.Groups[1].Success)
            {
                service = match.Groups[1].Value;
            }
            else
            {
                data.Add(service!, match.Groups[2].Value, match.Groups[3].Value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void ForRegion_returns_the_published_endpoint_for_every_region_in_the_catalogue(string service, string region, string endpoint) =>
        Assert.Equal(endpoint.TrimEnd('/') + "/", ServiceEndpoints.ForRegion(Enum.Parse<SwrKitService>(service), region).ToString());

    [Fact]
    public void The_catalogue_covers_every_service_and_the_endpoints_that_differ_from_the_pattern()
    {
        Assert.All(Enum.GetValues<SwrKitService>(), s => Assert.Contains(Catalogue(), row => (string)row[0] == s.ToString()));
        Assert.Equal("https://swr-api.eu-west-101.myhuaweicloud.eu/", ServiceEndpoints.ForRegion(SwrKitService.Swr, "eu-west-101").ToString());
        Assert.Equal("https://repo.me-east-1.myhuaweicloud.com/", ServiceEndpoints.ForRegion(SwrKitService.CodeArtsRepo, "me-east-1").ToString());
        Assert.Equal("https://codeartsrepo-ext.la-south-2.myhuaweicloud.com/", ServiceEndpoints.ForRegion(SwrKitService.CodeArtsRepo, "la-south-2").ToString());
        Assert.Equal("https://modelarts.ap-southeast-1.myhuaweicloud.cn/", ServiceEndpoints.ForRegion(SwrKitService.ModelArts, "ap-southeast-1").ToString());
    }

    [Theory]
    [InlineData(SwrKitService.Swr, "cn-nort-4")]
    [InlineData(SwrKitService.CodeArtsRepo, "ap-southeast-1")]
    [InlineData(SwrKitService.ModelArts, "eu-west-101")]
    public void A_region_the_service_lacks_or_a_typo_throws_naming_the_service_and_its_regions(SwrKitService service, string region)
    {
        var ex = SecretScan.Record(Assert.Throws<ArgumentException>("region", () => ServiceEndpoints.ForRegion(service, region)));

        Assert.StartsWith($"{service} has no endpoint in region '{region}' in SwrKit's region catalogue; its regions are: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cn-north-4", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("region", () => ServiceEndpoints.ForRegion(service, null!));
    }

    [Fact]
    public async Task AddSwrKit_fails_at_start_up_with_the_same_message_and_names_the_override()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["SwrKit:Region"] = "ap-southeast-1", ["SwrKit:Token"] = TestSecrets.Token });
        builder.Services.AddSwrKit(builder.Configuration.GetSection("SwrKit"));
        using var host = builder.Build();

        var ex = await Expect.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(ex.Failures);
        var expected = "SwrKit:Region: " + Assert.Throws<ArgumentException>(() => ServiceEndpoints.ForRegion(SwrKitService.CodeArtsRepo, "ap-southeast-1")).Message.Replace(" (Parameter 'region')", "", StringComparison.Ordinal);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        Assert.Contains("Set SwrKit:Endpoints:CodeArtsRepo", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_serves_a_region_the_catalogue_does_not_list()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        await using var host = SwrKitTestHost.FromConfiguration(new Dictionary<string, string?>
        {
            ["SwrKit:Region"] = "ap-southeast-1",
            ["SwrKit:Endpoints:CodeArtsRepo"] = server.BaseAddress.ToString(),
            ["SwrKit:Token"] = TestSecrets.Token,
        });

        await host.CodeArts.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest());

        Assert.Equal(TestSecrets.Token, server.SingleRequest.Header("X-Auth-Token"));
    }

    [Fact]
    public async Task HUAWEICLOUD_SDK_REGION_is_the_region_when_configuration_sets_none()
    {
        await using var host = SwrKitTestHost.FromConfiguration(
            new Dictionary<string, string?> { ["SwrKit:Token"] = TestSecrets.Token },
            services => services.AddSingleton(new SwrKitEnvironment(name => name == "HUAWEICLOUD_SDK_REGION" ? "la-south-2" : null)));

        var factory = host.Provider.GetRequiredService<IHttpClientFactory>();

        Assert.Equal("la-south-2", host.Provider.GetRequiredService<IOptions<SwrKitOptions>>().Value.Region);
        Assert.Equal("https://codeartsrepo-ext.la-south-2.myhuaweicloud.com/", factory.CreateClient(SwrKitHttpClientNames.CodeArtsRepo).BaseAddress!.ToString());
    }
}
