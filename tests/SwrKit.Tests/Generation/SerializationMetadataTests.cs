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
}
