using System;

namespace SwrKit;

/// <summary>
/// Marks a parameter or property whose value is an SWR name. The generated client puts it wherever the spec marks a
/// schema with <c>x-swrkit-name</c>; the client checks such values before sending, and the SwrKit analyzer checks
/// them while you type (SWR001-SWR003), so a name added to the spec is covered at once.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class SwrNameAttribute : Attribute
{
    /// <summary>Marks an SWR name of <paramref name="kind"/>.</summary>
    /// <param name="kind">An organization name, or a repository name in its wire form (<c>$</c> for every <c>/</c>).</param>
    public SwrNameAttribute(NameKind kind)
    {
        Kind = kind;
    }

    /// <summary>Which naming rules the value follows.</summary>
    public NameKind Kind { get; }
}
