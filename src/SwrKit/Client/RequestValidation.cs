using System;

namespace SwrKit;

/// <summary>A request body that checks itself before it is sent.</summary>
internal interface IRequestValidation
{
    /// <summary>Throws <see cref="ArgumentException"/> (with <paramref name="paramName"/>) when the body would be rejected.</summary>
    void Validate(string paramName);
}

/// <summary>The runtime guard. Messages are <see cref="NameCheckResult.Message"/>, the same text the analyzer shows.</summary>
internal static class RequestValidation
{
    public static void Namespace(string value, string paramName)
    {
        var result = SwrNames.CheckNamespace(value);
        if (!result.IsValid)
        {
            throw new ArgumentException(result.Message, paramName);
        }
    }

    public static void Repository(string wireValue, string paramName)
    {
        var result = SwrNames.CheckRepository(wireValue);
        if (!result.IsValid || result.HasUnescapedSlash)
        {
            throw new ArgumentException(result.Message, paramName);
        }
    }

    public static void Required(string? value, string property, string paramName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{property} is required.", paramName);
        }
    }
}
