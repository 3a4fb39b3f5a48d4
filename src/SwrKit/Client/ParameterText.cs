using System;
using System.Globalization;

namespace SwrKit;

/// <summary>
/// A path, query, header or form value as text, as NSwag's <c>ConvertToString</c> formats it, but without reflection
/// over enum fields (trimming and Native AOT): an enum by its wire name from the spec (<c>SwrKitEnumWireNames</c>).
/// </summary>
internal static class ParameterText
{
    public static string Format(object? value, CultureInfo culture)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case string text:
                return text;
            case Enum:
                return SwrKitEnumWireNames.Get(value) ?? Convert.ToString(value, culture) ?? string.Empty;
            case bool flag:
                return flag ? "true" : "false";
            case byte[] bytes:
                return Convert.ToBase64String(bytes);
            case string[] texts:
                return string.Join(",", texts);
            case Array array:
                var items = new string[array.Length];
                for (var i = 0; i < array.Length; i++)
                {
                    items[i] = Format(array.GetValue(i), culture);
                }

                return string.Join(",", items);
            default:
                return Convert.ToString(value, culture) ?? string.Empty;
        }
    }
}
