// Generates the SwrKit client: SwrKit.CodeGen <settings.nswag> <spec.yaml> <client.cs> <serialization.cs>
// The settings file is a standard NSwag document (only its openApiToCSharpClient section is read),
// so everything NSwag can configure stays in NSwag's own format; this host only adds the naming
// policy and the wire types that NSwag's CLI cannot express, the service facts (ServiceFacts), and the models'
// trimming/AOT metadata (SerializationFile) from the same resolver.
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.Commands;
using SwrKit.CodeGen;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: SwrKit.CodeGen <settings.nswag> <spec.yaml|json> <client.cs> <serialization.cs>");
    return 2;
}

var (settingsPath, specPath, outputPath, serializationPath) =
    (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]), Path.GetFullPath(args[2]), Path.GetFullPath(args[3]));
try
{
    var nswag = await NSwagDocument.LoadAsync(settingsPath);
    var settings = nswag.CodeGenerators.OpenApiToCSharpClientCommand?.Settings
        ?? throw new InvalidOperationException($"{settingsPath} has no codeGenerators.openApiToCSharpClient section.");
    if (!string.IsNullOrEmpty(settings.CodeGeneratorSettings.TemplateDirectory)
        && !Path.IsPathRooted(settings.CodeGeneratorSettings.TemplateDirectory))
    {
        settings.CodeGeneratorSettings.TemplateDirectory = Path.GetFullPath(
            Path.Combine(Path.GetDirectoryName(settingsPath)!, settings.CodeGeneratorSettings.TemplateDirectory));
    }

    NamingPolicy.Apply(settings);

    var document = specPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        ? await OpenApiDocument.FromFileAsync(specPath)
        : await OpenApiYamlDocument.FromFileAsync(specPath);

    var resolver = WireTypeResolver.Create(settings, document);
    var generator = new CSharpClientGenerator(document, settings, resolver);
    // NSwag's clients and models, then the service facts the hand-written runtime builds on (one output file).
    var code = (generator.GenerateFile() + ServiceFacts.Generate(document)).Replace("\r\n", "\n");

    // After GenerateFile: the resolver now knows every type the client file declares.
    var serialization = SerializationFile.Generate(resolver, settings.CSharpGeneratorSettings);

    OutputFile.WriteIfChanged(outputPath, code);
    OutputFile.WriteIfChanged(serializationPath, serialization);
    Console.WriteLine($"SwrKit.CodeGen: {Path.GetFileName(specPath)} -> {outputPath}");
    return 0;
}
catch (Exception ex)
{
    // MSBuild's canonical error format, so a broken spec shows up as a build error with the file name.
    Console.Error.WriteLine($"{specPath}: error SWRGEN01: {ex.GetType().Name}: {ex.Message}");
    if (Environment.GetEnvironmentVariable("SWRKIT_CODEGEN_TRACE") == "1") Console.Error.WriteLine(ex);
    return 1;
}
