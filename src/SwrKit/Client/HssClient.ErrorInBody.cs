using System.Globalization;
using System.Net.Http;
using System.Text;

namespace SwrKit;

public partial class HssClient
{
    /// <summary>
    /// HSS reports failure as HTTP 200 with a non-zero <c>error_code</c> ("0 (success) or a non-zero value (failure)");
    /// that is surfaced as the same <see cref="SwrServiceException"/> as an HTTP error. The check reads the body the
    /// generated code has already deserialized, so a success costs nothing extra (no buffering, no second parse).
    /// </summary>
    private protected override void ValidateResponseObject<T>(HttpResponseMessage response, T value)
    {
        if (value is RunImageSynchronizeResponse { ErrorCode: { } code } result && code != 0)
        {
            // The stream was consumed by the deserializer: the exception carries the body as re-serialized from the
            // model (every field, unknown ones included via AdditionalProperties).
            var body = Encoding.UTF8.GetString(SerializeJson(result, JsonSerializerSettings));
            throw SwrServiceException.FromBodyError(response, code.ToString(CultureInfo.InvariantCulture), result.ErrorDescription, body);
        }
    }
}
