using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.DependencyInjection;

public sealed class AddSwrKitTests
{
    private static Dictionary<string, string?> Config(params (string Key, string? Value)[] values) =>
        values.ToDictionary(v => "SwrKit:" + v.Key, v => v.Value);

    [Fact]
    public async Task From_configuration_all_four_clients_resolve_with_the_region_endpoints()
    {
        await using var host = SwrKitTestHost.FromConfiguration(Config(("Region", "cn-north-4"), ("AccessKey", TestSecrets.AccessKey), ("SecretKey", TestSecrets.SecretKey)));

        Assert.IsType<SwrClient>(host.Swr);
        Assert.IsType<CodeArtsRepoClient>(host.CodeArts);
        Assert.IsType<ModelArtsClient>(host.ModelArts);
        Assert.IsType<HssClient>(host.Hss);
        var factory = host.Provider.GetRequiredService<IHttpClientFactory>();
        Assert.Equal("https://swr-api.cn-north-4.myhuaweicloud.com/", factory.CreateClient(SwrKitHttpClientNames.Swr).BaseAddress!.ToString());
        Assert.Equal("https://codehub-ext.cn-north-4.myhuaweicloud.com/", factory.CreateClient(SwrKitHttpClientNames.CodeArtsRepo).BaseAddress!.ToString());
        Assert.Equal("https://modelarts.cn-north-4.myhuaweicloud.com/", factory.CreateClient(SwrKitHttpClientNames.ModelArts).BaseAddress!.ToString());
        Assert.Equal("https://hss.cn-north-4.myhuaweicloud.com/", factory.CreateClient(SwrKitHttpClientNames.Hss).BaseAddress!.ToString());
    }

    [Fact]
    public async Task From_a_JSON_file_every_setting_binds()
    {
        const string json = """
            {
              "SwrKit": {
                "Region": "ap-southeast-3",
                "Token": "TEST-TOKEN-7c1",
                "Endpoints": { "Hss": "https://hss.internal.example.com/gateway" },
                "Timeout": "00:00:45",
                "AttemptTimeout": "00:00:10",
                "AllowInsecureHttp": false,
                "MaxResponseContentBufferSize": 65536,
                "Retry": {
                  "MaxRetries": 4,
                  "BaseDelay": "00:00:00.500",
                  "MaxDelay": "00:00:08",
                  "RetryNonIdempotentOperations": [ "RunImageSynchronize" ]
                },
                "CircuitBreaker": {
                  "Enabled": true,
                  "FailureRatio": 0.25,
                  "MinimumThroughput": 20,
                  "SamplingDuration": "00:01:00",
                  "BreakDuration": "00:00:40"
                }
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        await using var host = SwrKitTestHost.Build(s => s.AddSwrKit(configuration.GetSection(SwrKitOptions.SectionName)));

        var options = host.Provider.GetRequiredService<IOptions<SwrKitOptions>>().Value;

        Assert.Equal("ap-southeast-3", options.Region);
        Assert.Equal(TestSecrets.Token, options.Token);
        Assert.Equal(new Uri("https://hss.internal.example.com/gateway"), options.Endpoints.Hss);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.Equal(65536, options.MaxResponseContentBufferSize);
        Assert.Equal(4, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(8), options.Retry.MaxDelay);
        Assert.Equal([SwrOperations.RunImageSynchronize], options.Retry.RetryNonIdempotentOperations);
        Assert.True(options.CircuitBreaker.Enabled);
        Assert.Equal(0.25, options.CircuitBreaker.FailureRatio);
        Assert.Equal(20, options.CircuitBreaker.MinimumThroughput);
        Assert.Equal(TimeSpan.FromMinutes(1), options.CircuitBreaker.SamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(40), options.CircuitBreaker.BreakDuration);
        var factory = host.Provider.GetRequiredService<IHttpClientFactory>();
        Assert.Equal("https://hss.internal.example.com/gateway/", factory.CreateClient(SwrKitHttpClientNames.Hss).BaseAddress!.ToString());
        Assert.Equal("https://swr-api.ap-southeast-3.myhuaweicloud.com/", factory.CreateClient(SwrKitHttpClientNames.Swr).BaseAddress!.ToString());
    }

    [Fact(Timeout = 20_000)]
    public async Task An_endpoint_override_without_trailing_slash_keeps_its_path()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        await using var host = SwrKitTestHost.FromConfiguration(Config(
            ("Endpoints:ModelArts", new Uri(server.BaseAddress, "gateway/modelarts").ToString()),
            ("Endpoints:Swr", server.BaseAddress.ToString().TrimEnd('/')),
            ("Endpoints:CodeArtsRepo", server.BaseAddress.ToString()),
            ("Endpoints:Hss", server.BaseAddress.ToString()),
            ("Token", TestSecrets.Token)));

        await host.ModelArts.DeleteImageAsync("proj-1", "img-1");
        await host.Swr.DeleteRetentionAsync("my-org", "app", 1);

        Assert.Equal("/gateway/modelarts/v1/proj-1/images/img-1", server.Requests[0].Path);
        Assert.Equal("/v2/manage/namespaces/my-org/repos/app/retentions/1", server.Requests[1].Path);
        Assert.All(server.Requests, r => Assert.Equal(TestSecrets.Token, r.Header("X-Auth-Token")));
    }

    public static TheoryData<Dictionary<string, string?>, string> BadConfigurations => new()
    {
        { Config(), "SwrKit:Region is required when no endpoint override is set for Swr, CodeArtsRepo, ModelArts, Hss (SwrKit:Endpoints:<service>)." },
        { Config(("Region", "cn-north-4"), ("SecurityToken", TestSecrets.SecurityToken)), "SwrKit:SecurityToken applies only with SwrKit:AccessKey and SwrKit:SecretKey: set them, or remove it." },
        { Config(("Region", "cn-north-4"), ("MetadataEndpoint", "metadata/")), "SwrKit:MetadataEndpoint must be an absolute http:// or https:// URI (the ECS metadata service is http://169.254.169.254/)." },
        { Config(("Region", "cn-north-4"), ("AccessKey", TestSecrets.AccessKey)), "SwrKit:SecretKey is required when SwrKit:AccessKey is set." },
        { Config(("Region", "cn-north-4"), ("SecretKey", TestSecrets.SecretKey)), "SwrKit:AccessKey is required when SwrKit:SecretKey is set." },
        { Config(("Region", "cn-north-4"), ("AccessKey", "ak"), ("SecretKey", TestSecrets.SecretKey), ("Token", TestSecrets.Token)), "Configure either SwrKit:AccessKey/SwrKit:SecretKey or SwrKit:Token (or a token provider), not both." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("SecurityToken", TestSecrets.SecurityToken)), "SwrKit:ProjectId and SwrKit:SecurityToken apply only to AK/SK credentials: set SwrKit:AccessKey and SwrKit:SecretKey, or remove them." },
        { Config(("Region", "cn-north-4"), ("Token", "tok\r\nX-Evil: 1")), "SwrKit:Token contains a character that cannot be sent in an HTTP header (U+000D at index 3); only printable ASCII is allowed." },
        { Config(("Region", "cn-north-4"), ("AccessKey", "ak"), ("SecretKey", TestSecrets.SecretKey), ("ProjectId", "p1\n")), "SwrKit:ProjectId contains a character that cannot be sent in an HTTP header (U+000A at index 2); only printable ASCII is allowed." },
        { Config(("Region", "CN North 4"), ("Token", TestSecrets.Token)), "SwrKit:Region 'CN North 4' is not a region ID: use lower-case letters, digits and hyphens, e.g. cn-north-4." },
        { Config(("Token", TestSecrets.Token), ("Endpoints:Swr", "https://swr.example.com"), ("Endpoints:CodeArtsRepo", "https://c.example.com"), ("Endpoints:ModelArts", "https://m.example.com")), "SwrKit:Region is required when no endpoint override is set for Hss (SwrKit:Endpoints:<service>)." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("Endpoints:Swr", "http://swr.example.com/")), "SwrKit:Endpoints:Swr uses plain http:// to a host that is not loopback, so credentials would travel unencrypted: use https://, or set SwrKit:AllowInsecureHttp to true on a trusted network." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("Endpoints:Hss", "gateway/hss")), "SwrKit:Endpoints:Hss must be an absolute https:// URI (http:// only to loopback)." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("Endpoints:ModelArts", "https://m.example.com/?x=1")), "SwrKit:Endpoints:ModelArts must not contain user info, a query or a fragment." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("Timeout", "00:00:00")), "SwrKit:Timeout must be between 10 ms and 24 hours (00:00:00.010 to 1.00:00:00); it is 00:00:00." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("AttemptTimeout", "2.00:00:00")), "SwrKit:AttemptTimeout must be between 10 ms and 24 hours (00:00:00.010 to 1.00:00:00); it is 2.00:00:00." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("MaxResponseContentBufferSize", "0")), "SwrKit:MaxResponseContentBufferSize must be a positive number of bytes; it is 0." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("Retry:MaxRetries", "50")), "SwrKit:Retry:MaxRetries must be between 0 and 10; it is 50." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("Retry:BaseDelay", "00:00:05"), ("Retry:MaxDelay", "00:00:01")), "SwrKit:Retry:MaxDelay must be at least SwrKit:Retry:BaseDelay and at most 24 hours; it is 00:00:01." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("Retry:RetryNonIdempotentOperations:0", "DeleteRetention")), "SwrKit:Retry:RetryNonIdempotentOperations lists 'DeleteRetention', which is not a non-idempotent SwrKit operation: use StartRemoteMirrorSynchronization or RunImageSynchronize." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("CircuitBreaker:FailureRatio", "0")), "SwrKit:CircuitBreaker:FailureRatio must be more than 0 and at most 1; it is 0." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("CircuitBreaker:MinimumThroughput", "1")), "SwrKit:CircuitBreaker:MinimumThroughput must be at least 2; it is 1." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("CircuitBreaker:SamplingDuration", "00:00:00.100")), "SwrKit:CircuitBreaker:SamplingDuration must be between 0.5 seconds and 24 hours; it is 00:00:00.1000000." },
        { Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("CircuitBreaker:Enabled", "true"), ("CircuitBreaker:BreakDuration", "00:00:00")), "SwrKit:CircuitBreaker:BreakDuration must be between 0.5 seconds and 24 hours; it is 00:00:00." },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task Bad_configuration_fails_at_start_up_with_the_documented_message(Dictionary<string, string?> values, string expected)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSwrKit(builder.Configuration.GetSection("SwrKit"));
        using var host = builder.Build();

        var ex = await Expect.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, ex.Failures);
        Assert.DoesNotContain(TestSecrets.SecretKey, ex.Message);
        Assert.DoesNotContain(TestSecrets.Token, ex.Message);
        Assert.DoesNotContain(TestSecrets.SecurityToken, ex.Message);
    }

    [Fact]
    public async Task Messages_name_the_section_the_options_were_bound_from()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Huawei:Images:Token"] = TestSecrets.Token }).Build();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSwrKit(configuration.GetSection("Huawei:Images"));
        using var host = builder.Build();

        var ex = await Expect.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("Huawei:Images:Region is required when no endpoint override is set for Swr, CodeArtsRepo, ModelArts, Hss (Huawei:Images:Endpoints:<service>).", Assert.Single(ex.Failures));
    }

    [Fact]
    public async Task Without_a_host_the_first_client_resolution_fails_with_the_same_message()
    {
        await using var host = SwrKitTestHost.FromConfiguration(Config(("Token", TestSecrets.Token)));

        var ex = Assert.Throws<OptionsValidationException>(() => host.Swr);
        SecretScan.Record(ex);

        Assert.Contains("SwrKit:Region is required when no endpoint override is set for Swr, CodeArtsRepo, ModelArts, Hss", ex.Message);
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_passes_validation_only_when_explicitly_allowed()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Config(("Region", "cn-north-4"), ("Token", TestSecrets.Token), ("Endpoints:Swr", "http://proxy.internal:8080/swr"), ("AllowInsecureHttp", "true")));
        builder.Services.AddSwrKit(builder.Configuration.GetSection("SwrKit"));
        using var host = builder.Build();

        await host.StartAsync();
        Assert.Equal("http://proxy.internal:8080/swr/", host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(SwrKitHttpClientNames.Swr).BaseAddress!.ToString());
        await host.StopAsync();
    }

    [Fact(Timeout = 20_000)]
    public async Task The_options_callback_and_a_token_provider_from_the_container()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        await using var host = SwrKitTestHost.Build(
            s => s.AddSwrKit(o => SwrKitTestHost.UseServer(o, server))
                .UseTokenProvider((provider, _) => new ValueTask<string>(provider.GetRequiredService<TokenSource>().Current)),
            s => s.AddSingleton(new TokenSource { Current = TestSecrets.Token }));

        await host.Swr.DeleteRetentionAsync("my-org", "app", 1);
        host.Provider.GetRequiredService<TokenSource>().Current = TestSecrets.Token + "-refreshed";
        await host.Swr.DeleteRetentionAsync("my-org", "app", 2);

        Assert.Equal([TestSecrets.Token, TestSecrets.Token + "-refreshed"], server.Requests.Select(r => r.Header("X-Auth-Token")));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_configuration_reload_refreshes_the_token_at_once()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Config(
            ("Token", TestSecrets.Token),
            ("Endpoints:Swr", server.BaseAddress.ToString()), ("Endpoints:CodeArtsRepo", server.BaseAddress.ToString()),
            ("Endpoints:ModelArts", server.BaseAddress.ToString()), ("Endpoints:Hss", server.BaseAddress.ToString()))).Build();
        await using var host = SwrKitTestHost.Build(s => s.AddSwrKit(configuration.GetSection("SwrKit")));

        await host.Swr.DeleteRetentionAsync("my-org", "app", 1);
        configuration["SwrKit:Token"] = TestSecrets.Token + "-rotated";
        configuration.Reload();
        await host.Swr.DeleteRetentionAsync("my-org", "app", 2);

        Assert.Equal([TestSecrets.Token, TestSecrets.Token + "-rotated"], server.Requests.Select(r => r.Header("X-Auth-Token")));
    }

    [Fact(Timeout = 20_000)]
    public async Task Calling_AddSwrKit_twice_registers_the_handlers_once_and_ConfigureHttpClients_runs_inside_authentication()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        var seen = new List<bool>();
        await using var host = SwrKitTestHost.Build(s =>
        {
            s.AddSwrKit(o => SwrKitTestHost.UseServer(o, server));
            s.AddSwrKit(o => o.Token = TestSecrets.Token)
                .ConfigureHttpClients(b => b.AddHttpMessageHandler(() => new ProbeHandler(seen)));
        });

        await host.Swr.DeleteRetentionAsync("my-org", "app", 1);

        Assert.Equal(TestSecrets.Token, server.SingleRequest.Header("X-Auth-Token"));
        Assert.Equal([true], seen);
        Assert.Single(host.Logs.SwrKitLines, l => l.EventId.Name == "RequestCompleted");
    }

    [Fact]
    public void Region_endpoints_end_with_a_slash_and_bad_regions_are_refused()
    {
        Assert.Equal("https://swr-api.la-south-2.myhuaweicloud.com/", ServiceEndpoints.ForRegion(SwrKitService.Swr, "la-south-2").ToString());
        Assert.Equal("https://codehub-ext.cn-north-4.myhuaweicloud.com/", ServiceEndpoints.ForRegion(SwrKitService.CodeArtsRepo, "cn-north-4").ToString());
        Assert.Equal("https://modelarts.cn-north-4.myhuaweicloud.com/", ServiceEndpoints.ForRegion(SwrKitService.ModelArts, "cn-north-4").ToString());
        Assert.Equal("https://hss.cn-north-4.myhuaweicloud.com/", ServiceEndpoints.ForRegion(SwrKitService.Hss, "cn-north-4").ToString());
        Assert.Equal("https://h/p/", ServiceEndpoints.WithTrailingSlash(new Uri("https://h/p")).ToString());
        Assert.Equal("https://h/", ServiceEndpoints.WithTrailingSlash(new Uri("https://h")).ToString());
        Assert.Throws<ArgumentException>(() => ServiceEndpoints.ForRegion(SwrKitService.Swr, "evil.com/x"));
        Assert.Throws<ArgumentException>(() => ServiceEndpoints.ForRegion(SwrKitService.Swr, "cn--north"));
    }

    public sealed class TokenSource
    {
        public string Current { get; set; } = "";
    }

    private sealed class ProbeHandler(List<bool> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(request.Headers.Contains("X-Auth-Token"));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    [Theory(Timeout = 20_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Without_a_logging_provider_or_without_logging_at_all_a_call_sends_the_token(bool addLogging)
    {
        await using var server = await LoopbackServer.StartAsync();
        var services = new ServiceCollection();
        if (addLogging)
        {
            services.AddLogging();
        }

        services.AddSwrKit(o =>
        {
            SwrKitTestHost.UseServer(o, server);
            o.Token = TestSecrets.Token;
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ISwrClient>().DeleteRetentionAsync("my-org", "app", 1);

        Assert.Equal(TestSecrets.Token, server.SingleRequest.Header("X-Auth-Token"));
    }
}
