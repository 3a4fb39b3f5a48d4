using System.Collections.Concurrent;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Wire;

/// <summary>
/// The generated code builds every URL in one builder per thread (ServiceClientBase.RentUrlBuilder); these prove that
/// reuse never leaks one call's path or query into another.
/// </summary>
public sealed class RequestUrlTests
{
    [Fact]
    public async Task Concurrent_calls_on_many_threads_each_send_their_own_path()
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new SwrClient(server.CreateClient());
        var expected = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 400), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var repository = "group" + (i % 7) + "$app-" + i;
            expected.Add($"/v2/manage/namespaces/org-{i}/repos/{repository}/retentions/{i + 1}");
            await client.DeleteRetentionAsync("org-" + i, repository, i + 1, ct);
        });

        Assert.Equal(expected.OrderBy(p => p, StringComparer.Ordinal), server.Requests.Select(r => r.Path).OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_query_never_survives_into_the_next_call()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, PageExamples.ModelArtsImage));
        var client = new ModelArtsClient(server.CreateClient());

        await client.DeleteImageAsync("p", "a", force: true);
        await client.DeleteImageAsync("p", "b");
        await client.DeleteImageAsync("p", "c", force: false);

        Assert.Equal(new[] { "/v1/p/images/a?force=true", "/v1/p/images/b", "/v1/p/images/c?force=false" }, server.Requests.Select(r => r.Path + r.QueryString));
    }

    [Fact]
    public async Task A_call_rejected_by_the_guard_leaves_the_next_url_clean()
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new SwrClient(server.CreateClient());

        await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteRetentionAsync("my-org", "group/app", 1));
        await client.DeleteRetentionAsync("my-org", "app", 2);

        Assert.Equal("/v2/manage/namespaces/my-org/repos/app/retentions/2", server.SingleRequest.Path);
    }

    [Fact]
    public async Task Path_values_are_escaped_and_integers_are_invariant()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
        try
        {
            await using var server = await LoopbackServer.StartAsync(Respond.Json(200, PageExamples.ModelArtsImage));
            var client = new ModelArtsClient(server.CreateClient());

            await client.DeleteImageAsync("proj 1", "id?#&", force: true);

            Assert.Equal("/v1/proj%201/images/id%3F%23%26?force=true", server.SingleRequest.RawTarget);

            // sv-SE writes negative numbers with U+2212; the wire must not.
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("sv-SE");
            var swr = new SwrClient(server.CreateClient());
            await swr.DeleteRetentionAsync("my-org", "app", -5);

            Assert.Equal("/v2/manage/namespaces/my-org/repos/app/retentions/-5", server.Requests[^1].RawTarget);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
