using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
#if NET8_0_OR_GREATER
using System.Text.Json.Serialization.Metadata;
#endif

namespace SwrKit;

/// <summary>
/// Request and response bodies to and from JSON. On net8.0 and later through the metadata of the clients' options,
/// whose resolver is the source-generated <c>SwrKitJsonContext</c> (see <see cref="ServiceClientBase"/>): no
/// reflection, so trimmed and Native AOT applications work. On netstandard2.0 through the same options by reflection;
/// the bytes on the wire are the same.
/// </summary>
internal static class JsonBody
{
    public static byte[] Serialize<T>(T value, JsonSerializerOptions options) =>
#if NET8_0_OR_GREATER
        JsonSerializer.SerializeToUtf8Bytes(value, Metadata<T>(options));
#else
        JsonSerializer.SerializeToUtf8Bytes(value, options);
#endif

    public static T? Deserialize<T>(string json, JsonSerializerOptions options) =>
#if NET8_0_OR_GREATER
        JsonSerializer.Deserialize(json, Metadata<T>(options));
#else
        JsonSerializer.Deserialize<T>(json, options);
#endif

    public static ValueTask<T?> DeserializeAsync<T>(Stream stream, JsonSerializerOptions options, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        JsonSerializer.DeserializeAsync(stream, Metadata<T>(options), cancellationToken);
#else
        JsonSerializer.DeserializeAsync<T>(stream, options, cancellationToken);
#endif

#if NET8_0_OR_GREATER
    // Cached by the options after the first call; a type the context lacks fails here with NotSupportedException.
    private static JsonTypeInfo<T> Metadata<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
#endif
}
