using SwrKit.Authentication;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Wire;

/// <summary>
/// Every request names its operation for the handlers below the client, without a per-call options dictionary: the
/// values SwrKit attaches (operation, signing state) live in the request itself.
/// </summary>
public sealed class RequestTaggingTests
{
    [Fact]
    public async Task The_operation_is_readable_by_any_handler_and_no_options_dictionary_is_filled()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(204));
        var probe = new Probe { InnerHandler = new AkSkSigningHandler(new AkSkCredentials("ak", "sk", "proj-1")) };
        var client = new ModelArtsClient(new HttpClient(probe) { BaseAddress = server.BaseAddress });

        await client.DeleteImageAsync("p1", "img");

        Assert.Equal(SwrOperations.DeleteImage, probe.Operation);
        Assert.Equal(0, probe.OptionsAfterSigning);
        Assert.StartsWith("SDK-HMAC-SHA256", Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task A_request_SwrKit_did_not_create_still_carries_values_in_its_options()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.test/");
        request.Options.Set(new HttpRequestOptionsKey<string>(SwrRequestOptions.OperationKey), "Custom");

        Assert.Equal("Custom", SwrRequestOptions.GetOperation(request));
        await Task.CompletedTask;
    }

    private sealed class Probe : DelegatingHandler
    {
        public string? Operation { get; private set; }

        public int OptionsAfterSigning { get; private set; } = -1;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Operation = SwrRequestOptions.GetOperation(request);
            var response = await base.SendAsync(request, cancellationToken);
            OptionsAfterSigning = ((IDictionary<string, object?>)request.Options).Count;
            return response;
        }
    }
}
