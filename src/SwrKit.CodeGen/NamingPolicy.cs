using NJsonSchema;
using NJsonSchema.CodeGeneration;
using NSwag;
using NSwag.CodeGeneration;
using NSwag.CodeGeneration.CSharp;

namespace SwrKit.CodeGen;

/// <summary>
/// Idiomatic C# names for wire names in any case style: <c>image_type</c>, <c>remoteRegionId</c> and
/// <c>endpoint-uuid</c> become <c>ImageType</c>, <c>RemoteRegionId</c>, <c>EndpointUuid</c> for properties and
/// <c>imageType</c>, <c>remoteRegionId</c>, <c>endpointUuid</c> for parameters. NSwag's defaults only
/// upper-case the first letter, which keeps snake_case (<c>Image_type</c>, <c>repository_id</c>).
/// </summary>
internal static class NamingPolicy
{
    public static void Apply(CSharpClientGeneratorSettings settings)
    {
        settings.CSharpGeneratorSettings.PropertyNameGenerator = new PropertyNames();
        settings.ParameterNameGenerator = new ParameterNames();
    }

    public static string ToPascalCase(string wireName)
    {
        var builder = new System.Text.StringBuilder(wireName.Length);
        var upperNext = true;
        foreach (var c in wireName)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    public static string ToCamelCase(string wireName)
    {
        var pascal = ToPascalCase(wireName);
        return pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    private sealed class PropertyNames : IPropertyNameGenerator
    {
        public string Generate(JsonSchemaProperty property) => ToPascalCase(property.Name);
    }

    private sealed class ParameterNames : IParameterNameGenerator
    {
        // NSwag adds the '@' for C# keywords (namespace -> @namespace) after this step.
        public string Generate(OpenApiParameter parameter, IEnumerable<OpenApiParameter> allParameters)
        {
            var name = VariableName(parameter);
            // Like NSwag: the kind disambiguates two parameters that would share a name (id in path and query).
            // $ref parameters arrive as references: compare what they point to.
            return allParameters.Select(p => p.ActualParameter)
                    .Where(p => VariableName(p) == name).Select(p => p.Kind).Distinct().Count() > 1
                ? name + parameter.Kind
                : name;
        }

        // A request body has no wire name unless the spec gives one (x-name); NSwag calls it "body".
        private static string VariableName(OpenApiParameter parameter)
        {
            parameter = parameter.ActualParameter;
            var wireName = !string.IsNullOrEmpty(parameter.OriginalName) ? parameter.OriginalName : parameter.Name;
            return string.IsNullOrEmpty(wireName) ? "body" : ToCamelCase(wireName);
        }
    }
}
