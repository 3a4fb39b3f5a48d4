using System.CodeDom.Compiler;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace SwrKit.Tests.Generation;

/// <summary>
/// The second generated file (obj/codegen/SwrKitSerialization.g.cs), which trimmed and Native AOT applications rely on:
/// it must cover every model the client file declares, and agree with the client's runtime JSON options.
/// </summary>
public sealed class SerializationMetadataTests
{
    private static IEnumerable<Type> GeneratedModels() => typeof(ServiceClientBase).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema");

    [Fact]
    public void The_source_generated_context_has_metadata_for_every_generated_model_and_enum()
    {
        var models = GeneratedModels().ToList();

        Assert.Contains(typeof(ModelArtsImage), models);
        Assert.Contains(typeof(ImageType), models);
        Assert.All(models, t => Assert.NotNull(SwrKitJsonContext.Default.GetTypeInfo(t)));
    }

    [Fact]
    public void Every_request_body_and_response_type_of_the_clients_has_source_generated_metadata()
    {
        // A new operation whose body or result is not a generated model (an array, say) must not reach a trimmed app
        // without metadata: it would fail there at run time with NotSupportedException.
        var methods = typeof(ServiceClientBase).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsSubclassOf(typeof(ServiceClientBase)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
            .ToList();
        var wireTypes = methods.SelectMany(m => m.GetParameters().Where(p => p.Name == "body").Select(p => p.ParameterType))
            .Concat(methods.Select(m => m.ReturnType).Where(r => r.IsGenericType).Select(r => r.GetGenericArguments()[0]))
            .Distinct()
            .ToList();

        Assert.Equal(5, methods.Count);
        Assert.All(wireTypes, t => Assert.NotNull(SwrKitJsonContext.Default.GetTypeInfo(t)));
    }

    [Fact]
    public void The_context_is_generated_with_the_clients_options_so_the_fast_path_applies()
    {
        Assert.Equal(JsonIgnoreCondition.WhenWritingNull, SwrKitJsonContext.Default.Options.DefaultIgnoreCondition);
    }

    [Fact]
    public void Enum_wire_names_equal_the_EnumMember_values_of_every_generated_string_enum()
    {
        foreach (var type in GeneratedModels().Where(t => t.IsEnum))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var expected = field.GetCustomAttribute<EnumMemberAttribute>()?.Value;
                Assert.Equal(expected, SwrKitEnumWireNames.Get(field.GetValue(null)!));
            }
        }

        Assert.Equal("shared_image", SwrKitEnumWireNames.Get(ImageType.SharedImage));
        Assert.Null(SwrKitEnumWireNames.Get((ImageType)42));
        Assert.Null(SwrKitEnumWireNames.Get(SwrKitService.Hss));
    }

    [Theory]
    [InlineData("\"private_image\"")]
    [InlineData("\"shared_image\"")]
    [InlineData("\"SHARED_Image\"")]
    [InlineData("1")]
    [InlineData("7")]
    [InlineData("\"nope\"")]
    [InlineData("\"\"")]
    [InlineData("true")]
    [InlineData("1.5")]
    public void The_generated_enum_converter_reads_as_JsonStringEnumConverter_does(string json)
    {
        var generated = new System.Text.Json.JsonSerializerOptions { Converters = { new SwrKitEnumJson.ImageTypeConverter() } };
        var library = new System.Text.Json.JsonSerializerOptions { Converters = { new JsonStringEnumConverter<ImageType>() } };

        Assert.Equal(Outcome(() => System.Text.Json.JsonSerializer.Deserialize<ImageType>(json, library)), Outcome(() => System.Text.Json.JsonSerializer.Deserialize<ImageType>(json, generated)));
        Assert.Equal(Outcome(() => System.Text.Json.JsonSerializer.Deserialize<ImageType?>(json, library)), Outcome(() => System.Text.Json.JsonSerializer.Deserialize<ImageType?>(json, generated)));
    }

    [Theory]
    [InlineData(ImageType.PrivateImage, "{\"image_type\":\"private_image\"}")]
    [InlineData(ImageType.SharedImage, "{\"image_type\":\"shared_image\"}")]
    [InlineData((ImageType)9, "{\"image_type\":9}")]
    public void A_request_body_writes_the_wire_text_and_a_body_reads_it_back(ImageType value, string json)
    {
        var metadata = SwrKitJsonContext.Default.RunImageSynchronizeRequest;

        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = value }, metadata));
        Assert.Equal(value, System.Text.Json.JsonSerializer.Deserialize(json, metadata)!.ImageType);
    }

    private static string Outcome<T>(Func<T> read)
    {
        try
        {
            return "value " + read();
        }
        catch (System.Text.Json.JsonException)
        {
            return "JsonException";
        }
    }
}
