using Bandit.Gateway.Limits;

namespace Bandit.Tests.Limits;

public sealed class KnownPostCacheTests
{
    [Fact]
    public void Add_ManyMoreIdsThanCapacity_NeverHoldsMoreThanCapacity()
    {
        var cache = new KnownPostCache(100);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Add($"post-{i}");
            Assert.InRange(cache.Count, 1, 100);
        }

        Assert.True(cache.Contains("post-9999"));
        Assert.False(cache.Contains("post-0"));
    }

    [Fact]
    public void Contains_IdInUseWhileOthersArrive_StaysKnown()
    {
        var cache = new KnownPostCache(10);
        cache.Add("hot");

        for (var i = 0; i < 1_000; i++)
        {
            cache.Add($"cold-{i}");
            Assert.True(cache.Contains("hot"), $"forgot the id in use after {i} others");
        }
    }
}
