using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Wire;

public sealed class ModelArtsClientWireTests
{
    [Fact]
    public async Task DeleteImage_sends_force_and_reads_every_field_of_the_page_example()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, PageExamples.ModelArtsImage));
        var client = new ModelArtsClient(server.CreateClient());

        var image = await client.DeleteImageAsync("proj-1", "c9ab2b2f-edda-4556-bdbb-494e868d043c", force: true);

        var request = server.SingleRequest;
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/v1/proj-1/images/c9ab2b2f-edda-4556-bdbb-494e868d043c", request.Path);
        Assert.Equal("?force=true", request.QueryString);
        Assert.StartsWith("application/json", request.Header("Accept"));

        Assert.NotNull(image);
        Assert.Equal("x86_64", image.Arch);
        Assert.Equal(1671093486722L, image.CreateAt);
        Assert.Equal("", image.Description);
        Assert.Equal(new[] { "NOTEBOOK", "SSH" }, image.DevServices);
        Assert.Equal("c9ab2b2f-edda-4556-bdbb-494e868d043c", image.Id);
        Assert.Equal("mock-service-python", image.Name);
        Assert.Equal("mock-service1", image.Namespace);
        Assert.Equal("CUSTOMIZE", image.Origin);
        Assert.Equal(new[] { "CPU" }, image.ResourceCategories);
        Assert.Equal("UNKNOWN", image.ServiceType);
        Assert.Equal(387840321L, image.Size);
        Assert.Equal("DELETED", image.Status);
        Assert.Equal("swr.xxx.com/mock-service1/mock-service-python:0.0.17", image.SwrPath);
        Assert.Equal("0.0.17", image.Tag);
        Assert.Equal("DEDICATED", image.Type);
        Assert.Equal(1671093486722L, image.UpdateAt);
        Assert.Equal("PRIVATE", image.Visibility);
        Assert.Equal("0", image.WorkspaceId);
    }

    [Fact]
    public async Task Force_is_omitted_when_not_given()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, PageExamples.ModelArtsImage));
        var client = new ModelArtsClient(server.CreateClient());

        await client.DeleteImageAsync("proj-1", "img");

        Assert.Equal("", server.SingleRequest.QueryString);
    }

    [Fact]
    public async Task No_content_returns_null_without_throwing()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Status(204));
        var client = new ModelArtsClient(server.CreateClient());

        Assert.Null(await client.DeleteImageAsync("proj-1", "img"));
    }

    [Fact]
    public async Task Unknown_response_fields_are_tolerated_and_kept()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, """{"id":"x","arch":"aarch64","brand_new_field":{"a":1}}"""));
        var client = new ModelArtsClient(server.CreateClient());

        var image = await client.DeleteImageAsync("p", "x");

        Assert.Equal("aarch64", image!.Arch);
        Assert.True(image.AdditionalProperties.ContainsKey("brand_new_field"));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Documented_errors_throw(int status)
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(status, """{"error_code":"ModelArts.0104","error_msg":"denied"}"""));
        var client = new ModelArtsClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteImageAsync("p", "x"));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("ModelArts.0104", ex.ErrorCode);
        Assert.Equal("denied", ex.ErrorMessage);
    }

    [Fact]
    public async Task Empty_path_parameters_are_rejected_before_sending()
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new ModelArtsClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteImageAsync("", "x"));

        Assert.Equal("projectId", ex.ParamName);
        Assert.Empty(server.Requests);
    }
}
