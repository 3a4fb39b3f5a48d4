using System;
using System.Text;
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

/// <summary>
/// Reads the error fields from any of the shapes these services answer with: <c>{"error_code","error_msg"}</c>,
/// SWR's <c>[{"errorCode","errorMessage","detail"}]</c> and <c>{"errors":[...]}</c>, or plain text. The JSON is read
/// token by token and may be cut anywhere (the body reader keeps only a prefix of a large body): fields that appear
/// before the cut are still found.
/// </summary>
internal static class ErrorBodyParser
{
    private const int MaxPlainTextMessage = 512;
    private const int MaxDepth = 64;

    public static ErrorDetails Parse(string? body) =>
        string.IsNullOrWhiteSpace(body) ? default : Parse(Encoding.UTF8.GetBytes(body!), body!);

    public static ErrorDetails Parse(ReadOnlySpan<byte> utf8, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return default;
        }

        if (trimmed[0] is '{' or '[')
        {
            var fields = new Fields();
            try
            {
                var reader = new Utf8JsonReader(utf8, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = MaxDepth }));
                ReadRoot(ref reader, ref fields);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                // Malformed (or not UTF-8) after some point: keep what was read before it.
            }

            if (fields.Found)
            {
                return fields.ToDetails();
            }

            if (fields.Complete)
            {
                return default;
            }
        }

        return new ErrorDetails(null, trimmed.Length > MaxPlainTextMessage ? trimmed.Substring(0, MaxPlainTextMessage) + "…" : trimmed, null);
    }

    private static void ReadRoot(ref Utf8JsonReader reader, ref Fields fields)
    {
        if (!reader.Read())
        {
            return;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            ReadFirstObjectOfArray(ref reader, ref fields, outer: false);
        }
        else if (reader.TokenType == JsonTokenType.StartObject)
        {
            ReadObject(ref reader, ref fields, outer: false);
        }

        // A whole JSON document without error fields says nothing; a cut one is shown as text.
        fields.Complete = reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray;
    }

    // Reads the properties of the object whose StartObject was just read; `outer` marks the body around SWR's "errors".
    private static void ReadObject(ref Utf8JsonReader reader, ref Fields fields, bool outer)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var name = reader.GetString();
            if (!reader.Read())
            {
                return;
            }

            if (name == "errors" && !outer && reader.TokenType == JsonTokenType.StartArray)
            {
                ReadFirstObjectOfArray(ref reader, ref fields, outer: true);
                continue;
            }

            if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
            {
                var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                fields.Set(name, value, fromErrorsArray: outer);
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                return;
            }
        }
    }

    private static void ReadFirstObjectOfArray(ref Utf8JsonReader reader, ref Fields fields, bool outer)
    {
        var first = true;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            if (first && reader.TokenType == JsonTokenType.StartObject)
            {
                first = false;
                ReadObject(ref reader, ref fields, outer);
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                return;
            }
        }
    }

    private struct Fields
    {
        private string? _errorCode;
        private string? _errorCodeCamel;
        private string? _code;
        private string? _errorMsg;
        private string? _errorMessage;
        private string? _errorDescription;
        private string? _message;
        private string? _detail;
        private string? _requestId;
        private string? _requestIdCamel;

        public bool Complete { get; set; }

        public bool Found { get; private set; }

        public void Set(string? name, string? value, bool fromErrorsArray)
        {
            // The request ID of SWR's {"errors":[...]} body sits beside the array; the inner one is a fallback.
            switch (name)
            {
                case "error_code": _errorCode ??= value; break;
                case "errorCode": _errorCodeCamel ??= value; break;
                case "code": _code ??= value; break;
                case "error_msg": _errorMsg ??= value; break;
                case "errorMessage": _errorMessage ??= value; break;
                case "error_description": _errorDescription ??= value; break;
                case "message": _message ??= value; break;
                case "detail": _detail ??= value; break;
                case "request_id" when !fromErrorsArray || _requestId is null: _requestId = value; break;
                case "requestId" when !fromErrorsArray || _requestIdCamel is null: _requestIdCamel = value; break;
                default: return;
            }

            Found = true;
        }

        public ErrorDetails ToDetails()
        {
            var code = _errorCode ?? _errorCodeCamel ?? _code;
            var message = _errorMsg ?? _errorMessage ?? _errorDescription ?? _message;
            if (_detail is not null && !string.Equals(_detail, message, StringComparison.Ordinal))
            {
                message = message is null ? _detail : message + " (" + _detail + ")";
            }

            return new ErrorDetails(code, message, _requestId ?? _requestIdCamel);
        }
    }
}
