using SwrKit.Analyzers.Tests.Verification;

namespace SwrKit.Analyzers.Tests;

/// <summary>Every row of <c>shared/vectors/names.tsv</c> through the runtime <see cref="SwrNames"/> (the file the analyzer compiles too).</summary>
public class SwrNamesVectorTests
{
    [Fact]
    public void The_vector_file_is_complete()
    {
        Assert.Equal(516, NameVectors.All.Count);
        Assert.Contains(NameVectors.All, v => v.IsNamespace);
        Assert.Contains(NameVectors.All, v => !v.IsNamespace);
    }

    [Theory]
    [MemberData(nameof(NameVectors.Rows), MemberType = typeof(NameVectors))]
    public void Vector(int line)
    {
        var vector = NameVectors.ByLine(line);
        var result = vector.IsNamespace ? SwrNames.CheckNamespace(vector.Input) : SwrNames.CheckRepository(vector.Input);

        Assert.Equal(vector.Verdict, result.IsValid ? "ok" : result.Rule.ToString());
        Assert.Equal(vector.Index ?? -1, result.Index);
        Assert.Equal(vector.Slashes, result.UnescapedSlashes);
        Assert.Equal(vector.Slashes.Length > 0, result.HasUnescapedSlash);
        Assert.Equal(vector.Input, result.Value);

        if (result.IsValid && !result.HasUnescapedSlash)
        {
            Assert.Null(result.Message);
        }
        else
        {
            // The message names the rule (or the slash), the value and the index.
            var message = result.Message;
            Assert.NotNull(message);
            Assert.Contains(result.IsValid ? "unescaped '/'" : result.Rule.ToString(), message);
            Assert.Contains("index " + (result.IsValid ? vector.Slashes[0] : result.Index), message);
        }
    }

    [Fact]
    public void Checking_a_valid_name_allocates_nothing()
    {
        var valid = NameVectors.All.Where(v => v.Verdict == "ok" && v.Slashes.Length == 0).ToList();
        Assert.NotEmpty(valid);
        Check(valid); // JIT first.

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 100; round++)
        {
            Check(valid);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void Check(List<NameVector> vectors)
        {
            foreach (var vector in vectors)
            {
                var result = vector.IsNamespace ? SwrNames.CheckNamespace(vector.Input) : SwrNames.CheckRepository(vector.Input);
                if (!result.IsValid || result.HasUnescapedSlash)
                {
                    throw new InvalidOperationException(vector.ToString());
                }
            }
        }
    }

    [Fact]
    public void Escape_and_unescape_are_inverse_and_keep_the_instance_when_nothing_changes()
    {
        Assert.Equal("group$app", SwrNames.EscapeRepository("group/app"));
        Assert.Equal("group/app", SwrNames.UnescapeRepository("group$app"));
        const string plain = "app";
        Assert.Same(plain, SwrNames.EscapeRepository(plain));
        Assert.Same(plain, SwrNames.UnescapeRepository(plain));
        Assert.Throws<ArgumentNullException>(() => SwrNames.CheckNamespace(null!));
        Assert.Throws<ArgumentNullException>(() => SwrNames.CheckRepository(null!));
    }
}
