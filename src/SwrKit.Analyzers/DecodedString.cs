using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SwrKit.Analyzers;

/// <summary>The value of a string literal with, for every UTF-16 code unit, the source span that wrote it (one character, or a whole escape sequence).</summary>
internal sealed class DecodedString
{
    private readonly StringBuilder value = new();
    private readonly List<TextSpan> spans = new();

    /// <summary>The number of UTF-16 code units of the value.</summary>
    public int Length => spans.Count;

    /// <summary>The code unit at <paramref name="index"/>.</summary>
    public char this[int index] => value[index];

    /// <summary>The absolute source span that wrote the code unit at <paramref name="index"/>.</summary>
    public TextSpan GetSpan(int index) => spans[index];

    /// <summary>Whether the decoded value is exactly <paramref name="expected"/>.</summary>
    public bool ValueEquals(string? expected)
    {
        if (expected is null || expected.Length != value.Length)
        {
            return false;
        }

        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] != value[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends one code unit written by the source span [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    public void Add(char c, int start, int length)
    {
        value.Append(c);
        spans.Add(new TextSpan(start, Math.Max(length, 0)));
    }

    /// <inheritdoc/>
    public override string ToString() => value.ToString();
}
