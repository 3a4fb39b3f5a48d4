using System;
using System.Text.Json;

namespace SwrKit;

internal readonly struct ErrorDetails
{
    public ErrorDetails(string? code, string? message, string? requestId)
    {
        Code = code;
        Message = message;
        RequestId = requestId;
    }

    public string? Code { get; }

    public string? Message { get; }

    public string? RequestId { get; }
}

/// <summary>Reads the error fields from any of the shapes these services answer with.</summary>
internal static class ErrorBodyParser
{
    private const int MaxPlainTextMessage = 512;

    public static ErrorDetails Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        var trimmed = body!.Trim();
        if (trimmed[0] is '{' or '[')
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed);
                return FromJson(document.RootElement);
            }
            catch (JsonException)
            {
                // Truncated or malformed JSON: fall through to plain text so the message is still shown.
            }
        }

        return new ErrorDetails(null, trimmed.Length > MaxPlainTextMessage ? trimmed.Substring(0, MaxPlainTextMessage) + "…" : trimmed, null);
    }

    private static ErrorDetails FromJson(JsonElement root)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                // SWR: [{"errorCode": ..., "errorMessage": ..., "detail": ...}]
                foreach (var item in root.EnumerateArray())
                {
                    return FromJson(item);
                }

                return default;
            case JsonValueKind.Object:
                var requestId = Text(root, "request_id") ?? Text(root, "requestId");
                // SWR: {"errors": [ ... ]}
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                {
                    var inner = FromJson(errors);
                    return new ErrorDetails(inner.Code, inner.Message, requestId ?? inner.RequestId);
                }

                var code = Text(root, "error_code") ?? Text(root, "errorCode") ?? Text(root, "code");
                var message = Text(root, "error_msg") ?? Text(root, "errorMessage") ?? Text(root, "error_description") ?? Text(root, "message");
                var detail = Text(root, "detail");
                if (detail is not null && !string.Equals(detail, message, StringComparison.Ordinal))
                {
                    message = message is null ? detail : message + " (" + detail + ")";
                }

                return new ErrorDetails(code, message, requestId);
            default:
                return default;
        }
    }

    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
