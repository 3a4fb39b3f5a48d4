using System;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SwrKit;

/// <summary>
/// A credential the service expects Base64-encoded (the CodeArts mirror <c>username</c> and <c>password</c>).
/// Hand over the plain text (a <see cref="string"/> converts implicitly); SwrKit sends the Base64 of its UTF-8 bytes.
/// The value never appears in <see cref="ToString"/>, the debugger or logs.
/// </summary>
[JsonConverter(typeof(Base64CredentialJsonConverter))]
[DebuggerDisplay("***")]
public sealed class Base64Credential : IEquatable<Base64Credential>
{
    private readonly string _plainText;

    /// <summary>Creates a credential from its plain text.</summary>
    /// <param name="plainText">The plain value, e.g. the user name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plainText"/> is <see langword="null"/>.</exception>
    public Base64Credential(string plainText)
    {
        _plainText = plainText ?? throw new ArgumentNullException(nameof(plainText));
    }

    /// <summary>Creates a credential from a plain string; <see langword="null"/> stays <see langword="null"/> (the field is omitted).</summary>
    /// <param name="plainText">The plain value.</param>
#if NET5_0_OR_GREATER
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(plainText))]
#endif
    public static implicit operator Base64Credential?(string? plainText) => plainText is null ? null : new Base64Credential(plainText);

    /// <summary>Creates a credential from the Base64 text the service uses.</summary>
    /// <param name="base64">Base64 of the UTF-8 bytes.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="FormatException"><paramref name="base64"/> is not valid Base64.</exception>
    public static Base64Credential FromBase64(string base64)
    {
        if (base64 is null)
        {
            throw new ArgumentNullException(nameof(base64));
        }

        return new Base64Credential(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
    }

    /// <summary>Returns the plain text. A method rather than a property so that serializers and loggers never read it by accident.</summary>
    /// <returns>The plain value.</returns>
    public string GetPlainText() => _plainText;

    /// <summary>The value as sent on the wire: Base64 of the UTF-8 bytes.</summary>
    /// <returns>The Base64 text.</returns>
    public string ToBase64() => Convert.ToBase64String(Encoding.UTF8.GetBytes(_plainText));

    /// <summary>Always <c>***</c>: credentials are never printed.</summary>
    /// <returns><c>***</c>.</returns>
    public override string ToString() => "***";

    /// <inheritdoc/>
    public bool Equals(Base64Credential? other) => other is not null && string.Equals(_plainText, other._plainText, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Base64Credential);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_plainText);
}

/// <summary>Writes a <see cref="Base64Credential"/> as its Base64 string and reads it back.</summary>
public sealed class Base64CredentialJsonConverter : JsonConverter<Base64Credential>
{
    /// <inheritdoc/>
    public override Base64Credential? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return Base64Credential.FromBase64(reader.GetString()!);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Base64Credential value, JsonSerializerOptions options)
    {
        writer.WriteBase64StringValue(Encoding.UTF8.GetBytes(value.GetPlainText()));
    }
}
