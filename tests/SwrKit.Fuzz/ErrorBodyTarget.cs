using System.Reflection;
using System.Text;
using System.Text.Json;

namespace SwrKit.Fuzz;

/// <summary>
/// The error body parser on any bytes: it never throws, a body that is not JSON is its own (trimmed, capped) message,
/// and for a complete JSON object the code, message and request ID are the ones a slow reference reads with
/// <see cref="JsonDocument"/>.
/// </summary>
internal static class ErrorBodyTarget
{
    // Internal to SwrKit (no InternalsVisibleTo for this assembly), so called by reflection: Parse(string), which encodes
    // the text as UTF-8 and reads it as the client does.
    private static readonly Func<string, (string? Code, string? Message, string? RequestId)> Parse = CreateParse();

    public static void Run(ReadOnlySpan<byte> data)
    {
        var text = Encoding.UTF8.GetString(data);
        var actual = Parse(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            FuzzAssertionException.Check(actual == default, "an empty body has details");
            return;
        }

        if (trimmed[0] is not ('{' or '['))
        {
            var expected = trimmed.Length > 512 ? trimmed[..512] + "…" : trimmed;
            FuzzAssertionException.Check(actual == (null, expected, null), $"plain text: expected message '{expected}', got {actual}");
            return;
        }

        if (Reference(Encoding.UTF8.GetBytes(text)) is { } reference)
        {
            FuzzAssertionException.Check(actual == reference, $"JSON: reference {reference}, parser {actual}");
        }
    }

    private static Func<string, (string?, string?, string?)> CreateParse()
    {
        var parse = typeof(SwrNames).Assembly.GetType("SwrKit.ErrorBodyParser", throwOnError: true)!
            .GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string)])!;
        var code = parse.ReturnType.GetProperty("Code")!;
        var message = parse.ReturnType.GetProperty("Message")!;
        var requestId = parse.ReturnType.GetProperty("RequestId")!;
        return text =>
        {
            var details = parse.Invoke(null, [text])!;
            return ((string?)code.GetValue(details), (string?)message.GetValue(details), (string?)requestId.GetValue(details));
        };
    }

    /// <summary>
    /// The fields of a complete, valid JSON document (null when it is not one): the first object of a top-level array or
    /// the object itself, SWR's <c>errors</c> array at the top of an object, first value wins except a top-level request ID.
    /// </summary>
    private static (string?, string?, string?)? Reference(byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var fields = new Dictionary<string, string?>();
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                if (root.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object) is { ValueKind: JsonValueKind.Object } first)
                {
                    Collect(first, fields, inErrors: false);
                }
            }
            else if (root.ValueKind == JsonValueKind.Object)
            {
                Collect(root, fields, inErrors: false);
            }
            else
            {
                return null;
            }

            if (fields.Count == 0)
            {
                return (null, null, null);
            }

            string? Get(string name) => fields.TryGetValue(name, out var value) ? value : null;
            var code = Get("error_code") ?? Get("errorCode") ?? Get("code");
            var message = Get("error_msg") ?? Get("errorMessage") ?? Get("error_description") ?? Get("message");
            var detail = Get("detail");
            if (detail is not null && detail != message)
            {
                message = message is null ? detail : $"{message} ({detail})";
            }

            return (code, message, Get("request_id") ?? Get("requestId"));
        }
    }

    private static readonly string[] Names = ["error_code", "errorCode", "code", "error_msg", "errorMessage", "error_description", "message", "detail", "request_id", "requestId"];

    private static void Collect(JsonElement element, Dictionary<string, string?> fields, bool inErrors)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "errors" && !inErrors && property.Value.ValueKind == JsonValueKind.Array)
            {
                if (property.Value.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object) is { ValueKind: JsonValueKind.Object } first)
                {
                    Collect(first, fields, inErrors: true);
                }

                continue;
            }

            if (!Names.Contains(property.Name) || property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                continue;
            }

            var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            var requestId = property.Name is "request_id" or "requestId";
            if (!fields.ContainsKey(property.Name) || (requestId && !inErrors))
            {
                fields[property.Name] = value;
            }
        }
    }
}
