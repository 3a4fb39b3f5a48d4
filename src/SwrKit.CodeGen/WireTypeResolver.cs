using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace SwrKit.CodeGen;

/// <summary>
/// Lets the spec name a hand-written C# type for a property whose wire format NSwag cannot map on its
/// own, with the vendor extension <c>x-swrkit-csharp-type</c>. Example: the CodeArts mirror credentials are
/// <c>format: byte</c> on the wire (Base64), but callers hand over the plain text, so the property is typed
/// as <c>Base64Credential</c>, whose JSON converter does the encoding.
/// </summary>
internal sealed class WireTypeResolver : CSharpTypeResolver
{
    public const string Extension = "x-swrkit-csharp-type";

    private WireTypeResolver(CSharpGeneratorSettings settings, JsonSchema? exceptionSchema)
        : base(settings, exceptionSchema)
    {
    }

    public static CSharpTypeResolver Create(CSharpClientGeneratorSettings settings, OpenApiDocument document)
    {
        // Mirrors CSharpGeneratorBase.CreateResolverWithExceptionSchema, with this resolver in its place.
        var exceptionSchema = document.Definitions.TryGetValue("Exception", out var value) ? value : null;
        var resolver = new WireTypeResolver(settings.CSharpGeneratorSettings, exceptionSchema);
        resolver.RegisterSchemaDefinitions(document.Definitions
            .Where(p => p.Value != exceptionSchema)
            .ToDictionary(p => p.Key, p => p.Value));
        return resolver;
    }

    public override string Resolve(JsonSchema schema, bool isNullable, string? typeNameHint)
    {
        if (schema.ExtensionData is { } data && data.TryGetValue(Extension, out var typeName) && typeName is string name)
        {
            // An optional property is nullable like NSwag's own optional properties (generateOptionalPropertiesAsNullable).
            var nullable = isNullable || (schema is JsonSchemaProperty { IsRequired: false } && Settings.GenerateOptionalPropertiesAsNullable);
            return nullable && Settings.GenerateNullableReferenceTypes ? name + "?" : name;
        }

        return base.Resolve(schema, isNullable, typeNameHint);
    }
}
