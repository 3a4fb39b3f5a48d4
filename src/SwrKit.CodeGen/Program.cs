// Generates the SwrKit client: SwrKit.CodeGen <settings.nswag> <spec.yaml> <output.cs>
// The settings file is a standard NSwag document (only its openApiToCSharpClient section is read),
// so everything NSwag can configure stays in NSwag's own format; this host only adds the naming
// policy and the wire types that NSwag's CLI cannot express, and the service facts (ServiceFacts).
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.Commands;
using SwrKit.CodeGen;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: SwrKit.CodeGen <settings.nswag> <spec.yaml|json> <output.cs>");
    return 2;
}

var (settingsPath, specPath, outputPath) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]), Path.GetFullPath(args[2]));
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

    var generator = new CSharpClientGenerator(document, settings, WireTypeResolver.Create(settings, document));
    // NSwag's clients and models, then the service facts the hand-written runtime builds on (one output file).
    var code = (generator.GenerateFile() + ServiceFacts.Generate(document)).Replace("\r\n", "\n");

    OutputFile.WriteIfChanged(outputPath, code);
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
