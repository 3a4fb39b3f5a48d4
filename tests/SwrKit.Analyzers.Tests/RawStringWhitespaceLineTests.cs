using static SwrKit.Analyzers.Tests.Verification.AnalyzerVerifier;

namespace SwrKit.Analyzers.Tests;

/// <summary>
/// A whitespace-only line of a multi-line raw string keeps the whitespace past the closing line's indentation (the
/// compiler's value), so the characters after it are still located exactly instead of on the whole literal.
/// </summary>
public class RawStringWhitespaceLineTests
{
    private static string Call(string whitespaceLine) =>
        "        await client.DeleteRetentionAsync(\"org\", \"\"\"\n"
        + "            ab{|SWR002:\n|}"
        + whitespaceLine + "\n"
        + "            c{|SWR003:/|}d\n"
        + "            \"\"\", 1);";

    [Theory]
    [InlineData("              ")] // longer than the indentation: two spaces stay in the value
    [InlineData("            ")] // exactly the indentation: an empty line
    [InlineData("    ")] // shorter than the indentation: an empty line
    [InlineData("")]
    public Task A_whitespace_only_line_keeps_the_characters_after_it_located(string whitespaceLine) =>
        VerifyAsync(AnalyzerShapeTests.Code(Call(whitespaceLine)));
}
