using Bandit.Grains;

namespace Bandit.Tests.Contracts;

public sealed class PostIdRulesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("post-42")]
    [InlineData("men/14")]
    [InlineData("user@feed:2024_01.x")]
    public void Validate_AcceptedIds_HaveNoProblem(string postId)
    {
        Assert.Null(PostIdRules.Validate(postId));
    }

    [Theory]
    [InlineData(null, "must not be empty")]
    [InlineData("", "must not be empty")]
    [InlineData("a b", "found U+0020")]
    [InlineData("tab\there", "found U+0009")]
    [InlineData("é", "found U+00E9")]
    [InlineData("a\u0000", "found U+0000")]
    public void Validate_RefusedIds_SayWhy(string? postId, string expected)
    {
        Assert.Contains(expected, PostIdRules.Validate(postId), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LengthLimit_IsInclusive()
    {
        Assert.Null(PostIdRules.Validate(new string('x', PostIdRules.MaxLength)));
        Assert.Equal("must be at most 128 characters, got 129", PostIdRules.Validate(new string('x', 129)));
    }

    [Fact]
    public void Sharding_IsStableAndWithinRange()
    {
        // Persisted bucket numbers depend on this hash: these values must never change.
        // FNV-1a 32-bit of the UTF-8 bytes, modulo 1024, computed independently.
        Assert.Equal(516, PostSharding.DirectoryBucketOf("post-42"));
        Assert.Equal(175, PostSharding.DirectoryBucketOf("0"));
        Assert.All(
            Enumerable.Range(0, 10_000).Select(i => PostSharding.DirectoryBucketOf($"p{i}")),
            b => Assert.InRange(b, 0, PostSharding.DirectoryBuckets - 1));
        Assert.Equal(PostSharding.DirectoryBucketOf("post-42") % 8, PostSharding.ShardOf("post-42", 8));
    }
}
