using static SwrKit.Analyzers.Tests.Verification.AnalyzerVerifier;

namespace SwrKit.Analyzers.Tests;

/// <summary>
/// Multi-line raw strings as the compiler reads them: a whitespace-only line keeps the whitespace past the closing
/// line's indentation, and any compiler whitespace (U+001A and U+FEFF too) indents; so the characters after them are
/// still located exactly instead of on the whole literal.
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

    [Theory]
    [InlineData('\u001A')]
    [InlineData('\uFEFF')]
    [InlineData('\u00A0')]
    [InlineData('\t')]
    public Task Any_whitespace_the_compiler_accepts_indents_a_raw_string(char whitespace)
    {
        var indentation = new string(whitespace, 4);
        return VerifyAsync(AnalyzerShapeTests.Code(
            "        await client.DeleteRetentionAsync(\"org\", \"\"\"\n"
            + indentation + "a{|SWR003:/|}b\n"
            + indentation + "\"\"\", 1);"));
    }
}
